"""The RSS feed of the campaigns' updates, at <campaigns page>/rss/."""

import datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from tests.events.conftest import queries_of
from tests.factories import CampaignPageFactory, CampaignUpdateFactory

pytestmark = pytest.mark.django_db


def feed(client, index):
    response = client.get(index.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own output)


def items(channel):
    return [(item.findtext("title"), item.findtext("link"))
            for item in channel.iter("item")]


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def test_the_feed_is_valid_rss_named_after_the_campaigns_page(client, campaign_index,
                                                               campaign):
    CampaignUpdateFactory(page=campaign, title="Lancement")

    rss = feed(client, campaign_index)

    assert rss.tag == "rss"
    assert rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "Campagnes : actualités des campagnes"
    assert channel.findtext("link") == campaign_index.full_url
    assert channel.findtext("language") == "fr"


def test_the_items_are_the_updates_newest_first_linking_to_their_anchor(
    client, campaign_index, campaign
):
    other = CampaignPageFactory(parent=campaign_index, title="Des locaux pour tous",
                                slug="locaux")
    launch = CampaignUpdateFactory(page=campaign, title="Lancement", date=days_ago(20))
    answer = CampaignUpdateFactory(page=campaign, title="Réponse", date=days_ago(1))
    letter = CampaignUpdateFactory(page=other, title="Lettre au maire", date=days_ago(5))

    rss = feed(client, campaign_index)

    assert items(rss) == [
        ("Pour l'emploi associatif · Réponse", f"{campaign.full_url}#actualite-{answer.pk}"),
        ("Des locaux pour tous · Lettre au maire", f"{other.full_url}#actualite-{letter.pk}"),
        ("Pour l'emploi associatif · Lancement", f"{campaign.full_url}#actualite-{launch.pk}"),
    ]


def test_an_item_links_to_an_anchor_that_the_campaign_page_has(client, campaign_index,
                                                                campaign):
    update = CampaignUpdateFactory(page=campaign, title="Lancement")

    [(_title, link)] = items(feed(client, campaign_index))

    anchor = link.split("#")[1]
    assert f'id="{anchor}"' in client.get(campaign.url).text
    assert anchor == f"actualite-{update.pk}"


def test_an_item_gives_the_text_of_the_update_without_markup(client, campaign_index,
                                                              campaign):
    CampaignUpdateFactory(page=campaign, title="Lancement",
                          text="<p>Lettre remise au <b>préfet</b> &amp; au maire.</p>")

    item = feed(client, campaign_index).find("channel/item")

    assert item.findtext("description") == "Lettre remise au préfet & au maire."
    assert " 12:00:00 +0" in item.findtext("pubDate")


def test_the_updates_of_unpublished_campaigns_are_not_in_the_feed(client, campaign_index,
                                                                  campaign):
    draft = CampaignPageFactory(parent=campaign_index, title="En préparation", live=False)
    CampaignUpdateFactory(page=draft, title="Secret")
    CampaignUpdateFactory(page=campaign, title="Publique")

    titles = [title for title, _link in items(feed(client, campaign_index))]

    assert titles == ["Pour l'emploi associatif · Publique"]


def test_a_campaigns_page_without_updates_has_an_empty_feed(client, campaign_index):
    assert items(feed(client, campaign_index)) == []


def test_the_feed_runs_as_many_queries_with_30_updates_as_with_2(client, campaign_index):
    def updates(number):
        for _rank in range(number):
            campaign = CampaignPageFactory(parent=campaign_index)
            CampaignUpdateFactory(page=campaign)

    updates(2)
    few = queries_of(client, campaign_index.url + "rss/")

    updates(28)

    assert queries_of(client, campaign_index.url + "rss/") == few
