"""`seed_demo` makes a public site complete in both languages: the English site has its
directory, observatory, story and legal pages, its menus lead to English pages, the legal
pages of the footer are reachable, the button « Adhérer » leads to the join page, and the
main menu holds on one row with short labels."""

import re

import pytest

from portal.models import Menu

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeded_once):
    """The demo, seeded once for this module (tests/demo/conftest.py)."""


def footer_legal_links(client, path):
    text = client.get(path).text
    legal = text.split('class="container site-footer__legal"')[1].split("</ul>")[0]
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', legal)


@pytest.mark.parametrize("path", ["/en/directory/", "/en/observatory/",
                                  "/en/the-collective/our-story/", "/en/legal-notice/",
                                  "/en/privacy/", "/en/accessibility/"])
def test_the_english_site_has_the_pages_the_french_one_has(client, seeded, path):
    response = client.get(path)

    assert response.status_code == 200
    assert '<html lang="en">' in response.text


@pytest.mark.parametrize("home", ["/", "/en/"])
def test_every_legal_link_of_the_footer_reaches_its_own_page(client, seeded, home):
    links = footer_legal_links(client, home)
    pages = [(url, label) for url, label in links if not url.endswith(".xml")]

    assert len({url for url, _label in pages}) == len(pages)  # no two links to one address
    for url, label in pages:
        assert client.get(url).status_code == 200, (url, label)


def test_the_english_menus_lead_to_english_pages(client, seeded):
    text = client.get("/en/").text
    menu = text.split('aria-label="Main menu"')[1].split("</nav>")[0]

    assert re.findall(r'href="([^"]+)"', menu) == [
        "/en/the-collective/", "/en/events/", "/en/campaigns/", "/en/directory/",
        "/en/observatory/", "/en/guide-for-elected-officials/", "/en/charter/"]
    assert 'lang="fr"' not in menu


def test_the_join_button_of_every_page_leads_to_the_join_page(client, seeded):
    for home, join in (("/", "/adherer/"), ("/en/", "/en/join/")):
        text = client.get(home).text

        assert f'class="button button--accent site-header__join" href="{join}"' in text


def test_the_main_menu_has_short_labels(seeded):
    menu = Menu.objects.get(location="main", locale__language_code="fr")

    assert [item.value["label"] for item in menu.items][3:] == [
        "Annuaire", "Observatoire", "Guide des élus", "Charte"]


def test_the_home_page_invites_to_join_beside_the_member_associations(client, seeded):
    text = client.get("/").text
    members = text.split('id="home-members-title"')[1].split("</section>")[0]

    assert '<a class="button" href="/adherer/">Rejoindre le collectif</a>' in members


@pytest.mark.parametrize("path", ["/", "/campagnes/conventions-pluriannuelles/",
                                  "/en/campaigns/multi-year-funding-agreements/"])
def test_the_demo_s_pages_show_photos_with_their_credit(client, seeded, path):
    text = client.get(path).text

    figure = text.split('<figure class="block-image">')[1].split("</figure>")[0]
    assert "<picture>" in figure
    assert '<span class="credit">© ' in figure


@pytest.mark.parametrize(("path", "author"), [
    ("/mentions-legales/", "Clemens Engelhardt"), ("/en/legal-notice/", "Aitzol Berasategi")])
def test_the_legal_notice_credits_the_demo_s_photos(client, seeded, path, author):
    assert author in client.get(path).text


def test_no_two_demo_pages_show_the_same_photo_in_their_bodies(seeded):
    from wagtail.models import Page

    photos = {}
    for page in Page.objects.live().filter(locale__language_code="fr").specific():
        for block in getattr(page, "body", None) or []:
            if block.block_type == "image":
                photos.setdefault(block.value["image"].pk, []).append(page.slug)
    assert photos
    assert all(len(slugs) == 1 for slugs in photos.values()), photos
