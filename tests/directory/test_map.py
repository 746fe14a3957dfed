"""The directory's map: GeoJSON of the results, filtered like the list, bounded in size and
queries; the page shows it only to browsers running its script."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Association, Commune, DirectoryPage, Sector
from tests.factories import AssociationFactory, DirectoryPageFactory

pytestmark = pytest.mark.django_db

CHELLES, MEAUX, MELUN = "77108", "77284", "77288"


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def centres(db):
    """Chelles and Meaux have a known centre; Melun has none."""
    Commune.objects.filter(code=CHELLES).update(latitude=Decimal("48.8811"),
                                                longitude=Decimal("2.5908"))
    Commune.objects.filter(code=MEAUX).update(latitude=Decimal("48.9601"),
                                              longitude=Decimal("2.8788"))


def commune(code):
    return Commune.objects.get(code=code)


def map_data(client, directory, **params):
    response = client.get(f"{directory.url}carte/", params)
    assert response.status_code == 200
    return response.json()


def names(data):
    return sorted(feature["properties"]["name"] for feature in data["features"])


def test_the_map_data_is_a_geojson_feature_collection(client, directory, centres):
    association = AssociationFactory(name="Chorale de Chelles")

    response = client.get(f"{directory.url}carte/")

    assert response["Content-Type"] == "application/geo+json"
    assert "max-age=300" in response["Cache-Control"]
    assert response.json() == {
        "type": "FeatureCollection",
        "grouped": False,
        "total": 1,
        "placed": 1,
        "unplaced": 0,
        "features": [{
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [2.5908, 48.8811]},
            "properties": {"kind": "association", "name": "Chorale de Chelles",
                           "url": f"{directory.url}{association.slug}/",
                           "commune": "Chelles"},
        }],
    }


def test_the_map_shows_only_published_associations(client, directory, centres):
    AssociationFactory(name="Publiée")
    AssociationFactory(name="Retirée", published=False)

    data = map_data(client, directory)

    assert names(data) == ["Publiée"]
    assert data["total"] == 1


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "chorale"}, ["Chorale de Chelles", "Chorale de Meaux"]),
    ({"sector": "011000"}, ["Football club de Meaux"]),
    ({"commune": MEAUX}, ["Chorale de Meaux", "Football club de Meaux"]),
    ({"member": "on"}, ["Chorale de Chelles"]),
    ({"status": "dissolved"}, ["Ancienne chorale"]),
    ({"letter": "F"}, ["Football club de Meaux"]),
])
def test_the_map_honours_the_filters_of_the_list(client, directory, centres, params, expected):
    culture = Sector.objects.get(code="006000")
    sport = Sector.objects.get(code="011000")
    AssociationFactory(name="Chorale de Chelles", sectors=[culture], is_member=True)
    AssociationFactory(name="Chorale de Meaux", commune=commune(MEAUX), sectors=[culture])
    AssociationFactory(name="Football club de Meaux", commune=commune(MEAUX), sectors=[sport])
    AssociationFactory(name="Ancienne chorale", dissolved_on=datetime.date(2020, 1, 1))

    assert names(map_data(client, directory, **params)) == expected


def test_an_association_s_own_position_comes_before_its_commune_centre(client, directory,
                                                                       centres):
    AssociationFactory(name="Chez elle", latitude=Decimal("48.8794"),
                       longitude=Decimal("2.5903"))

    feature = map_data(client, directory)["features"][0]

    assert feature["geometry"]["coordinates"] == [2.5903, 48.8794]


def test_associations_without_any_position_are_counted_as_unplaced(client, directory, centres):
    AssociationFactory(name="À Chelles")
    AssociationFactory(name="À Melun, sans centre connu", commune=commune(MELUN))
    AssociationFactory(name="Sans commune", commune=None)
    AssociationFactory(name="Sans commune, placée", commune=None,
                       latitude=Decimal("48.5"), longitude=Decimal("2.6"))

    data = map_data(client, directory)

    assert names(data) == ["Sans commune, placée", "À Chelles"]
    assert (data["total"], data["placed"], data["unplaced"]) == (4, 2, 2)


def test_above_the_threshold_the_map_groups_associations_by_commune(
    client, directory, centres, monkeypatch
):
    monkeypatch.setattr(DirectoryPage, "MAP_MAX_POINTS", 2)
    for number in range(2):
        AssociationFactory(name=f"Chorale {number} de Chelles")
    for number in range(3):
        AssociationFactory(name=f"Chorale {number} de Meaux", commune=commune(MEAUX))
    AssociationFactory(name="Chorale sans centre", commune=commune(MELUN))

    data = map_data(client, directory, q="chorale")

    assert data["grouped"] is True
    assert (data["total"], data["placed"], data["unplaced"]) == (6, 5, 1)
    assert [feature["properties"] for feature in data["features"]] == [
        {"kind": "commune", "name": "Chelles", "count": 2,
         "url": f"{directory.url}?q=chorale&commune={CHELLES}"},
        {"kind": "commune", "name": "Meaux", "count": 3,
         "url": f"{directory.url}?q=chorale&commune={MEAUX}"},
    ]
    assert data["features"][1]["geometry"]["coordinates"] == [2.8788, 48.9601]


def test_a_commune_without_centre_is_placed_at_its_associations_mean_position_when_grouped(
    client, directory, monkeypatch
):
    monkeypatch.setattr(DirectoryPage, "MAP_MAX_POINTS", 1)
    AssociationFactory(commune=commune(MELUN), latitude=Decimal("48.5"),
                       longitude=Decimal("2.6"))
    AssociationFactory(commune=commune(MELUN), latitude=Decimal("48.6"),
                       longitude=Decimal("2.7"))

    feature = map_data(client, directory)["features"][0]

    assert feature["properties"]["count"] == 2
    assert feature["geometry"]["coordinates"] == [2.65, 48.55]


def test_grouped_associations_without_a_commune_are_counted_by_area(client, directory,
                                                                    monkeypatch):
    monkeypatch.setattr(DirectoryPage, "MAP_MAX_POINTS", 1)
    AssociationFactory(commune=None, latitude=Decimal("48.51"), longitude=Decimal("2.61"))
    AssociationFactory(commune=None, latitude=Decimal("48.52"), longitude=Decimal("2.62"))

    data = map_data(client, directory)

    assert data["features"] == [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [2.6, 48.5]},
        "properties": {"kind": "area", "count": 2},
    }]


def queries_for(client, directory, count, **params):
    culture = Sector.objects.get(code="006000")
    Association.objects.all().delete()
    for number in range(count):
        AssociationFactory(name=f"Chorale {number:03d}", sectors=[culture],
                           commune=commune(MEAUX if number % 2 else CHELLES))
    client.get(f"{directory.url}carte/", params)  # warms the cached list of communes
    with CaptureQueriesContext(connection) as context:
        client.get(f"{directory.url}carte/", params)
    return len(context.captured_queries)


@pytest.mark.parametrize("params", [{}, {"sector": "006000", "q": "chorale"}])
def test_the_map_runs_the_same_number_of_queries_for_3_or_40_associations(
    client, directory, centres, params
):
    assert queries_for(client, directory, 3, **params) == queries_for(
        client, directory, 40, **params
    )


def test_grouping_runs_the_same_number_of_queries_for_3_or_40_associations(
    client, directory, centres, monkeypatch
):
    monkeypatch.setattr(DirectoryPage, "MAP_MAX_POINTS", 2)

    assert queries_for(client, directory, 3) == queries_for(client, directory, 40)


def test_no_association_takes_the_address_of_the_map(directory):
    association = AssociationFactory(name="Carte", rna_id="")

    assert association.slug != "carte"


def test_the_page_holds_a_hidden_map_with_the_data_url_of_its_filters(client, directory):
    AssociationFactory(name="Chorale de Chelles")

    response = client.get(directory.url, {"q": "chorale", "member": "on", "page": "1"})

    assert '<section class="directory-map" aria-labelledby="directory-map-title" hidden' in (
        response.text
    )
    assert f'data-map-url="{directory.url}carte/?q=chorale&amp;member=on"' in response.text
    assert 'aria-label="Carte des associations de la liste"' in response.text
    assert "js/directory_map.js" in response.text
    assert "leaflet/leaflet.js" in response.text


def test_the_map_has_no_tiles_unless_configured(client, directory, settings):
    assert 'data-tiles-url=""' in client.get(directory.url).text

    settings.DIRECTORY_MAP_TILES = {"url": "https://tiles.example.org/{z}/{x}/{y}.png",
                                    "attribution": "© Contributeurs"}

    assert 'data-tiles-url="https://tiles.example.org/{z}/{x}/{y}.png"' in (
        client.get(directory.url).text
    )


def test_other_pages_do_not_load_leaflet(client, home_page):
    assert "leaflet" not in client.get("/").text


@pytest.mark.parametrize("path", [
    "leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/images/marker-icon.png",
    "leaflet-markercluster/leaflet.markercluster-src.js",
    "leaflet-markercluster/MarkerCluster.css", "js/directory_map.js",
])
def test_the_map_s_static_files_are_found(path):
    assert finders.find(path)


@pytest.mark.parametrize("path", ["leaflet/leaflet-src.esm.js",
                                  "leaflet-markercluster/leaflet.markercluster.js"])
def test_package_files_the_site_does_not_load_are_not_served(path):
    assert finders.find(path) is None


def test_commune_links_keep_only_the_filters_the_list_understood(client, directory, centres,
                                                                 monkeypatch):
    monkeypatch.setattr(DirectoryPage, "MAP_MAX_POINTS", 1)
    for number in range(2):
        AssociationFactory(name=f"Chorale {number} de Chelles")

    data = map_data(client, directory, q="x" * 500, unknown="y" * 500, status="active")

    urls = [feature["properties"]["url"] for feature in data["features"]]
    assert urls == [f"{directory.url}?status=active&commune={CHELLES}"]
