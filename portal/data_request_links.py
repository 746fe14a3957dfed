"""The links that confirm a request of the page /donnees-personnelles/ (portal/data_requests.py):
signed (django.core.signing: refused when tampered with), dated (refused after
PERSONAL_DATA_LINK_HOURS) and good once (the fingerprint of a used link is kept,
`UsedPersonalDataLink`)."""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from portal.models import UsedPersonalDataLink

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
