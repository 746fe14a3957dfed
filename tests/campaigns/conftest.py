"""The campaigns page of the tests' site and its open campaign."""

import pytest

from tests.factories import CampaignIndexPageFactory, CampaignPageFactory


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def campaign(campaign_index):
    """Open, with a petition and a goal of 1,000 signatures."""
    return CampaignPageFactory(parent=campaign_index, title="Pour l'emploi associatif",
                               slug="emploi-associatif")


@pytest.fixture
def english_campaign(campaign, campaign_index, english_home, english):
    """The English translation of `campaign`, published under the English campaigns page."""
    index_en = campaign_index.copy_for_translation(english)
    index_en.title = "Campaigns"
    index_en.save_revision().publish()
    campaign_en = campaign.copy_for_translation(english)
    campaign_en.title = "For jobs in associations"
    campaign_en.save_revision().publish()
    campaign_en.refresh_from_db()
    return campaign_en
