"""A person asks, from the public page /donnees-personnelles/, for what the site holds on
their address (export) or for its erasure, without an administrator.

1. They type their address: the page always answers the same, whether the site holds
   something under it or not, and a background task emails a link to that address.
2. The link is signed (django.core.signing: refused when tampered with), dated (refused after
   PERSONAL_DATA_LINK_HOURS) and works once (its fingerprint is kept once used,
   `UsedPersonalDataLink`). Opening it shows a button: a mail scanner that opens links
   confirms nothing.
3. Confirmed, an export leaves by email as a JSON attachment; an erasure is done at once
   (portal.personal_data.erase: accounts closed, records others need kept anonymous) and a
   confirmation email follows. Both emails are background tasks queued after the commit.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal import personal_data
from portal.background import enqueue_after_commit
from portal.models import UsedPersonalDataLink
from portal.personal_data import Retention

SALT = "portal.personal-data-request"
EXPORT, ERASE = "export", "erase"
ACTIONS = (EXPORT, ERASE)


class LinkRefused(Exception):
    """A link that cannot be used; `reason` is "forged", "expired" or "used"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Request:
    email: str
    action: str
    language: str
    token: str


def link_lifetime():
    return datetime.timedelta(hours=settings.PERSONAL_DATA_LINK_HOURS)


def make_token(email, action, language):
    return signing.dumps({"e": email, "a": action, "l": language}, salt=SALT, compress=True)


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def read_token(token):
    """The request a link carries; LinkRefused when forged, expired or already used."""
    try:
        data = signing.loads(token, salt=SALT, max_age=link_lifetime())
    except signing.SignatureExpired:
        raise LinkRefused("expired") from None
    except signing.BadSignature:
        raise LinkRefused("forged") from None
    if not isinstance(data, dict) or data.get("a") not in ACTIONS or not data.get("e"):
        raise LinkRefused("forged")
    if UsedPersonalDataLink.objects.filter(digest=digest(token)).exists():
        raise LinkRefused("used")
    language = data.get("l") if data.get("l") in dict(settings.LANGUAGES) else \
        settings.LANGUAGE_CODE
    return Request(email=data["e"], action=data["a"], language=language, token=token)


def ask(email, action, language):
    """Email a confirmation link for `action` to `email`, whatever the site holds on it."""
    from portal import tasks

    enqueue_after_commit(tasks.send_data_request_link, email, action, language)


def confirm(token):
    """Use the link `token` (once): queue the export, or erase. Returns the Request;
    LinkRefused otherwise."""
    from portal import tasks

    request = read_token(token)
    with transaction.atomic():
        try:
            with transaction.atomic():
                UsedPersonalDataLink.objects.create(digest=digest(token))
        except IntegrityError:  # used in between
            raise LinkRefused("used") from None
        if request.action == EXPORT:
            enqueue_after_commit(tasks.send_data_export, request.email, request.language)
        else:
            personal_data.erase(request.email)
            enqueue_after_commit(tasks.send_erasure_done, request.email, request.language)
    return request


def export_document(email):
    """What `export_personal_data` writes: {"email", "exported_at", "data": {app: {"label",
    "records"}}}."""
    found = personal_data.export(email)
    return {
        "email": email,
        "exported_at": personal_data.moment(timezone.now()),
        "data": {
            holder.name: {"label": str(holder.label), "records": found[holder.name]}
            for holder in personal_data.holders()
        },
    }


def export_json(email):
    return json.dumps(export_document(email), cls=DjangoJSONEncoder, ensure_ascii=False,
                      indent=2)


# The fingerprints of used links are kept while the link would still work, then deleted.


def stale_links(now, days):
    return UsedPersonalDataLink.objects.filter(
        used_at__lt=now - max(datetime.timedelta(days=days), link_lifetime()))


def delete_links(links, now):
    return links.delete()[1].get("portal.UsedPersonalDataLink", 0)


RETENTION = [
    Retention(
        setting="PERSONAL_DATA_USED_LINK_RETENTION_DAYS",
        label="Empreintes des liens de demande de données personnelles utilisés",
        outcome="supprimées",
        expired=stale_links,
        purge=delete_links,
    ),
]
