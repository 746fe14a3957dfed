"""The members' map of the current offers by commune: its GeoJSON counts the offers of each
placed commune (closed, past offers and requests left out), its page always holds the table
of the offers by commune, both are for members only and cost a bounded number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Commune
from extranet.mutual_aid.models import Category, Kind
from tests.factories.mutual_aid import PostFactory

pytestmark = pytest.mark.django_db

CHELLES, MEAUX, MELUN = "77108", "77284", "77288"
MAP = reverse("extranet:aid_map")
DATA = reverse("extranet:aid_map_data")


@pytest.fixture(autouse=True)
def centres(db):
    """Chelles and Meaux have a known centre; Melun has none."""
    Commune.objects.filter(code=CHELLES).update(latitude=Decimal("48.8811"),
                                                longitude=Decimal("2.5908"))
    Commune.objects.filter(code=MEAUX).update(latitude=Decimal("48.9601"),
                                              longitude=Decimal("2.8788"))
    Commune.objects.filter(code=MELUN).update(latitude=None, longitude=None)


def offer_in(code, **fields):
    return PostFactory(commune=Commune.objects.get(code=code), **fields)


def map_data(client, member, **params):
    client.force_login(member)
    response = client.get(DATA, params)
    assert response.status_code == 200
    return response.json()


def counts(data):
    return {feature["properties"]["name"]: feature["properties"]["count"]
            for feature in data["features"]}


def test_the_map_data_counts_the_current_offers_of_each_commune(client, member):
    offer_in(CHELLES)
    offer_in(CHELLES)
    offer_in(MEAUX)

    data = map_data(client, member)

    assert data["type"] == "FeatureCollection"
    assert counts(data) == {"Chelles": 2, "Meaux": 1}
    assert data["total"] == data["placed"] == 3


def test_a_commune_is_placed_at_its_centre_and_links_to_its_posts(client, member):
    offer_in(MEAUX)

    feature = map_data(client, member)["features"][0]

    assert feature["geometry"] == {"type": "Point", "coordinates": [2.8788, 48.9601]}
    assert feature["properties"]["url"] == f"/extranet/entraide/?kind=offer&commune={MEAUX}"


def test_closed_and_past_offers_and_requests_are_left_out(client, member):
    today = timezone.localdate()
    offer_in(CHELLES)
    offer_in(CHELLES).close()
    offer_in(CHELLES, starts_on=today - datetime.timedelta(days=10),
             ends_on=today - datetime.timedelta(days=1))
    offer_in(MEAUX, kind=Kind.REQUEST)

    assert counts(map_data(client, member)) == {"Chelles": 1}


def test_an_offer_ending_today_is_still_on_the_map(client, member):
    offer_in(CHELLES, ends_on=timezone.localdate())

    assert counts(map_data(client, member)) == {"Chelles": 1}


def test_the_map_data_shows_one_category_when_asked(client, member):
    offer_in(CHELLES, category=Category.SKILLS)
    offer_in(MEAUX, category=Category.PREMISES)

    assert counts(map_data(client, member, categorie="skills")) == {"Chelles": 1}


def test_an_unknown_category_shows_every_offer(client, member):
    offer_in(CHELLES, category=Category.SKILLS)
    offer_in(MEAUX, category=Category.PREMISES)

    assert counts(map_data(client, member, categorie="nimporte")) == {"Chelles": 1,
                                                                      "Meaux": 1}


def test_the_offers_of_a_commune_without_centre_are_counted_as_unplaced(client, member):
    offer_in(CHELLES)
    offer_in(MELUN)

    data = map_data(client, member)

    assert counts(data) == {"Chelles": 1}
    assert (data["total"], data["placed"], data["unplaced"]) == (2, 1, 1)


def test_the_page_lists_every_commune_in_its_table_with_a_link_to_its_posts(client, member):
    offer_in(MELUN)
    offer_in(CHELLES)
    client.force_login(member)

    response = client.get(MAP)

    html = response.content.decode()
    assert "Offres par commune" in html
    assert f'href="/extranet/entraide/?kind=offer&amp;commune={MELUN}"' in html
    assert f'href="/extranet/entraide/?kind=offer&amp;commune={CHELLES}"' in html
    assert [row["name"] for row in response.context["communes"]] == ["Chelles", "Melun"]


def test_the_page_gives_its_script_the_data_of_the_chosen_category(client, member):
    client.force_login(member)

    response = client.get(MAP, {"categorie": "premises"})

    assert f'data-map-url="{DATA}?categorie=premises"' in response.content.decode()


@pytest.mark.parametrize("url", [MAP, DATA])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize("url", [MAP, DATA])
def test_a_person_acting_for_no_association_is_refused(client, non_member, url):
    client.force_login(non_member)

    assert client.get(url).status_code == 403


def offers_in_three_communes(count):
    codes = [CHELLES, MEAUX, MELUN]
    for number in range(count):
        offer_in(codes[number % 3], category=Category.values[number % len(Category.values)])


@pytest.mark.parametrize("url", [MAP, DATA])
def test_the_queries_do_not_grow_with_the_offers(client, member, django_assert_max_num_queries,
                                                 url):
    offers_in_three_communes(3)
    client.force_login(member)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    offers_in_three_communes(27)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert response.status_code == 200


def test_the_map_data_takes_at_most_five_queries(client, member,
                                                  django_assert_max_num_queries):
    offers_in_three_communes(30)
    client.force_login(member)

    with django_assert_max_num_queries(5):
        response = client.get(DATA)

    assert response.json()["total"] == 30


def test_a_commune_links_to_its_offers_in_the_category_shown(client, member):
    offer_in(MEAUX, category=Category.TRANSPORT)

    feature = map_data(client, member, categorie=Category.TRANSPORT)["features"][0]

    assert feature["properties"]["url"] == (
        f"/extranet/entraide/?kind=offer&category=transport&commune={MEAUX}")
