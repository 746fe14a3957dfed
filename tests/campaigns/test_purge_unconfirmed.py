"""`manage.py purge_unconfirmed_signatures`, every day: unconfirmed signatures deleted after
CAMPAIGN_UNCONFIRMED_RETENTION_DAYS (or --days), confirmed ones of ended campaigns erased
after CAMPAIGN_SIGNATURE_RETENTION_DAYS (still counted, anonymous)."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
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


def purge(*options):
    out = io.StringIO()
    call_command("purge_unconfirmed_signatures", *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def end(campaign, status=CampaignStatus.CLOSED):
    type(campaign).objects.filter(pk=campaign.pk).update(status=status)


def test_unconfirmed_signatures_older_than_the_retention_period_are_deleted(campaign):
    signed(campaign, 31)

    output = purge()

    assert not Signature.objects.exists()
    assert "1 signature(s) non confirmée(s) de plus de 30 jours supprimée(s)." in output


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


def test_days_sets_the_retention_period(campaign):
    signed(campaign, 11)
    signed(campaign, 9)

    output = purge("--days", "10")

    assert Signature.objects.count() == 1
    assert "1 signature(s) non confirmée(s) de plus de 10 jours supprimée(s)." in output


def test_days_zero_is_refused(campaign):
    signed(campaign, 31)

    with pytest.raises(CommandError, match="--days doit valoir au moins 1"):
        purge("--days", "0")

    assert Signature.objects.count() == 1


def test_dry_run_counts_and_changes_nothing(campaign):
    signed(campaign, 31)
    end(campaign)
    signed(campaign, 400, confirmed=True)

    output = purge("--dry-run")

    assert "1 signature(s) non confirmée(s) de plus de 30 jours seraient supprimée(s)." in output
    assert "1 signature(s) de plus de 365 jours, de campagnes terminées, seraient" in output
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
    assert "1 signature(s) de plus de 365 jours, de campagnes terminées, effacée(s)" in output


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

    assert "0 signature(s) non confirmée(s)" in output
    assert "0 signature(s) de plus de 365 jours" in output
    assert confirmed_count(campaign) == 1
