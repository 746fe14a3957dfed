"""The dues and the solidarity fund in the demo (`seed_demo`): the scale of last year and of
this year, the dues of the member associations (last year all paid, with their receipt
numbers in the order of payment; this year most paid, two declared and not paid, one not
declared), the fund's ledger written by extranet.dues.fund (the share of every paid dues, two
gifts, the correction of a mistyped gift, an aid granted by an adopted public decision of the
coordination committee), and the page « Fonds de solidarité » under the home page, in French
and English. Text and figures in demo/data/dues.toml.

The dues are made once (nothing is added when there are dues), and so is the ledger, which
only grows: nothing is written when the fund has an entry. Its entries are written in the
order of their dates, so that the fund is never below zero on any day."""

import datetime
import zoneinfo
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content
from demo.listing_pages import in_both_languages
from demo.streamfield import stream
from directory.models import Association
from extranet.dues import fund
from extranet.dues.models import (
    Dues,
    DuesBracket,
    DuesScale,
    FundEntry,
    Means,
    SolidarityFundPage,
)
from extranet.governance import register
from extranet.governance.models import Body, Decision, Outcome

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def seed(command, home, english):
    """The scales, the dues and the ledger (once each), and the public page: {slug: page}."""
    data = content.DUES
    this_year = timezone.localdate().year
    for year in (this_year - 1, this_year):
        command.created += scale(year, data["scale"])
    treasurer = get_user_model().objects.get(username=data["treasurer"])
    if not Dues.objects.exists():
        for year, key in ((this_year - 1, "last"), (this_year, "this")):
            year_dues(year, [(entry["association"], entry[key]) for entry in data["dues"]
                             if key in entry], treasurer)
        command.created += 1
    if not FundEntry.objects.exists():
        ledger(data, treasurer)
        command.created += 1
    page = in_both_languages(command, SolidarityFundPage, home, english, data["page"],
                             paragraph, fields=lambda text: {"body": stream(text["body"])})
    return {page.slug: page}


def paragraph(text):
    return " ".join(text.split())


def scale(year, data):
    """The year's scale with its brackets, made if missing: 1 when made, else 0."""
    made, created = DuesScale.objects.get_or_create(year=year, defaults={
        "fund_share": data["fund_share"], "note": paragraph(data["note"])})
    if created:
        DuesBracket.objects.bulk_create(
            DuesBracket(scale=made, budget_from=Decimal(start), amount=Decimal(amount))
            for start, amount in data["brackets"])
    return int(created)


def day(year, when):
    """A day of `year`: "MM-DD", or days from today (never before the 1st of January)."""
    if isinstance(when, str):
        return datetime.date.fromisoformat(f"{year}-{when}")
    today = timezone.localdate()
    return max(datetime.date(year, 1, 1), today + datetime.timedelta(days=when))


def noon(date):
    return datetime.datetime.combine(date, datetime.time(12), tzinfo=PARIS)


def year_dues(year, entries, treasurer):
    """The year's dues of the associations in `entries` ([(name, {budget, declared,
    paid?…})]); the paid ones get their receipt numbers in the order of payment."""
    rows = []
    for name, entry in entries:
        association = Association.objects.get(name=name)
        budget = Decimal(entry["budget"])
        rows.append(Dues(
            association=association, year=year, budget=budget,
            amount=DuesScale.for_year(year).amount_for(budget),
            declared_at=noon(day(year, entry["declared"])),
            declared_by=association.memberships.current().order_by("pk").first().person,
        ))
        if "paid" in entry:
            rows[-1].paid_on = day(year, entry["paid"])
            rows[-1].means = Means(entry["means"])
            rows[-1].reference = entry.get("reference", "")
    paid = sorted((dues for dues in rows if dues.paid_on),
                  key=lambda dues: (dues.paid_on, dues.association.name))
    for number, dues in enumerate(paid, start=1):
        dues.receipt_number = f"{year}-{number:04d}"
        dues.recorded_at, dues.recorded_by = noon(dues.paid_on), treasurer
    for dues in rows:
        dues.full_clean()
        dues.save()


def ledger(data, treasurer):
    """The fund's entries, written in the order of their dates."""
    today = timezone.localdate()

    def on(days):
        return today + datetime.timedelta(days=days)

    writes = [(dues.paid_on, lambda dues=dues: fund.record_dues_share(dues, by=treasurer))
              for dues in Dues.objects.paid().select_related("association")]
    for gift in data["gifts"]:
        writes.append((on(gift["days"]), lambda gift=gift: fund.record_gift(
            gift["amount"], gift["label"], entry_date=on(gift["days"]), by=treasurer)))
    correction = data["correction"]
    writes.append((on(correction["days"]), lambda: fund.record_correction(
        FundEntry.objects.get(label=correction["corrects"]), correction["amount"],
        correction["label"], entry_date=on(correction["days"]), by=treasurer)))
    aid = data["aid"]
    writes.append((on(aid["days"]), lambda: fund.record_redistribution(
        aid["amount"], Association.objects.get(name=aid["association"]),
        aid_decision(data["decision"]), aid["label"], entry_date=on(aid["days"]),
        by=treasurer)))
    for _date, write in sorted(writes, key=lambda item: item[0]):
        write()


def aid_decision(data):
    """The adopted public decision that grants the aid: the one of the register with its
    title, else published now in the register."""
    decision = Decision.objects.filter(title=data["title"]).first()
    if decision is not None:
        return decision
    return register.publish(
        body=Body.objects.get(name=data["body"]), title=data["title"],
        text=paragraph(data["text"]), outcome=Outcome.ADOPTED, is_public=True,
        decided_on=timezone.localdate() + datetime.timedelta(days=data["days"]),
    )
