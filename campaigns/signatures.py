"""Signing a petition, and confirming the signature from the emailed link (double opt-in).

A signature is recorded at once, unconfirmed, and the email with its confirmation link is
sent by a background task once the row is committed (campaigns.confirmations: the rows
waiting for their email are sent in batches). The link carries the signature's id,
signed and dated (django.core.signing): it is refused when tampered with, and after
CAMPAIGN_CONFIRMATION_DAYS. Confirming is one conditional UPDATE, so that a link clicked
twice, or by two tabs at once, counts once; the counter is a COUNT of confirmed rows, exact
whatever the concurrency.

One signature per email address and campaign (a database constraint). Signing again gets the
same answer as a first signature (the page tells a stranger nothing about an address); the
address's owner learns the rest by email: a signature not confirmed yet gets its
confirmation link again (what was typed this time replacing it), a confirmed one an email
saying it counts already and nothing changed.
"""

import datetime
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import CommentStatus, Signature, source_campaign
from portal import page_cache
from portal.background import enqueue_after_commit
from portal.ratelimits import hit_all

TOKEN_SALT = "campaigns.signature.confirm"  # noqa: S105 (a salt, not a secret)


class Outcome:
    CREATED = "created"  # a new signature, its link on its way
    RESENT = "resent"  # a signature not confirmed yet: its link on its way again
    ALREADY_SIGNED = "already_signed"  # confirmed before: an email says it counts already


@dataclass
class SignResult:
    signature: Signature
    outcome: str


def link_lifetime():
    return datetime.timedelta(days=settings.CAMPAIGN_CONFIRMATION_DAYS)


def confirmation_token(signature):
    return signing.dumps(signature.pk, salt=TOKEN_SALT, compress=False)


def signature_from_token(token):
    """The signature of a confirmation link. Raises signing.SignatureExpired for a link older
    than CAMPAIGN_CONFIRMATION_DAYS, signing.BadSignature for any other bad link
    (Signature.DoesNotExist when the signature was purged)."""
    pk = signing.loads(token, salt=TOKEN_SALT,
                       max_age=link_lifetime().total_seconds())
    if not isinstance(pk, int):
        raise signing.BadSignature("not a signature id")
    return Signature.objects.select_related("campaign").get(pk=pk)


def closed_message(campaign):
    if not campaign.live:
        return _("Cette pétition n'est plus en ligne : elle ne prend plus de signatures.")
    if not campaign.petition_enabled:
        return _("Cette campagne n'a pas de pétition en ligne.")
    return _("Cette pétition est close : elle ne prend plus de signatures. Merci de votre "
             "soutien ; la page dit où en est la campagne.")


def confirmed_count(page):
    """The number of confirmed signatures of the campaign (whatever the page's language)."""
    return Signature.objects.filter(campaign=source_campaign(page)).confirmed().count()


@dataclass
class DailyCounts:
    """The confirmed signatures of a campaign, counted per day (Paris dates)."""

    total: int  # all the campaign's confirmed signatures
    days: list = field(default_factory=list)  # (date, count), every day of the period

    @property
    def period_total(self):
        return sum(count for _day, count in self.days)


def confirmed_per_day(campaign, days=60, today=None):
    """The campaign's confirmed signatures counted by the day they were confirmed, in Paris
    time, over at most `days` days: up to today while the petition is open, up to the last
    confirmation once it is closed; a day without signatures counts 0. Two queries."""
    zone = timezone.get_default_timezone()
    confirmed = Signature.objects.filter(campaign=campaign).confirmed().order_by()
    summary = confirmed.aggregate(total=Count("pk"), first=Min("confirmed_at"),
                                  last=Max("confirmed_at"))
    if not summary["total"]:
        return DailyCounts(total=0)
    today = today or timezone.localdate(timezone=zone)
    last = timezone.localdate(summary["last"], timezone=zone)
    end = today if campaign.petition_is_open() else min(last, today)
    start = max(timezone.localdate(summary["first"], timezone=zone),
                end - datetime.timedelta(days=days - 1))
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    per_day = dict(
        confirmed.filter(confirmed_at__gte=since)
        .annotate(day=TruncDate("confirmed_at", tzinfo=zone))
        .values("day").annotate(count=Count("pk")).values_list("day", "count")
    )
    span = (end - start).days + 1
    return DailyCounts(total=summary["total"], days=[
        (day, per_day.get(day, 0))
        for day in (start + datetime.timedelta(days=n) for n in range(max(span, 0)))
    ])


