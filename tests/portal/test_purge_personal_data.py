"""`manage.py purge_personal_data`: every registered kind of personal data has a retention
period read from a setting and documented, and the one command applies them all."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from portal import personal_data
from portal.models import UsedPersonalDataLink

DATA_PROTECTION_DOC = Path(settings.BASE_DIR) / "docs" / "data-protection.md"
KINDS = {"campaigns", "joining", "events", "invitations", "accounts", "groups", "news",
         "directory"}


def test_every_kind_of_personal_data_is_registered_with_a_retention_period():
    holders = {holder.name: holder for holder in personal_data.holders()}

    assert set(holders) >= KINDS
    assert all(holders[name].retention for name in KINDS)


def test_every_retention_period_is_a_setting_documented_on_the_data_protection_page():
    page = DATA_PROTECTION_DOC.read_text()

    for retention in personal_data.retentions():
        assert isinstance(retention.days, int) and retention.days > 0, retention.setting
        assert f"`{retention.setting}`" in page, retention.setting


@pytest.mark.django_db
def test_the_fingerprints_of_used_links_are_deleted_once_the_links_expired(settings):
    settings.PERSONAL_DATA_LINK_HOURS = 24
    settings.PERSONAL_DATA_USED_LINK_RETENTION_DAYS = 2
    UsedPersonalDataLink.objects.create(digest="a" * 64,
                                        used_at=timezone.now() - datetime.timedelta(days=3))
    recent = UsedPersonalDataLink.objects.create(digest="b" * 64)

    call_command("purge_personal_data", stdout=io.StringIO(), stderr=io.StringIO())

    assert list(UsedPersonalDataLink.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.django_db
def test_the_command_reports_each_kind_and_its_setting():
    out = io.StringIO()

    call_command("purge_personal_data", stdout=out, stderr=io.StringIO())

    for retention in personal_data.retentions():
        assert f"({retention.setting} = {retention.days} jours) : 0 " in out.getvalue()
    assert "Purge terminée : 0 enregistrement(s)." in out.getvalue()
