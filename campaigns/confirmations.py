"""The confirmation emails of the signatures, sent in batches from the signatures themselves.

A signature waiting for its email is a row whose `confirmation_emailed_at` is empty (the
signature is its own outbox): recording it and asking for its email are one INSERT, in one
transaction, so a signature is never recorded without its email on the way, nor the other
way round. Once it is committed, `schedule()` queues the task that sends what waits
(`campaigns.tasks.send_confirmations`) unless one is queued already and has not started: a
burst of signatures queues a handful of tasks, each sending what piled up since the previous
one through one connection to the mail server, instead of one task and one connection a
signature.

Nothing waits forever: the task forgets that it was queued before it reads what waits, so
that a signature committed after it has read queues the next one (see `send_waiting`); the
flag expires on its own (SCHEDULED_FOR) should a task never run; `manage.py
send_waiting_confirmations` sends what waits (cron, as a safety net). An email is sent at
least once: what a batch sent is marked in the transaction that sends it, so a mail server
that fails midway leaves the rest of the batch waiting for the next task, and a worker killed
midway leaves the whole batch waiting (its first emails may then leave twice).
"""

import datetime
import logging
import smtplib

from django.core.cache import cache
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from campaigns.emails import confirmation_email
from campaigns.models import Signature
from campaigns.signatures import link_lifetime
from campaigns.tasks import send_confirmations
from portal.i18n import page_in_language
from portal.ratelimits import hit_all

SCHEDULED_KEY = "campaigns:confirmations:scheduled"
SCHEDULED_FOR = 5 * 60  # seconds: should a queued task never run, the next signature queues one
BATCH = 100  # emails a transaction sends (and rows it locks)
RETRY_AFTER = 60  # seconds, after the mail server failed

logger = logging.getLogger(__name__)


def waiting(now=None):
    """The signatures whose confirmation email has not left yet, and still could: neither
    confirmed nor erased, their link not expired."""
    now = now or timezone.now()
    return Signature.objects.filter(
        confirmation_emailed_at__isnull=True, confirmed_at__isnull=True,
        erased_at__isnull=True, confirmation_sent_at__gt=now - link_lifetime(),
    )


def schedule(rate_limits=()):
    """Have the waiting emails sent: queue the task, unless one is queued and not started.
    Call it once the signatures are committed (`transaction.on_commit(schedule)`). The
    `rate_limits` a signature counts against (pairs RateLimit, value: portal.ratelimits) are
    counted in the same round trip to the cache."""
    if SCHEDULED_KEY in hit_all(rate_limits, add={SCHEDULED_KEY: SCHEDULED_FOR}):
        # Queued at once, not with portal.background.enqueue_after_commit: this runs only
        # as an on_commit callback of the signature (committed already), and the task must
        # be queued by the very call that set the flag, or a burst would wait for nothing.
        send_confirmations.enqueue()


def retry_later(after=RETRY_AFTER):
    """After a failure of the mail server: queue the task again in `after` seconds, when the
    tasks' backend can wait (the database's, in production); signatures until then queue
    nothing more."""
    if not send_confirmations.get_backend().supports_defer:
        return
    cache.set(SCHEDULED_KEY, True, SCHEDULED_FOR)
    # Queued at once, not with portal.background.enqueue_after_commit: this runs in the
    # task, after its failure, outside any transaction.
    send_confirmations.using(
        run_after=timezone.now() + datetime.timedelta(seconds=after)
    ).enqueue()


def send_waiting(batch=BATCH):
    """Send every waiting confirmation email, `batch` a transaction through one connection;
    the number of signatures done with. Tasks running at once share the work: each skips
    the rows another has locked (PostgreSQL). Raises the mail server's error once what was
    sent before it is marked."""
    # Forgotten before reading: a signature committed from now on queues the next task;
    # one committed before is read below.
    cache.delete(SCHEDULED_KEY)
    sent = 0
    pages = {}  # (campaign id, language) -> the campaign's page in that language
    while True:
        with transaction.atomic():
            signatures = list(
                waiting().select_related("campaign").select_for_update(
                    skip_locked=True, of=("self",)
                ).order_by("pk")[:batch]
            )
            handled, failure = deliver(signatures, pages)
            Signature.objects.filter(pk__in=handled).update(
                confirmation_emailed_at=timezone.now()
            )
        sent += len(handled)
        if failure is not None:
            raise failure  # what was sent is marked; the rest waits for the next task
        if len(signatures) < batch:
            return sent


def deliver(signatures, pages):
    """Send the confirmation emails of `signatures` through one connection: (the ids of the
    signatures done with, the error that stopped the connection or None). An address the
    mail server refuses is done with (sending again would fail again, and hold up the others
    behind it)."""
    handled = []
    if not signatures:
        return handled, None
    try:
        with get_connection() as connection:
            for signature in signatures:
                key = (signature.campaign_id, signature.language)
                if key not in pages:
                    pages[key] = page_in_language(signature.campaign, signature.language)
                try:
                    connection.send_messages([confirmation_email(signature, page=pages[key])])
                except smtplib.SMTPRecipientsRefused:
                    logger.warning("Confirmation of signature %s: address refused by the "
                                   "mail server, not sent.", signature.pk)
                handled.append(signature.pk)
    except Exception as error:  # the mail server's: raised once what was sent is marked
        return handled, error
    return handled, None