def sign(page, data, language, now=None, campaign=None, rate_limits=()):
    """Record `data` (the petition form's cleaned data) as a signature of `page`'s campaign
    (`campaign`, when the caller has it already). Raises ValidationError when the petition
    does not take signatures. The signature waits for its confirmation email, which the
    task queued once it is committed sends (campaigns.confirmations). `rate_limits`, the
    limits the signature counts against (pairs RateLimit, value: portal.ratelimits), are
    counted once it is committed, in the round trip to the cache that queues that task."""
    from campaigns import confirmations

    now = now or timezone.now()
    campaign = campaign or source_campaign(page)
    if not (page.live and campaign.live and campaign.petition_is_open(now)):
        raise ValidationError(closed_message(campaign if page.live else page), code="closed")
    values = signature_values(data)
    schedule = partial(confirmations.schedule, rate_limits)
    try:
        # One INSERT, committed by itself outside a transaction (a savepoint within one, so
        # that a refused INSERT leaves the caller's transaction usable).
        in_transaction = transaction.get_connection().in_atomic_block
        with transaction.atomic() if in_transaction else nullcontext():
            signature = Signature(
                campaign=campaign, language=language, created_at=now,
                confirmation_sent_at=now, consent_text=campaign.consent_text, **values,
            )
            signature.save(force_insert=True)
            transaction.on_commit(schedule)
    except IntegrityError:
        signature = Signature.objects.filter(campaign=campaign).of_email(values["email"]).first()
        if signature is None:
            raise
        result = sign_again(signature, values, language, now)
        if result.outcome == Outcome.RESENT:
            transaction.on_commit(schedule)
        elif rate_limits:
            transaction.on_commit(partial(hit_all, rate_limits))
        return result
    return SignResult(signature, Outcome.CREATED)


def signature_values(data):
    comment = (data.get("comment") or "").strip()
    association = data.get("association_id")
    return {
        "first_name": data["first_name"].strip(),
        "last_name": data["last_name"].strip(),
        "email": data["email"].strip(),
        "postcode": data["postcode"].strip(),
        "association_id": association,
        "association_name": "" if association else (data.get("association_name") or "").strip(),
        "comment": comment,
        "comment_status": CommentStatus.PENDING if comment else CommentStatus.NONE,
        "show_publicly": bool(data.get("show_publicly")),
    }


def sign_again(signature, values, language, now):
    """The same address signs again. Not confirmed yet: the signature waits for its
    confirmation email again (the outbox sends it once, however many attempts come before
    it leaves), with what was typed this time. Confirmed: nothing changes, and an email tells
    the address's owner that it counts already. Either way, the caller's answer is the one
    of a first signature."""
    from campaigns.tasks import send_already_signed

    if not signature.confirmed:
        updated = Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True).update(
            confirmation_sent_at=now, confirmation_emailed_at=None, language=language,
            consent_text=signature.campaign.consent_text, **values,
        )
        if updated:
            signature.refresh_from_db()
            return SignResult(signature, Outcome.RESENT)
        signature.refresh_from_db()  # confirmed meanwhile
    enqueue_after_commit(send_already_signed, signature.pk, language)
    return SignResult(signature, Outcome.ALREADY_SIGNED)


def confirm(signature, now=None):
    """Count the signature: True when this call confirmed it, False when it already was.
    Raises ValidationError when its data were erased."""
    if signature.erased_at:
        raise ValidationError(_("Cette signature a été effacée à la demande de son auteur."),
                              code="erased")
    now = now or timezone.now()
    updated = Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True).update(
        confirmed_at=now
    )
    signature.refresh_from_db(fields=["confirmed_at"])
    if updated:  # the counters and the list of signers moved
        page_cache.note_live_change()
    return bool(updated)


def public_signers(page):
    """The confirmed signatures shown in the public list, newest first."""
    return (Signature.objects.filter(campaign=source_campaign(page)).shown()
            .select_related("association").order_by("-confirmed_at", "-pk"))
