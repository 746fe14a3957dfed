"""A campaign's page: what it asks, its petition's counter, its timeline and carriers, its
sharing, its printable version, the public list of its signers and the live counter."""

import datetime
import html
from urllib.parse import quote

import pytest
from django.utils import timezone

from campaigns.models import CampaignAssociation, CampaignStatus, CommentStatus
from tests.events.conftest import queries_of
from tests.factories import (
    AssociationFactory,
    CampaignPageFactory,
    CampaignUpdateFactory,
    ElectedOfficialFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db


def head(response):
    return response.text.split("</head>")[0]


def main(response):
    return response.text.split('<main id="main"')[1].split("</main>")[0]


def test_the_page_shows_the_campaign_status(client, campaign):
    text = client.get(campaign.url).text

    assert ('<span class="visually-hidden">État : </span>Ouverte</span>') in text


def test_the_page_lists_the_demands_in_their_order(client, campaign):
    campaign.demands = [
        ("demand", {"title": "Des conventions pluriannuelles", "detail": "Trois ans au moins."}),
        ("demand", {"title": "Des locaux à prix coûtant", "detail": ""}),
    ]
    campaign.save()

    text = client.get(campaign.url).text

    assert "<h2 id=\"campaign-demands-title\">Nos demandes</h2>" in text
    first = text.index("Des conventions pluriannuelles")
    assert first < text.index("Trois ans au moins.") < text.index("Des locaux à prix coûtant")


def test_the_updates_are_shown_newest_first_with_an_anchor_each(client, campaign):
    today = timezone.localdate()
    old = CampaignUpdateFactory(page=campaign, title="Lancement",
                                date=today - datetime.timedelta(days=30))
    new = CampaignUpdateFactory(page=campaign, title="Réponse du département", date=today)
    middle = CampaignUpdateFactory(page=campaign, title="Lettre remise",
                                   date=today - datetime.timedelta(days=10))

    text = client.get(campaign.url).text

    positions = [text.index(f'id="actualite-{update.pk}"') for update in (new, middle, old)]
    assert positions == sorted(positions)
    assert "Réponse du département" in text


def test_the_page_names_the_associations_that_carry_the_campaign(client, campaign):
    CampaignAssociation.objects.create(
        page=campaign, association=AssociationFactory(name="Entraide chelloise"))

    text = client.get(campaign.url).text

    assert "Associations porteuses" in text
    assert "<li>Entraide chelloise</li>" in text


def test_the_counter_shows_only_the_confirmed_signatures_and_the_progress(client, campaign):
    SignatureFactory.create_batch(3, campaign=campaign, confirmed=True)
    SignatureFactory.create_batch(2, campaign=campaign)  # not confirmed yet

    response = client.get(campaign.url)

    assert response.context["count"] == 3
    assert '<strong class="petition__count" data-count>3</strong>' in response.text
    assert "sur un objectif de 1000" in response.text
    assert '<progress class="petition__progress" max="1000" value="3"' in response.text


def test_the_progress_bar_stops_at_the_goal_when_it_is_passed(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, goal=2)
    SignatureFactory.create_batch(3, campaign=campaign, confirmed=True)

    response = client.get(campaign.url)

    assert response.context["percent"] == 100
    assert 'max="2" value="2"' in response.text
    assert ">100 %</progress>" in response.text


def test_a_campaign_without_goal_has_no_progress_bar(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, goal=None)
    SignatureFactory(campaign=campaign, confirmed=True)

    text = main(client.get(campaign.url))

    assert "<progress" not in text
    assert "objectif" not in text


def test_the_english_page_counts_the_signatures_of_the_french_campaign(
    client, campaign, english_campaign
):
    SignatureFactory.create_batch(2, campaign=campaign, confirmed=True)

    response = client.get(english_campaign.url)

    assert response.context["count"] == 2
    assert '<strong class="petition__count" data-count>2</strong>' in response.text


def test_the_page_describes_itself_to_social_networks(client, campaign):
    text = head(client.get(campaign.url))

    assert f'<meta property="og:title" content="{html.escape(campaign.title)}">' in text
    assert f'<meta property="og:url" content="{campaign.full_url}">' in text
    assert '<meta name="twitter:card" content="summary_large_image">' in text
    assert ('<meta property="og:description" '
            'content="Pour des financements pluriannuels des associations.">') in text


def test_the_share_links_carry_the_page_address_url_encoded(client, campaign):
    text = client.get(campaign.url).text
    address = quote(campaign.full_url, safe="")

    assert address.startswith("http%3A%2F%2F")
    assert f"https://www.facebook.com/sharer/sharer.php?u={address}" in text
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={address}" in text
    assert f"mailto:?subject={quote(campaign.title)}&amp;body={address}" in text
    assert "<script src=\"https://" not in text  # no third-party script to share


def test_the_page_links_the_rss_feed_of_the_campaigns_page(client, campaign, campaign_index):
    text = head(client.get(campaign.url))

    assert ('<link rel="alternate" type="application/rss+xml" '
            f'href="{campaign_index.url}rss/"') in text


def test_the_printable_version_has_the_campaign_without_the_form(client, campaign):
    campaign.demands = [("demand", {"title": "Des conventions pluriannuelles", "detail": ""})]
    campaign.save()
    SignatureFactory(campaign=campaign, confirmed=True)

    page = client.get(campaign.url)
    printable = client.get(campaign.url + "imprimer/")

    assert f'href="{campaign.url}imprimer/"' in page.text
    assert printable.status_code == 200
    assert '<meta name="robots" content="noindex">' in head(printable)
    assert "Des conventions pluriannuelles" in printable.text
    assert "1 signature confirmée" in printable.text
    assert 'id="petition-form"' in page.text
    assert "<form" not in main(printable)


def signers_text(client, campaign):
    response = client.get(campaign.url + "signataires/")
    assert response.status_code == 200
    return main(response)


def test_the_signers_list_shows_the_confirmed_signers_who_agreed_to_it(client, campaign):
    SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                     first_name="Aurélie", last_name="Dupontel")
    SignatureFactory(campaign=campaign, confirmed=True, show_publicly=False,
                     first_name="Bérénice", last_name="Discrète")
    SignatureFactory(campaign=campaign, show_publicly=True,
                     first_name="Céleste", last_name="Pasconfirmée")
    SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                     first_name="", last_name="", email="", erased_at=timezone.now())

    text = signers_text(client, campaign)

    assert "<strong>Aurélie D.</strong>" in text
    assert "Bérénice" not in text
    assert "Céleste" not in text
    assert text.count("<li><strong>") == 1
    assert "1 signataire a accepté d'être nommé·e." in text
    assert "3 signatures confirmées en tout." in text


