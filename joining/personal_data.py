"""What join requests hold on people (the representative's name and address), its export and
its erasure (registered in portal.personal_data by joining.apps).

Erasing blanks the representative's first name, last name and address, and keeps the request,
its association, its decision and its log: the collective still knows who joined and when.
The requests decided more than JOIN_REQUEST_RETENTION_DAYS ago are erased the same way by
`manage.py purge_personal_data` (a request waiting for its decision is kept)."""

import datetime

from django.db import transaction

from joining.models import JoinRequest, JoinRequestStep, JoinStepKind
from portal.personal_data import Retention, iso_datetime


def export(email):
    requests = (JoinRequest.objects.filter(email__iexact=email)
                .select_related("association", "charter_version").order_by("submitted_at", "pk"))
    return [
        {
            "association": join_request.association_name,
            "first_name": join_request.first_name,
            "last_name": join_request.last_name,
            "email": join_request.email,
            "role": join_request.role,
            "motivation": join_request.motivation,
            "charter_version": join_request.charter_version.number,
            "charter_accepted_at": iso_datetime(join_request.charter_accepted_at),
            "language": join_request.language,
            "status": str(join_request.get_status_display()),
            "submitted_at": iso_datetime(join_request.submitted_at),
            "decided_at": iso_datetime(join_request.decided_at),
            "decision_message": join_request.decision_message,
        }
        for join_request in requests
    ]


def erase(email, now):
    """Erase the representative of the requests sent with `email`: the number erased."""
    return erase_requests(JoinRequest.objects.filter(email__iexact=email), now)


def erase_requests(requests, now):
    """Erase the representative of `requests` (a queryset): the number erased."""
    with transaction.atomic():
        ids = list(requests.values_list("pk", flat=True))
        emails = list(requests.exclude(email="").values_list("email", flat=True).distinct())
        JoinRequest.objects.filter(pk__in=ids).update(first_name="", last_name="", email="",
                                                      erased_at=now)
        JoinRequestStep.objects.bulk_create(
            JoinRequestStep(join_request_id=pk, kind=JoinStepKind.ERASED, at=now) for pk in ids
        )
        # The log named the address the emails went to.
        for email in emails:
            JoinRequestStep.objects.filter(join_request_id__in=ids,
                                           message__iexact=email).update(message="")
    return len(ids)


def decided_requests(now, days):
    """Requests not erased yet, decided more than `days` ago."""
    return JoinRequest.objects.filter(
        erased_at__isnull=True, decided_at__lt=now - datetime.timedelta(days=days))


RETENTION = [
    Retention(
        setting="JOIN_REQUEST_RETENTION_DAYS",
        label="Demandes d'adhésion décidées et leur historique",
        outcome="anonymisées (la demande et sa décision restent)",
        expired=decided_requests,
        purge=erase_requests,
    ),
]
