import pytest

pytestmark = pytest.mark.django_db


def test_pages_render(client, campaign, campaign_index):
    for url in [campaign_index.url, campaign.url, campaign.url + "imprimer/",
                campaign.url + "signataires/", campaign.url + "elus/?code_postal=77100",
                campaign_index.url + "rss/", campaign_index.url + "?etat=passees"]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