def test_the_signers_list_never_shows_emails_nor_full_last_names(client, campaign):
    SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                     first_name="Aurélie", last_name="Dupontel",
                     email="aurelie.dupontel@example.org")

    for text in (signers_text(client, campaign), client.get(campaign.url).text):
        assert "Aurélie D." in text
        assert "Dupontel" not in text
        assert "aurelie" not in text
        assert "@example.org" not in text


def test_the_signers_list_shows_only_the_approved_comments(client, campaign):
    for status, comment in [(CommentStatus.APPROVED, "Indispensable pour nos salariés."),
                            (CommentStatus.PENDING, "Pas encore relu."),
                            (CommentStatus.REJECTED, "Propos injurieux.")]:
        SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                         comment=comment, comment_status=status)

    for text in (signers_text(client, campaign), client.get(campaign.url).text):
        assert "Indispensable pour nos salariés." in text
        assert "Pas encore relu." not in text
        assert "Propos injurieux." not in text


def test_the_signers_list_names_the_signers_association(client, campaign):
    SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                     association=AssociationFactory(name="Entraide chelloise"))
    SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                     association_name="Club de judo de Meaux")

    text = signers_text(client, campaign)

    assert ", Entraide chelloise" in text
    assert ", Club de judo de Meaux" in text


def test_the_signers_list_comes_fifty_a_page(client, campaign):
    SignatureFactory.create_batch(51, campaign=campaign, confirmed=True, show_publicly=True)

    first = client.get(campaign.url + "signataires/")
    second = client.get(campaign.url + "signataires/", {"page": 2})
    wrong = client.get(campaign.url + "signataires/", {"page": "dernière"})

    assert main(first).count("<li><strong>") == 50
    assert main(second).count("<li><strong>") == 1
    assert wrong.status_code == 200
    assert wrong.context["results"].number == 1


