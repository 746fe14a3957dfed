"""The impact reports in the demo (`seed_demo`): the value of an hour of volunteering for two
years, the reports of the member associations for the two last full years (the year before
all validated; the open year with one draft and one report sent back with the coordination's
comment), and the page « Observatoire de l'utilité sociale » under the home page, in French
and English. Text and figures in demo/data/impact.toml. The reports are made once: nothing is
added when there is a report."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content
from demo.listing_pages import in_both_languages
from demo.streamfield import stream
from directory.models import Association, Sector
from extranet.impact.models import (
    HourlyValue,
    ImpactReport,
    ReportActivity,
    SocialUtilityPage,
    Status,
)
from extranet.impact.years import open_year

STATUSES = {"validated": Status.VALIDATED, "returned": Status.RETURNED, "draft": Status.DRAFT}


def seed(command, home, english):
    """The hourly values and reports (once), and the observatory page: {slug: page}."""
    data = content.IMPACT
    for entry in data["hourly_values"]:
        _value, created = HourlyValue.objects.get_or_create(year=entry["year"], defaults={
            "amount": entry["amount"], "source": entry["source"],
            "source_url": entry["source_url"]})
        command.created += created
    if not ImpactReport.objects.exists():
        reviewer = get_user_model().objects.filter(username=data["reviewer"]).first()
        for entry in data["reports"]:
            report(entry, reviewer)
        command.created += 1
    page = observatory_page(command, home, english, data["page"])
    return {page.slug: page}


def year_of(entry):
    year = open_year()
    return year if entry["year"] == "open" else year - 1


def report(entry, reviewer):
    """One report with its activities, dated within the year after the one it covers."""
    year, status = year_of(entry), STATUSES[entry["status"]]
    staff = dict(zip(["staff_permanent", "staff_fixed_term", "staff_subsidised",
                      "staff_part_time"], entry["staff"], strict=False))
    shares = dict(zip(["public_grants_share", "calls_for_projects_share"], entry["shares"],
                      strict=False))
    submitted_at = min(timezone.now(), timezone.make_aware(datetime.datetime(year + 1, 4, 15)))
    reviewed_at = min(timezone.now(), submitted_at + datetime.timedelta(days=9))
    submitted = status != Status.DRAFT
    made = ImpactReport.objects.create(
        association=Association.objects.get(name=entry["association"]), year=year,
        status=status, volunteers=entry["volunteers"], **staff, **shares,
        story=paragraph(entry["story"]), public_consent=entry["public_consent"],
        submitted_at=submitted_at if submitted else None,
        reviewed_at=reviewed_at if submitted else None,
        reviewed_by=reviewer if submitted else None,
        review_comment=paragraph(entry.get("review_comment", "")),
    )
    ReportActivity.objects.bulk_create(
        ReportActivity(report=made, sector=Sector.objects.get(code=code),
                       description=description, volunteer_hours=hours, people_reached=people)
        for code, description, hours, people in entry["activities"]
    )
    return made


def paragraph(text):
    return " ".join(text.split())


def observatory_page(command, home, english, texts):
    """« Observatoire de l'utilité sociale » under the home page, and its English version."""
    return in_both_languages(command, SocialUtilityPage, home, english, texts, paragraph,
                             fields=lambda text: {"body": stream(text["body"])})
