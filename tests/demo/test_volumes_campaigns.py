"""`seed_benchmark --signatures N` makes N believable signatures over a few campaigns."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from django.db.models.functions import Lower

from campaigns import signatures
from campaigns.models import CampaignIndexPage, CampaignPage, CampaignStatus, Signature
from demo.volumes.campaigns import CAMPAIGNS
from tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


def test_seed_benchmark_adds_signatures_over_campaigns_and_says_how_fast(home_page):
    AssociationFactory(is_member=True)
    out = io.StringIO()

    call_command("seed_benchmark", "--signatures", "300", stdout=out)

    assert Signature.objects.count() == 300
    index = CampaignIndexPage.objects.get()
    campaigns = CampaignPage.objects.child_of(index).live()
    assert campaigns.count() == len(CAMPAIGNS)
    assert set(campaigns.values_list("status", flat=True)) >= {
        CampaignStatus.OPEN, CampaignStatus.WON, CampaignStatus.CLOSED}
    assert Signature.objects.values("campaign").distinct().count() >= 3
    assert "Signatures: 300 created over 5 campaigns in" in out.getvalue()


def test_benchmark_signatures_are_mostly_confirmed_and_spread_over_days(home_page):
    call_command("seed_benchmark", "--signatures", "400", stdout=io.StringIO())

    confirmed = Signature.objects.confirmed().count()
    assert 0.8 * 400 < confirmed < 400
    assert Signature.objects.dates("created_at", "day").count() > 30
    assert not Signature.objects.filter(confirmed_at__lt=F("created_at")).exists()
    biggest = CampaignPage.objects.get(slug=CAMPAIGNS[0][0])
    assert signatures.confirmed_count(biggest) == Signature.objects.filter(
        campaign=biggest).confirmed().count() > 0


def test_seed_benchmark_can_add_more_signatures_later_with_new_addresses(home_page):
    call_command("seed_benchmark", "--signatures", "50", stdout=io.StringIO())

    call_command("seed_benchmark", "--signatures", "50", stdout=io.StringIO())

    assert Signature.objects.count() == 100
    assert CampaignPage.objects.count() == len(CAMPAIGNS)
    repeated = (Signature.objects.exclude(email="").values(address=Lower("email"))
                .annotate(times=Count("pk")).filter(times__gt=1))
    assert not repeated.exists()
