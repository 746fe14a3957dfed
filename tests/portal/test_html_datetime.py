"""`<time datetime="…">` values are valid HTML: one filter, `html_datetime`, makes them all
(to the second, with the offset; a date alone for a date)."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone

from extranet.accounts.models import Role
from tests.factories import MembershipFactory, PostFactory

PARIS = timezone.get_default_timezone()
# HTML's "valid date string" or "valid global date and time string", as this site writes it.
VALID = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$")


def render(value):
    return Template("{% load portal_tags %}{{ value|html_datetime }}").render(
        Context({"value": value})
    )


def test_a_moment_is_written_to_the_second_in_local_time_with_its_offset():
    moment = datetime.datetime(2026, 12, 6, 9, 30, 0, 123456, tzinfo=datetime.UTC)

    assert render(moment) == "2026-12-06T10:30:00+01:00"


def test_a_summer_moment_has_the_summer_offset():
    assert render(datetime.datetime(2026, 7, 1, 8, 0, tzinfo=datetime.UTC)) == (
        "2026-07-01T10:00:00+02:00"
    )


def test_a_date_is_written_alone():
    assert render(datetime.date(2026, 12, 6)) == "2026-12-06"


def test_no_value_gives_nothing():
    assert render(None) == ""


def test_every_time_element_of_the_templates_uses_the_filter():
    root = Path(settings.BASE_DIR) / "templates"
    values = [
        (path.relative_to(root).as_posix(), value)
        for path in root.rglob("*.html")
        for value in re.findall(r'datetime="([^"]*)"', path.read_text(encoding="utf-8"))
    ]
    assert values
    assert [(name, value) for name, value in values if "|html_datetime }}" not in value] == []


@pytest.mark.django_db
def test_the_news_byline_gives_a_valid_datetime(client):
    post = PostFactory(published_at=timezone.now().replace(microsecond=654321))
    client.force_login(MembershipFactory(role=Role.MEMBER).person)

    response = client.get(f"/extranet/actualites/{post.pk}/")

    values = re.findall(r'<time datetime="([^"]*)"', response.text)
    assert values
    assert all(VALID.match(value) for value in values), values
