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
