"""A person asks, from the public page /donnees-personnelles/, for what the site holds on
their address (export) or for its erasure, without an administrator.

1. They type their address: the page always answers the same, whether the site holds
   something under it or not, and a background task emails a link to that address.
2. The link is signed, dated and works once (portal/data_request_links.py). Opening it shows
   a button: a mail scanner that opens links confirms nothing.
3. Confirmed, an export leaves by email as a JSON attachment; an erasure is done at once
   (portal.personal_data.erase: accounts closed, records others need kept anonymous) and a
   confirmation email follows. Both emails are background tasks queued after the commit.
"""

import datetime

from django.db import IntegrityError, transaction

from portal import personal_data, tasks
from portal.background import enqueue_after_commit
from portal.data_request_links import EXPORT, LinkRefused, digest, link_lifetime, read_token
from portal.models import UsedPersonalDataLink
from portal.personal_data import Retention, delete_records


def ask(email, action, language):
    """Email a confirmation link for `action` to `email`, whatever the site holds on it."""
    enqueue_after_commit(tasks.send_data_request_link, email, action, language)


def confirm(token):
    """Use the link `token` (once): queue the export, or erase. Returns the Request;
    LinkRefused otherwise."""
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


# The fingerprints of used links are kept while the link would still work, then deleted.


def stale_links(now, days):
    return UsedPersonalDataLink.objects.filter(
        used_at__lt=now - max(datetime.timedelta(days=days), link_lifetime()))


RETENTION = [
    Retention(
        setting="PERSONAL_DATA_USED_LINK_RETENTION_DAYS",
        label="Empreintes des liens de demande de données personnelles utilisés",
        outcome="supprimées",
        expired=stale_links,
        purge=delete_records,
    ),
]
