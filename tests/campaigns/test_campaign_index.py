"""The campaigns page: the current campaigns, the ended ones under `?etat=passees`, a theme
filter, pages of twelve, each card with its counter, and the RSS feed linked in the head."""

import pytest

from campaigns.models import CampaignAssociation, CampaignStatus
from tests.events.conftest import queries_of
from tests.factories import (
    AssociationFactory,
    CampaignPageFactory,
    SignatureFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    return {campaign.title for campaign in response.context["results"]}


def card_count(response, title):
    """The counter the card of the campaign `title` shows."""
    return next(campaign.signature_count for campaign in response.context["results"]
                if campaign.title == title)


def ended(index, status, title):
    return CampaignPageFactory(parent=index, title=title, status=status,
                               outcome="<p>Le département a répondu.</p>")


def test_the_open_and_coming_campaigns_are_listed_and_the_ended_ones_are_not(
    client, campaign_index
):
    CampaignPageFactory(parent=campaign_index, title="Ouverte")
    CampaignPageFactory(parent=campaign_index, title="En préparation",
                        status=CampaignStatus.DRAFT)
    ended(campaign_index, CampaignStatus.CLOSED, "Close")
    ended(campaign_index, CampaignStatus.WON, "Gagnée")
    ended(campaign_index, CampaignStatus.LOST, "Perdue")

    response = client.get(campaign_index.url)

    assert titles(response) == {"Ouverte", "En préparation"}
    assert "2 campagnes en cours" in response.text


def test_the_ended_campaigns_are_listed_under_past_campaigns(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Ouverte")
    ended(campaign_index, CampaignStatus.CLOSED, "Close")
    ended(campaign_index, CampaignStatus.WON, "Gagnée")
    ended(campaign_index, CampaignStatus.LOST, "Perdue")

    response = client.get(campaign_index.url, {"etat": "passees"})

    assert titles(response) == {"Close", "Gagnée", "Perdue"}
    assert "<h1>Campagnes passées</h1>" in response.text


def test_the_current_campaigns_link_to_the_past_ones_only_when_there_are_some(
    client, campaign_index
):
    CampaignPageFactory(parent=campaign_index, title="Ouverte")
    past_link = f'href="{campaign_index.url}?etat=passees"'

    assert past_link not in client.get(campaign_index.url).text

    ended(campaign_index, CampaignStatus.WON, "Gagnée")

    assert past_link in client.get(campaign_index.url).text


def test_the_theme_filter_keeps_the_campaigns_of_that_theme(client, campaign_index):
    employment = ThemeFactory(name="Emploi associatif", slug="emploi")
    CampaignPageFactory(parent=campaign_index, title="Sur l'emploi", theme=employment)
    CampaignPageFactory(parent=campaign_index, title="Sur autre chose", theme=ThemeFactory())
    CampaignPageFactory(parent=campaign_index, title="Sans thème")

    response = client.get(campaign_index.url, {"theme": "emploi"})

    assert titles(response) == {"Sur l'emploi"}
    assert f'href="{campaign_index.url}?theme=emploi" aria-current="true"' in response.text


def test_the_theme_filter_applies_to_the_past_campaigns_too(client, campaign_index):
    employment = ThemeFactory(name="Emploi associatif", slug="emploi")
    CampaignPageFactory(parent=campaign_index, title="Ouverte sur l'emploi", theme=employment)
    won = ended(campaign_index, CampaignStatus.WON, "Gagnée sur l'emploi")
    won.theme = employment
    won.save()
    ended(campaign_index, CampaignStatus.WON, "Gagnée sur autre chose")

    response = client.get(campaign_index.url, {"etat": "passees", "theme": "emploi"})

    assert titles(response) == {"Gagnée sur l'emploi"}


def test_an_unknown_theme_lists_every_campaign(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Sur l'emploi",
                        theme=ThemeFactory(slug="emploi"))
    CampaignPageFactory(parent=campaign_index, title="Sans thème")

    response = client.get(campaign_index.url, {"theme": "<script>inconnu"})

    assert titles(response) == {"Sur l'emploi", "Sans thème"}
    assert "<script>inconnu" not in response.text


def test_an_empty_list_says_so_in_the_words_of_the_filter(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Sans thème")
    won = ended(campaign_index, CampaignStatus.WON, "Gagnée sur l'emploi")
    won.theme = ThemeFactory(slug="emploi")
    won.save()

    themed = client.get(campaign_index.url, {"theme": "emploi"}).text
    past_elsewhere = client.get(campaign_index.url, {"etat": "passees", "theme": "autre"}).text

    assert "<p>Aucune campagne en cours pour ce thème.</p>" in themed
    assert "Gagnée sur l&#x27;emploi" in past_elsewhere  # an unknown theme filters nothing


def test_without_past_campaigns_the_past_list_says_so(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Ouverte")

    response = client.get(campaign_index.url, {"etat": "passees"})

    assert titles(response) == set()
    assert "<p>Aucune campagne passée.</p>" in response.text


def test_the_campaigns_come_twelve_a_page(client, campaign_index):
    for number in range(13):
        CampaignPageFactory(parent=campaign_index, title=f"Campagne {number:02d}")

    first = client.get(campaign_index.url)
    second = client.get(campaign_index.url, {"page": 2})

    assert len(titles(first)) == 12
    assert len(titles(second)) == 1
    assert titles(first) | titles(second) == {f"Campagne {number:02d}" for number in range(13)}
    assert "Page 1 sur 2" in first.text
    assert 'href="?page=2" rel="next"' in first.text


@pytest.mark.parametrize("page", ["abc", "99", "-1", ""])
def test_a_page_number_out_of_range_shows_the_first_page(client, campaign_index, page):
    for number in range(13):
        CampaignPageFactory(parent=campaign_index, title=f"Campagne {number:02d}")

    response = client.get(campaign_index.url, {"page": page})

    assert response.context["results"].number == 1
    assert len(titles(response)) == 12


def test_unpublished_and_private_campaigns_are_not_listed(client, campaign_index):
    from wagtail.models import PageViewRestriction

    CampaignPageFactory(parent=campaign_index, title="Publiée")
    CampaignPageFactory(parent=campaign_index, title="Brouillon", live=False)
    private = CampaignPageFactory(parent=campaign_index, title="Réservée")
    PageViewRestriction.objects.create(page=private, restriction_type="password",
                                       password="secret")

    response = client.get(campaign_index.url)

    assert titles(response) == {"Publiée"}
    assert "Brouillon" not in response.text
    assert "Réservée" not in response.text


def test_each_card_counts_only_the_confirmed_signatures_of_its_campaign(
    client, campaign_index
):
    busy = CampaignPageFactory(parent=campaign_index, title="Beaucoup signée", goal=500)
    quiet = CampaignPageFactory(parent=campaign_index, title="Peu signée")
    SignatureFactory.create_batch(3, campaign=busy, confirmed=True)
    SignatureFactory.create_batch(2, campaign=busy)  # not confirmed: not counted
    SignatureFactory(campaign=quiet, confirmed=True)

    response = client.get(campaign_index.url)

    assert card_count(response, "Beaucoup signée") == 3
    assert card_count(response, "Peu signée") == 1
    assert "3 signatures sur un objectif de 500" in response.text
    assert "1 signature sur un objectif de 1000" in response.text


def test_a_campaign_without_signatures_counts_zero(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Toute neuve")

    response = client.get(campaign_index.url)

    assert card_count(response, "Toute neuve") == 0
    assert '<p class="campaign-card__count">0 signature' in response.text


def test_the_english_page_shows_the_count_of_the_french_campaign(
    client, campaign, english_campaign
):
    SignatureFactory.create_batch(3, campaign=campaign, confirmed=True)
    SignatureFactory(campaign=campaign)

    response = client.get(english_campaign.get_parent().url)

    assert titles(response) == {"For jobs in associations"}
    assert card_count(response, "For jobs in associations") == 3


def test_the_page_links_the_rss_feed_of_the_updates_in_its_head(client, campaign_index):
    head = client.get(campaign_index.url).text.split("</head>")[0]

    assert ('<link rel="alternate" type="application/rss+xml" '
            f'href="{campaign_index.url}rss/"') in head


def make_campaigns(index, number, first=0):
    theme = ThemeFactory(slug="emploi")
    for rank in range(first, first + number):
        status = CampaignStatus.OPEN if rank % 2 else CampaignStatus.WON
        campaign = CampaignPageFactory(parent=index, title=f"Campagne {rank}", status=status,
                                       outcome="<p>Obtenu.</p>", theme=theme)
        CampaignAssociation.objects.create(page=campaign, association=AssociationFactory())
        SignatureFactory.create_batch(2, campaign=campaign, confirmed=True)
        SignatureFactory(campaign=campaign)


@pytest.mark.parametrize("query", ["", "?etat=passees", "?theme=emploi"])
def test_the_page_runs_as_many_queries_with_24_campaigns_as_with_4(
    client, campaign_index, query
):
    make_campaigns(campaign_index, 4)
    few = queries_of(client, campaign_index.url + query)

    make_campaigns(campaign_index, 20, first=4)

    assert queries_of(client, campaign_index.url + query) == few
