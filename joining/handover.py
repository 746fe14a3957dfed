"""The join requests waiting for an answer, in the coordination's handover list
(extranet/governance/handover.py; registered in joining/apps.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.governance.handover import LIMIT
from joining.models import JoinRequest
from portal import dates


def pending_join_requests():
    pending = JoinRequest.objects.pending()
    listed = pending.select_related("association").order_by("submitted_at", "pk")[:LIMIT]
    return pending.count(), [
        (_("%(association)s, demande du %(date)s") % {
            "association": join_request.association_name,
            "date": dates.long_date(timezone.localdate(join_request.submitted_at)),
        }, reverse("wagtailsnippets_joining_joinrequest:review", args=[join_request.pk]))
        for join_request in listed
    ]
