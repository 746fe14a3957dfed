"""What the campaigns hold on people (the signatures, and the letters the site sent for them),
its export and its erasure (registered in portal.personal_data by campaigns.apps), and the
retention periods that `manage.py purge_personal_data` applies.

Erasing a signature empties what identifies its signer but keeps the row (its campaign, its
dates): a confirmed signature still counts, anonymous. Its letters keep their official, state
and dates; their subject and text, which carry the signer's words and name, are replaced.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from campaigns.models import CURRENT_STATUSES, CommentStatus, Letter, Signature
from portal import page_cache
from portal.personal_data import Retention, delete_records, iso_datetime

ERASED = "[effacé]"


def export(email):
    signatures = (Signature.objects.of_email(email)
                  .select_related("campaign", "association")
                  .prefetch_related("letters__official")
                  .order_by("created_at", "pk"))
    return [signature_record(signature) for signature in signatures]


def signature_record(signature):
    return {
        "campaign": signature.campaign.title,
        "first_name": signature.first_name,
        "last_name": signature.last_name,
        "email": signature.email,
        "postcode": signature.postcode,
        "association": signature.association_label,
        "comment": signature.comment,
        "comment_status": str(signature.get_comment_status_display()),
        "show_publicly": signature.show_publicly,
        "consent_text": signature.consent_text,
        "language": signature.language,
        "created_at": iso_datetime(signature.created_at),
        "confirmation_sent_at": iso_datetime(signature.confirmation_sent_at),
        "confirmation_emailed_at": iso_datetime(signature.confirmation_emailed_at),
        "confirmed_at": iso_datetime(signature.confirmed_at),
        "letters": [
            {
                "official": letter.official.name,
                "subject": letter.subject,
                "body": letter.body,
                "status": str(letter.get_status_display()),
                "created_at": iso_datetime(letter.created_at),
                "sent_at": iso_datetime(letter.sent_at),
            }
            for letter in signature.letters.all()
        ],
    }


def erase(email, now):
    """Erase the signatures of `email` (and their letters): the number of signatures erased."""
    return erase_signatures(Signature.objects.of_email(email), now)


def erase_signatures(signatures, now):
    """Empty what identifies the signers of `signatures` (a queryset), keep what counts.
    Returns the number of signatures erased; those already erased are left as they are."""
    with transaction.atomic():
        ids = list(signatures.filter(erased_at__isnull=True).values_list("pk", flat=True))
        if not ids:
            return 0
        Letter.objects.filter(signature_id__in=ids).update(subject=ERASED, body=ERASED)
        page_cache.invalidate()  # an erased signer leaves the public list at once
        return Signature.objects.filter(pk__in=ids).update(
            first_name="", last_name="", email="", postcode="", association=None,
            association_name="", comment="", comment_status=CommentStatus.NONE,
            show_publicly=False, erased_at=now,
        )


# Retention periods (settings CAMPAIGN_UNCONFIRMED_RETENTION_DAYS and
# CAMPAIGN_SIGNATURE_RETENTION_DAYS)


def stale_unconfirmed(days, now):
    """Unconfirmed signatures signed more than `days` ago whose last confirmation link was
    also sent more than `days` ago (signing again sends a new one: its link still works)."""
    cutoff = now - datetime.timedelta(days=days)
    return Signature.objects.unconfirmed().filter(created_at__lt=cutoff).filter(
        Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lt=cutoff)
    )


def expired_signatures(now, days=None):
    """Confirmed signatures, not erased yet, signed more than `days` (default
    CAMPAIGN_SIGNATURE_RETENTION_DAYS) ago, of a campaign that is neither in preparation nor
    open."""
    days = settings.CAMPAIGN_SIGNATURE_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    return (Signature.objects.confirmed()
            .filter(erased_at__isnull=True, created_at__lt=cutoff)
            .exclude(campaign__status__in=CURRENT_STATUSES))



RETENTION = [
    Retention(
        setting="CAMPAIGN_UNCONFIRMED_RETENTION_DAYS",
        label="Signatures non confirmées (depuis l'envoi de leur dernier lien)",
        outcome="supprimées",
        expired=lambda now, days: stale_unconfirmed(days, now),
        purge=delete_records,
    ),
    Retention(
        setting="CAMPAIGN_SIGNATURE_RETENTION_DAYS",
        label="Signatures confirmées et leurs lettres aux élus, campagnes terminées",
        outcome="anonymisées (elles restent comptées)",
        expired=lambda now, days: expired_signatures(now, days),
        purge=erase_signatures,
    ),
]
