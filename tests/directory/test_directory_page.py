"""The public directory: search, filters, pages of results and one page per association."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Commune, Sector
from tests.factories import AssociationFactory, DirectoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


def names(response):
    return [association.name for association in response.context["results"]]


def test_the_directory_lists_published_associations_by_name(client, directory):
    AssociationFactory(name="Les Jardins partagés")
    AssociationFactory(name="Amicale des locataires")
    AssociationFactory(name="Association cachée", published=False)

    response = client.get(directory.url)

    assert response.status_code == 200
    assert names(response) == ["Amicale des locataires", "Les Jardins partagés"]


def test_search_ignores_accents_both_ways(client, directory):
    AssociationFactory(name="Comité des fêtes de Chelles")
    AssociationFactory(name="Club de randonnée")

    without = client.get(directory.url, {"q": "comite fetes"})
    with_accents = client.get(directory.url, {"q": "Comité des Fêtes"})

    assert names(without) == ["Comité des fêtes de Chelles"]
    assert names(with_accents) == ["Comité des fêtes de Chelles"]


def test_search_looks_into_the_social_object(client, directory):
    AssociationFactory(name="Les Amis du quartier", social_object="Aide aux devoirs des enfants")
    AssociationFactory(name="Club de randonnée", social_object="Marche en forêt")

    response = client.get(directory.url, {"q": "devoirs"})

    assert names(response) == ["Les Amis du quartier"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming needs PostgreSQL")
def test_search_on_postgresql_finds_plural_and_singular(client, directory):
    AssociationFactory(name="Le jardin de Vaires")

    response = client.get(directory.url, {"q": "jardins"})

    assert names(response) == ["Le jardin de Vaires"]


def test_filters_combine(client, directory):
    culture = Sector.objects.get(code="006000")
    sport = Sector.objects.get(code="011000")
    meaux = Commune.objects.get(code="77284")
    AssociationFactory(name="Chorale de Meaux", commune=meaux, sectors=[culture])
    AssociationFactory(name="Chorale de Chelles", sectors=[culture])
    AssociationFactory(name="Football club de Meaux", commune=meaux, sectors=[sport])
    AssociationFactory(name="Chorale dissoute de Meaux", commune=meaux, sectors=[culture],
                       dissolved_on=datetime.date(2020, 1, 1))

    response = client.get(directory.url, {"sector": "006000", "commune": "77284"})

    assert names(response) == ["Chorale de Meaux"]


def test_dissolved_associations_are_listed_on_request(client, directory):
    AssociationFactory(name="Ancienne amicale", dissolved_on=datetime.date(2020, 1, 1))
    AssociationFactory(name="Amicale active")

    assert names(client.get(directory.url)) == ["Amicale active"]
    assert names(client.get(directory.url, {"status": "dissolved"})) == ["Ancienne amicale"]
    assert len(names(client.get(directory.url, {"status": "all"}))) == 2


def test_members_of_the_collective_can_be_listed_alone(client, directory):
    AssociationFactory(name="Membre", is_member=True)
    AssociationFactory(name="Pas membre")

    assert names(client.get(directory.url, {"member": "on"})) == ["Membre"]


def test_the_letter_filter_keeps_names_starting_with_it(client, directory):
    AssociationFactory(name="Amicale")
    AssociationFactory(name="Bibliothèque")

    assert names(client.get(directory.url, {"letter": "B"})) == ["Bibliothèque"]


def test_the_letter_filter_files_an_accented_name_under_its_plain_letter(client, directory):
    AssociationFactory(name="École de musique")
    AssociationFactory(name="Entraide")
    AssociationFactory(name="Amicale")
    found = names(client.get(directory.url, {"letter": "E"}))

    assert sorted(found) == ["Entraide", "École de musique"]


def test_names_starting_with_a_digit_are_under_0_9(client, directory):
    AssociationFactory(name="1, 2, 3 Soleil")
    AssociationFactory(name="« Les Amis »")
    AssociationFactory(name="Amicale")

    response = client.get(directory.url, {"letter": "0"})

    assert names(response) == ["1, 2, 3 Soleil"]
    assert '<a href="?letter=0" aria-current="true">0-9</a>' in response.text


def test_a_renamed_association_moves_to_its_new_letter(client, directory):
    association = AssociationFactory(name="Amicale")
    association.name = "Bibliothèque"
    association.save(update_fields=["name"])

    assert names(client.get(directory.url, {"letter": "B"})) == ["Bibliothèque"]


def test_bad_filter_values_are_ignored_not_fatal(client, directory):
    AssociationFactory(name="Amicale")

    response = client.get(directory.url, {"sector": "999999", "commune": "nowhere",
                                          "letter": "%", "page": "abc", "status": "x"})

    assert response.status_code == 200
    assert names(response) == ["Amicale"]


def test_results_are_paginated_and_links_keep_the_filters(client, directory):
    for number in range(25):
        AssociationFactory(name=f"Chorale {number:02d}")

    first = client.get(directory.url, {"q": "chorale"})
    second = client.get(directory.url, {"q": "chorale", "page": "2"})

    assert len(names(first)) == 20
    assert len(names(second)) == 5
    assert "?q=chorale&amp;page=2" in first.text


@pytest.mark.parametrize("count", [10, 500])
def test_the_directory_runs_a_fixed_number_of_queries(client, directory, count,
                                                      django_assert_max_num_queries):
    culture = Sector.objects.get(code="006000")
    for number in range(count):
        AssociationFactory(name=f"Chorale {number:03d}", sectors=[culture])
    client.get(directory.url)

    with django_assert_max_num_queries(19):
        response = client.get(directory.url, {"sector": "006000"})

    assert response.context["paginator"].count == count


def count_queries(queries):
    return [query["sql"] for query in queries if "COUNT(*)" in query["sql"]]


def test_the_number_of_results_of_a_browse_is_counted_once(client, directory):
    AssociationFactory(name="Chorale")
    client.get(directory.url, {"letter": "C"})

    with CaptureQueriesContext(connection) as queries:
        response = client.get(directory.url, {"letter": "C"})

    assert response.context["paginator"].count == 1
    assert count_queries(queries) == []


def test_a_search_with_words_is_always_counted(client, directory):
    AssociationFactory(name="Chorale")
    client.get(directory.url, {"q": "chorale"})

    with CaptureQueriesContext(connection) as queries:
        client.get(directory.url, {"q": "chorale"})

    assert len(count_queries(queries)) == 1


def test_a_new_association_is_counted_at_the_next_visit(client, directory):
    AssociationFactory(name="Chorale")
    client.get(directory.url, {"letter": "C"})

    AssociationFactory(name="Cercle de lecture")

    assert client.get(directory.url, {"letter": "C"}).context["paginator"].count == 2


def test_an_import_is_counted_at_the_next_visit(client, directory):
    from tests.directory.test_rna_import import SAMPLE, import_rna

    before = client.get(directory.url).context["paginator"].count

    import_rna(SAMPLE, "--department", "77")

    assert client.get(directory.url).context["paginator"].count > before


def test_a_sector_lists_its_associations_by_name(client, directory):
    culture = Sector.objects.get(code="006000")
    for name in ("Théâtre du Val", "Chorale", "Atelier photo"):
        AssociationFactory(name=name, sectors=[culture])
    AssociationFactory(name="Club de foot", sectors=[Sector.objects.get(code="011000")])

    assert names(client.get(directory.url, {"sector": "006000"})) == [
        "Atelier photo", "Chorale", "Théâtre du Val"
    ]


def test_each_association_has_its_own_page_at_a_clean_address(client, directory):
    association = AssociationFactory(
        name="Entraide et partage chellois", short_name="EPC",
        description="Nous accompagnons les personnes âgées isolées.",
        website="https://epc.example.org",
    )

    response = client.get(f"{directory.url}{association.slug}/")

    assert response.status_code == 200
    assert "<h1>Entraide et partage chellois</h1>" in response.text
    assert "Nous accompagnons les personnes âgées isolées." in response.text
    assert 'href="https://epc.example.org"' in response.text
    assert f'<link rel="canonical" href="{directory.full_url}{association.slug}/">' in (
        response.text
    )


def test_an_unpublished_association_has_no_public_page(client, directory):
    association = AssociationFactory(published=False)

    assert client.get(f"{directory.url}{association.slug}/").status_code == 404


def test_an_unknown_association_is_not_found(client, directory):
    assert client.get(f"{directory.url}personne/").status_code == 404


def test_a_commune_filter_works_for_an_association_added_by_hand(client, directory):
    AssociationFactory(name="Chorale de Chelles")
    client.get(directory.url)  # the list of communes is now cached
    AssociationFactory(name="Chorale de Meaux", commune=Commune.objects.get(code="77284"))

    response = client.get(directory.url, {"commune": "77284"})

    assert names(response) == ["Chorale de Meaux"]


def test_counts_are_not_cached_where_each_worker_has_its_own_cache(client, directory,
                                                                   settings):
    settings.CACHE_SHARED_BY_PROCESSES = False
    AssociationFactory(name="Chorale")
    client.get(directory.url, {"letter": "C"})

    with CaptureQueriesContext(connection) as queries:
        client.get(directory.url, {"letter": "C"})

    assert len(count_queries(queries)) == 1