def test_the_signers_list_is_not_published_when_the_campaign_hides_it(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, show_signers=False)
    SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                     first_name="Aurélie")

    assert client.get(campaign.url + "signataires/").status_code == 404
    text = client.get(campaign.url).text
    assert "Aurélie" not in text
    assert "signataires/" not in text


def test_a_closed_campaign_says_so_and_has_no_form(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, status=CampaignStatus.CLOSED)
    SignatureFactory(campaign=campaign, confirmed=True)

    response = client.get(campaign.url)

    assert "Cette pétition est close : elle ne prend plus de signatures." in response.text
    assert 'id="petition-form"' not in response.text
    assert '<strong class="petition__count" data-count>1</strong>' in response.text


def test_a_petition_past_its_deadline_is_closed(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index,
                                   deadline=timezone.now() - datetime.timedelta(hours=1))

    text = client.get(campaign.url).text

    assert "Cette pétition est close" in text
    assert 'id="petition-form"' not in text


def test_an_open_petition_shows_its_form_with_labelled_fields(client, campaign):
    text = client.get(campaign.url).text

    assert ('<form class="form" method="post" novalidate="" '
            f'action="/petitions/signer/{campaign.pk}/" id="petition-form">') in text
    for field in ("first_name", "last_name", "email", "postcode", "consent"):
        assert f'<label for="petition-{field}">' in text
        assert f'id="petition-{field}"' in text
    assert campaign.consent_text[:40] in html.unescape(text)
    assert "Signer la pétition</button>" in text


def fill(campaign, number, first=0):
    for rank in range(first, first + number):
        association = AssociationFactory()
        SignatureFactory(campaign=campaign, confirmed=True, show_publicly=True,
                         association=association, comment="Oui.",
                         comment_status=CommentStatus.APPROVED)
        SignatureFactory(campaign=campaign, show_publicly=True)
        CampaignUpdateFactory(page=campaign, title=f"Étape {rank}")
        CampaignAssociation.objects.create(page=campaign, association=association)
        campaign.officials.add(ElectedOfficialFactory())
    campaign.save()


def test_the_page_runs_as_many_queries_with_many_signatures_as_with_one(client, campaign):
    fill(campaign, 1)
    one = queries_of(client, campaign.url)

    fill(campaign, 30, first=1)

    assert queries_of(client, campaign.url) == one


def test_the_signers_list_runs_as_many_queries_with_many_signers_as_with_one(
    client, campaign
):
    fill(campaign, 1)
    one = queries_of(client, campaign.url + "signataires/")

    fill(campaign, 30, first=1)

    assert queries_of(client, campaign.url + "signataires/") == one


def test_the_live_counter_gives_the_exact_confirmed_count(client, campaign):
    SignatureFactory.create_batch(3, campaign=campaign, confirmed=True)
    SignatureFactory.create_batch(2, campaign=campaign)

    response = client.get(f"/petitions/compteur/{campaign.pk}.json")

    assert response.status_code == 200
    assert response.json() == {"count": 3, "goal": 1000, "percent": 0, "open": True}
    assert response["Cache-Control"] == "public, max-age=10"


def test_the_live_counter_of_the_english_page_counts_the_french_signatures(
    client, campaign, english_campaign
):
    SignatureFactory.create_batch(2, campaign=campaign, confirmed=True)

    response = client.get(f"/en/petitions/compteur/{english_campaign.pk}.json")

    assert response.json()["count"] == 2


def test_the_live_counter_of_an_unpublished_campaign_is_not_found(client, campaign_index):
    draft = CampaignPageFactory(parent=campaign_index, live=False)

    assert client.get(f"/petitions/compteur/{draft.pk}.json").status_code == 404
    assert client.get("/petitions/compteur/999999.json").status_code == 404


def test_the_live_counter_takes_only_get(client, campaign):
    assert client.post(f"/petitions/compteur/{campaign.pk}.json").status_code == 405
