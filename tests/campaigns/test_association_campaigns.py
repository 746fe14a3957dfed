"""An association's page in the directory lists the campaigns it carries: current ones, then
past ones, in the page's language."""

import pytest

from campaigns.association_campaigns import CARRIED_CURRENT, CARRIED_PAST, carried_by
from campaigns.models import CampaignAssociation, CampaignStatus
from directory.association_sections import shown_context
from tests.events.conftest import queries_of
from tests.factories import (
    AssociationFactory,
    CampaignPageFactory,
    DirectoryPageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def shown_on_page(response, key, part):
    """The items of `part` in the section `key` of an association's page ([] if not shown)."""
    context = shown_context(response.context["sections"], key) or {}
    return context.get(part, [])


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def association(db):
    return AssociationFactory(name="Accueil des exilés en Brie")


def carried(campaign_index, association, **kwargs):
    campaign = CampaignPageFactory(parent=campaign_index, **kwargs)
    CampaignAssociation.objects.create(page=campaign, association=association)
    return campaign


def url_of(directory, association):
    return f"{directory.url}{association.slug}/"


def test_the_association_page_lists_the_campaigns_it_carries(
    client, directory, campaign_index, association
):
    carried(campaign_index, association, title="Des emplois stables pour l'accès aux droits")
    carried(campaign_index, association, title="Des salles gratuites à Chelles",
            status=CampaignStatus.WON, outcome="<p>Gratuité maintenue.</p>")

    response = client.get(url_of(directory, association))

    text = response.content.decode()
    assert '<h2 id="association-campaigns">Ses campagnes</h2>' in text
    assert '<section aria-labelledby="association-campaigns">' in text
    assert ("Des emplois stables pour l&#x27;accès aux droits</a> "
            '<span class="badge">ouverte</span>') in text
    assert "<h3>Campagnes passées</h3>" in text
    assert 'Des salles gratuites à Chelles</a> <span class="badge">gagnée</span>' in text
    assert text.index("association-contact") < text.index("Ses campagnes") < text.index(
        "Retour à l")


def test_current_and_past_campaigns_are_listed_apart_newest_first(
    client, directory, campaign_index, association
):
    draft = carried(campaign_index, association, status=CampaignStatus.DRAFT)
    open_first = carried(campaign_index, association)
    open_last = carried(campaign_index, association)
    won = carried(campaign_index, association, status=CampaignStatus.WON, outcome="<p>Oui.</p>")
    lost = carried(campaign_index, association, status=CampaignStatus.LOST,
                   outcome="<p>Non.</p>")
    closed = carried(campaign_index, association, status=CampaignStatus.CLOSED)

    response = client.get(url_of(directory, association))

    assert shown_on_page(response, "campaigns", "current") == [open_last, open_first, draft]
    assert shown_on_page(response, "campaigns", "past") == [closed, lost, won]


def test_the_campaigns_of_other_associations_are_not_listed(
    client, directory, campaign_index, association
):
    mine = carried(campaign_index, association)
    carried(campaign_index, AssociationFactory(), title="La campagne d'une autre association")
    CampaignPageFactory(parent=campaign_index, title="Une campagne sans association")

    response = client.get(url_of(directory, association))

    assert shown_on_page(response, "campaigns", "current") == [mine]
    assert "La campagne d&#x27;une autre association" not in response.content.decode()
    assert "Une campagne sans association" not in response.content.decode()


def test_an_unpublished_campaign_is_not_listed(client, directory, campaign_index, association):
    unpublished = carried(campaign_index, association, title="Campagne retirée")
    unpublished.unpublish()

    response = client.get(url_of(directory, association))

    assert shown_on_page(response, "campaigns", "current") == []
    assert shown_on_page(response, "campaigns", "past") == []
    assert "Ses campagnes" not in response.content.decode()
    assert "Campagne retirée" not in response.content.decode()


def test_a_campaign_of_a_private_section_is_not_listed(directory, campaign_index, association):
    from wagtail.models import PageViewRestriction

    carried(campaign_index, association)
    PageViewRestriction.objects.create(page=campaign_index,
                                       restriction_type=PageViewRestriction.LOGIN)

    assert carried_by(association, campaign_index.locale) == ([], [])


def test_the_english_page_lists_the_english_campaigns(
    client, directory, campaign_index, association, english_home, english
):
    campaign = carried(campaign_index, association, title="Des emplois stables",
                       theme=ThemeFactory())
    directory_en = directory.copy_for_translation(english)
    directory_en.save_revision().publish()
    index_en = campaign_index.copy_for_translation(english)
    index_en.title, index_en.slug = "Campaigns", "campaigns"
    index_en.save_revision().publish()
    campaign_en = campaign.copy_for_translation(english)
    campaign_en.title = "Stable jobs"
    campaign_en.save_revision().publish()

    response = client.get(url_of(directory_en, association))

    assert response.status_code == 200
    assert shown_on_page(response, "campaigns", "current") == [campaign_en]
    text = response.content.decode()
    assert f'<a href="{campaign_en.url}">Stable jobs</a>' in text
    assert "Des emplois stables" not in text
    response = client.get(url_of(directory, association))
    assert shown_on_page(response, "campaigns", "current") == [campaign]


def test_the_lists_are_bounded(directory, campaign_index, association):
    for _number in range(CARRIED_CURRENT + 1):
        carried(campaign_index, association)
    for _number in range(CARRIED_PAST + 1):
        carried(campaign_index, association, status=CampaignStatus.CLOSED)

    current, past = carried_by(association, campaign_index.locale)

    assert (len(current), len(past)) == (CARRIED_CURRENT, CARRIED_PAST)


def test_the_page_reads_as_many_queries_with_8_campaigns_as_with_1(
    client, directory, campaign_index, association, django_assert_max_num_queries
):
    carried(campaign_index, association, theme=ThemeFactory())
    url = url_of(directory, association)
    with_one = queries_of(client, url)
    for number in range(7):
        status = CampaignStatus.OPEN if number % 2 else CampaignStatus.CLOSED
        carried(campaign_index, association, status=status, theme=ThemeFactory())

    assert queries_of(client, url) == with_one
    with django_assert_max_num_queries(with_one):
        response = client.get(url)
    assert len(shown_on_page(response, "campaigns", "current")) == 4
    assert len(shown_on_page(response, "campaigns", "past")) == 4
