"""`manage.py purge_personal_data`, every day, for the petitions: unconfirmed signatures
deleted after CAMPAIGN_UNCONFIRMED_RETENTION_DAYS, confirmed ones of ended campaigns erased
after CAMPAIGN_SIGNATURE_RETENTION_DAYS (still counted, anonymous); and its former name,
purge_unconfirmed_signatures."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import CampaignStatus, Signature
from campaigns.signatures import confirmed_count
from tests.factories import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.CAMPAIGN_CONFIRMATION_DAYS = 7
    settings.CAMPAIGN_UNCONFIRMED_RETENTION_DAYS = 30
    settings.CAMPAIGN_SIGNATURE_RETENTION_DAYS = 365


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def signed(campaign, days, **kwargs):
    """A signature signed `days` ago, its link sent then."""
    when = days_ago(days)
    kwargs.setdefault("confirmation_sent_at", when)
    return SignatureFactory(campaign=campaign, created_at=when, **kwargs)


UNCONFIRMED = "(CAMPAIGN_UNCONFIRMED_RETENTION_DAYS = 30 jours) : "
CONFIRMED = "(CAMPAIGN_SIGNATURE_RETENTION_DAYS = 365 jours) : "


def purge(*options, command="purge_personal_data"):
    out = io.StringIO()
    call_command(command, *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def end(campaign, status=CampaignStatus.CLOSED):
    type(campaign).objects.filter(pk=campaign.pk).update(status=status)


def test_unconfirmed_signatures_older_than_the_retention_period_are_deleted(campaign):
    signed(campaign, 31)

    output = purge()

    assert not Signature.objects.exists()
    assert UNCONFIRMED + "1 supprimées." in output


def test_recent_unconfirmed_signatures_are_kept(campaign):
    signed(campaign, 29)

    purge()

    assert Signature.objects.count() == 1


def test_old_confirmed_signatures_of_an_open_campaign_are_kept(campaign):
    signature = signed(campaign, 400, confirmed=True)

    purge()

    signature.refresh_from_db()
    assert signature.erased_at is None and signature.email


def test_a_signature_sent_a_new_link_recently_is_kept(campaign):
    signed(campaign, 40, confirmation_sent_at=days_ago(2))  # signed again: a new link

    purge()

    assert Signature.objects.count() == 1


def test_the_setting_sets_the_retention_period(campaign, settings):
    settings.CAMPAIGN_UNCONFIRMED_RETENTION_DAYS = 10
    signed(campaign, 11)
    signed(campaign, 9)

    output = purge()

    assert Signature.objects.count() == 1
    assert "(CAMPAIGN_UNCONFIRMED_RETENTION_DAYS = 10 jours) : 1 supprimées." in output


def test_the_former_command_name_still_purges(campaign):
    signed(campaign, 31)

    output = purge(command="purge_unconfirmed_signatures")

    assert not Signature.objects.exists()
    assert UNCONFIRMED + "1 supprimées." in output


def test_dry_run_counts_and_changes_nothing(campaign):
    signed(campaign, 31)
    end(campaign)
    signed(campaign, 400, confirmed=True)

    output = purge("--dry-run")

    assert UNCONFIRMED + "1 seraient supprimées." in output
    assert CONFIRMED + "1 seraient anonymisées" in output
    assert Signature.objects.count() == 2
    assert not Signature.objects.filter(erased_at__isnull=False).exists()


def test_old_confirmed_signatures_of_an_ended_campaign_are_erased_and_still_count(campaign):
    signature = signed(campaign, 400, confirmed=True)
    end(campaign, CampaignStatus.WON)

    output = purge()

    signature.refresh_from_db()
    assert (signature.email, signature.first_name) == ("", "")
    assert signature.erased_at is not None
    assert confirmed_count(campaign) == 1
    assert CONFIRMED + "1 anonymisées" in output


def test_recent_confirmed_signatures_of_an_ended_campaign_are_kept(campaign):
    signature = signed(campaign, 300, confirmed=True)
    end(campaign)

    purge()

    signature.refresh_from_db()
    assert signature.erased_at is None


def test_purging_twice_changes_nothing_more(campaign):
    signed(campaign, 31)
    signed(campaign, 400, confirmed=True)
    end(campaign)
    purge()

    output = purge()

    assert UNCONFIRMED + "0 supprimées" in output
    assert CONFIRMED + "0 anonymisées" in output
    assert confirmed_count(campaign) == 1
