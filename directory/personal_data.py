"""What the directory holds on people: who proposed a change of an association's public
record from the extranet (`AssociationChangeRequest.submitted_by`), its export and its
retention period (registered in portal.personal_data by directory.apps).

The association's public contact details are the association's, not a person's: they are
not covered. Erasing leaves the requests to the accounts' erasure (the request stays signed by
the closed, anonymous account: the record of what was asked and decided stays). The requests
decided or withdrawn more than ASSOCIATION_CHANGE_REQUEST_RETENTION_DAYS ago forget who
proposed them (`manage.py purge_personal_data`).
"""

import datetime

from django.db.models import Q

from directory.models import AssociationChangeRequest
from portal.personal_data import Retention, iso_datetime, people


def export(email):
    requests = (AssociationChangeRequest.objects.filter(submitted_by__in=people(email))
                .select_related("association").order_by("submitted_at", "pk"))
    return [
        {
            "association": change.association.name,
            "status": str(change.get_status_display()),
            "submitted_at": iso_datetime(change.submitted_at),
            "proposed": {name: str(value) for name, value in change.proposed().items()},
            "reviewed_at": iso_datetime(change.reviewed_at),
            "review_note": change.review_note,
        }
        for change in requests
    ]


def closed_requests(now, days):
    """Requests still naming who proposed them, decided (or, withdrawn, sent) more than `days`
    ago."""
    cutoff = now - datetime.timedelta(days=days)
    Status = AssociationChangeRequest.Status
    return AssociationChangeRequest.objects.filter(submitted_by__isnull=False).filter(
        Q(status__in=[Status.APPROVED, Status.REJECTED], reviewed_at__lt=cutoff)
        | Q(status=Status.WITHDRAWN, submitted_at__lt=cutoff)
    )


def forget_proposers(requests, now):
    return AssociationChangeRequest.objects.filter(
        pk__in=list(requests.values_list("pk", flat=True))).update(submitted_by=None)


RETENTION = [
    Retention(
        setting="ASSOCIATION_CHANGE_REQUEST_RETENTION_DAYS",
        label="Modifications de fiche proposées, décidées ou retirées (qui les a proposées)",
        outcome="anonymisées (la demande et sa décision restent)",
        expired=closed_requests,
        purge=forget_proposers,
    ),
]
