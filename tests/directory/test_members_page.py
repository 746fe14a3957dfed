"""The public list of the collective's member associations."""

import datetime

import pytest
from django.utils.html import escape
from wagtail.models import Locale

from directory.models import Commune, MembersPage, Sector
from tests.factories import (
    AssociationFactory,
    DirectoryPageFactory,
    ImageFactory,
    MembersPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

# Queries of one members page, whatever the number of members (once the logos' renditions
# exist: the first display of a new logo makes its rendition).
MAX_QUERIES = 14


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def members_page(home_page, directory):
    return MembersPageFactory(parent=home_page)


def member(**kwargs):
    return AssociationFactory(is_member=True, **kwargs)


def names(response):
    return [association.name for association, _url in response.context["members"]]


def test_the_page_lists_member_associations_by_name(client, members_page):
    member(name="Les Jardins partagés de Vaires")
    member(name="Accueil des exilés en Brie")

    response = client.get(members_page.url)

    assert response.status_code == 200
    assert names(response) == ["Accueil des exilés en Brie", "Les Jardins partagés de Vaires"]


def test_associations_that_are_not_members_are_not_listed(client, members_page):
    member(name="Membre du collectif")
    AssociationFactory(name="Association de l'annuaire seulement")

    response = client.get(members_page.url)

    assert names(response) == ["Membre du collectif"]


def test_dissolved_and_unpublished_members_are_not_listed(client, members_page):
    member(name="Membre en activité")
    member(name="Membre dissous", created_on=datetime.date(2001, 1, 1),
           dissolved_on=datetime.date(2020, 6, 30))
    member(name="Membre retiré de l'annuaire", published=False)

    response = client.get(members_page.url)

    assert names(response) == ["Membre en activité"]
    assert "Membre dissous" not in response.text
    assert "Membre retiré" not in response.text


def test_each_member_links_to_its_page_in_the_directory(client, members_page, directory):
    association = member(name="Entraide et partage chellois")

    response = client.get(members_page.url)

    assert f'href="{directory.url}{association.slug}/"' in response.text


def test_each_member_shows_its_commune_and_sectors(client, members_page):
    member(name="Chorale de Meaux", commune=Commune.objects.get(code="77284"),
           sectors=[Sector.objects.get(code="006000")])

    response = client.get(members_page.url)

    assert "Meaux" in response.text
    assert escape(Sector.objects.get(code="006000").label) in response.text


def test_a_logo_is_shown_as_a_decorative_image_beside_the_name(client, members_page):
    member(name="Association au logo", logo=ImageFactory())

    response = client.get(members_page.url)

    assert '<img alt=""' in response.text


def test_the_count_of_members_is_shown_with_singular_and_plural(client, members_page):
    member()
    assert "1 association membre du collectif" in client.get(members_page.url).text

    member()
    assert "2 associations membres du collectif" in client.get(members_page.url).text


def test_without_members_the_page_says_so(client, members_page):
    response = client.get(members_page.url)

    assert "Aucune association membre pour l'instant." in response.text


def test_the_sector_filter_keeps_the_members_of_that_sector(client, members_page):
    culture, sport = Sector.objects.get(code="006000"), Sector.objects.get(code="011000")
    member(name="Chorale", sectors=[culture])
    member(name="Football club", sectors=[sport])

    response = client.get(members_page.url, {"sector": "006000"})

    assert names(response) == ["Chorale"]
    assert "1 association membre dans ce secteur" in response.text


def test_the_sector_filter_offers_only_sectors_that_have_members(client, members_page):
    member(sectors=[Sector.objects.get(code="006000")])
    AssociationFactory(sectors=[Sector.objects.get(code="011000")])

    response = client.get(members_page.url)

    offered = [code for code, _label in response.context["form"].fields["sector"].choices]
    assert offered == ["", "006000"]


def test_an_unknown_sector_shows_every_member_and_says_why(client, members_page):
    member(name="Chorale", sectors=[Sector.objects.get(code="006000")])
    member(name="Sans secteur")

    response = client.get(members_page.url, {"sector": "999999"})

    assert response.status_code == 200
    assert names(response) == ["Chorale", "Sans secteur"]
    assert "toutes les associations membres sont affichées" in response.text


def test_more_than_sixty_members_are_paginated_and_the_filter_follows(client, members_page):
    culture = Sector.objects.get(code="006000")
    for number in range(61):
        member(name=f"Association {number:02d}", sectors=[culture])

    first = client.get(members_page.url, {"sector": "006000"})
    second = client.get(members_page.url, {"sector": "006000", "page": "2"})

    assert len(names(first)) == 60
    assert 'href="?sector=006000&amp;page=2"' in first.text
    assert names(second) == ["Association 60"]


def test_a_page_number_out_of_range_or_not_a_number_shows_a_page_anyway(client, members_page):
    member(name="Seule membre")

    assert names(client.get(members_page.url, {"page": "99"})) == ["Seule membre"]
    assert names(client.get(members_page.url, {"page": "abc"})) == ["Seule membre"]


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_runs_the_same_bounded_queries_for_3_or_30_members(
    client, members_page, django_assert_max_num_queries, count
):
    sectors = list(Sector.objects.all()[:3])
    for number in range(count):
        member(logo=ImageFactory(), sectors=[sectors[number % 3]],
               commune=Commune.objects.get(code="77284" if number % 2 else "77108"))
    client.get(members_page.url)  # makes the logos' renditions once

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(members_page.url)

    assert len(names(response)) == count


def test_the_join_button_leads_to_the_join_page_chosen_by_editors(client, home_page):
    join = StandardPageFactory(parent=home_page, title="Adhérer", slug="adherer")
    page = MembersPageFactory(parent=home_page, join_page=join)

    response = client.get(page.url)

    assert f'href="{join.url}"' in response.text
    assert "Rejoindre le collectif" in response.text


def test_without_a_join_page_there_is_no_join_button(client, members_page):
    assert "Rejoindre le collectif" not in client.get(members_page.url).text


def test_a_join_page_taken_offline_hides_the_button(client, home_page):
    join = StandardPageFactory(parent=home_page, title="Adhérer", slug="adherer")
    page = MembersPageFactory(parent=home_page, join_page=join)
    join.unpublish()

    assert "Rejoindre le collectif" not in client.get(page.url).text


def test_a_second_members_page_under_the_same_home_page_is_refused(home_page, members_page):
    assert not MembersPage.can_create_at(home_page)


def test_the_english_page_speaks_english_and_links_to_the_english_directory(
    client, english_home, members_page, directory
):
    english = Locale.objects.get(language_code="en")
    directory_en = directory.copy_for_translation(english)
    directory_en.save_revision().publish()
    page_en = members_page.copy_for_translation(english)
    page_en.title = "Member associations"
    page_en.save_revision().publish()
    association = member(name="Chorale", sectors=[Sector.objects.get(code="006000")])

    response = client.get(page_en.url)

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert f'href="{directory_en.url}{association.slug}/"' in response.text
    sector = Sector.objects.get(code="006000")
    assert escape(sector.label_en or sector.label) in response.text
