"""Mutual aid in Chromium with axe-core (WCAG 2.1 A and AA), on the demo content: the public
page of the offers, and the members' map of the offers by commune (its markers on a plain
background, and its table)."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from directory.models import Commune
from extranet.mutual_aid.models import Category, Kind, MutualAidPage, Post
from home.models import HomePage
from tests.browser.test_extranet import sign_in
from tests.factories.mutual_aid import MutualAidPageFactory, PostFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHELLES, MEAUX, MELUN = "77108", "77284", "77288"


@pytest.fixture
def offers(site_url):
    """Besides the demo's offers: offers in Chelles and Meaux (placed) and in Melun (no
    centre), three of them public."""
    Commune.objects.filter(code=CHELLES).update(latitude=Decimal("48.8811"),
                                                longitude=Decimal("2.5908"))
    Commune.objects.filter(code=MEAUX).update(latitude=Decimal("48.9601"),
                                              longitude=Decimal("2.8788"))
    Commune.objects.filter(code=MELUN).update(latitude=None, longitude=None)
    for code, category, public in [(CHELLES, Category.PREMISES, True),
                                   (CHELLES, Category.SKILLS, True),
                                   (MEAUX, Category.EQUIPMENT, True),
                                   (MELUN, Category.TRANSPORT, False)]:
        PostFactory(commune=Commune.objects.get(code=code), category=category,
                    is_public=public)


@pytest.fixture
def aid_page(offers):
    home = HomePage.objects.get(locale__language_code="fr")
    return (MutualAidPage.objects.filter(locale=home.locale).first()
            or MutualAidPageFactory(parent=home))


def watch_errors(page):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_the_public_page_of_the_offers_passes_axe(page, site_url, aid_page, assert_accessible):
    problems = watch_errors(page)

    response = page.goto(site_url + aid_page.url)

    assert response.status == 200
    expect(page.locator(".aid-offer")).to_have_count(Post.objects.public().count())
    expect(page.get_by_role("heading", name="Votre association est membre ?")).to_be_visible()
    assert_accessible(page)
    assert problems == []


def test_the_map_of_the_offers_passes_axe(page, site_url, offers, assert_accessible):
    problems = watch_errors(page)
    sign_in(page, site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")

    page.goto(site_url + "/extranet/entraide/carte/")

    canvas = page.get_by_role("region", name="Carte des offres par commune")
    placed = (Post.objects.current().filter(kind=Kind.OFFER, commune__latitude__isnull=False)
              .values("commune").distinct().count())
    expect(canvas.locator(".leaflet-marker-icon")).to_have_count(placed)
    expect(canvas.locator(".leaflet-tile")).to_have_count(0)
    expect(page.get_by_role("table", name="Offres en cours par commune")).to_be_visible()
    assert_accessible(page)
    assert problems == []


def test_a_member_opens_a_commune_from_the_map_with_the_keyboard(page, site_url, offers):
    sign_in(page, site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")
    page.goto(site_url + "/extranet/entraide/carte/")

    in_chelles = Post.objects.current().filter(kind=Kind.OFFER, commune__code=CHELLES).count()
    marker = page.get_by_role("button", name=f"Chelles : {in_chelles} offres")
    marker.focus()
    page.keyboard.press("Enter")

    link = page.locator(".leaflet-popup").get_by_role("link",
                                                     name=f"Chelles : {in_chelles} offres")
    expect(link).to_have_attribute("href", f"/extranet/entraide/?kind=offer&commune={CHELLES}")
