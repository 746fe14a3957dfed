"""The directory as open data: CSV and JSON of published fields, a schema and a licence."""

import csv
import io
import json

import jsonschema
import pytest

from directory.models import Association, Sector
from tests.factories import AssociationFactory, DirectoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


def content(response):
    return b"".join(response.streaming_content).decode("utf-8")


def test_the_directory_page_links_its_open_data(client, directory):
    response = client.get(directory.url)

    assert (f'<link rel="alternate" type="text/csv" href="{directory.url}donnees/csv/"'
            in response.text)
    assert (f'<link rel="alternate" type="application/json" href="{directory.url}donnees/json/"'
            in response.text)


def test_the_json_export_validates_against_its_schema(client, directory):
    AssociationFactory(name="Chorale de Chelles", sectors=[Sector.objects.get(code="006000")],
                       latitude="48.879", longitude="2.591", is_member=True)
    AssociationFactory(name="Amicale sans coordonnées")

    data = json.loads(content(client.get(f"{directory.url}donnees/json/")))
    schema = json.loads(client.get(f"{directory.url}donnees/schema/").content)

    jsonschema.validate(data, schema)
    assert data["count"] == 2
    assert data["licence"]["name"].startswith("Licence Ouverte")
    first = data["associations"][1]
    assert first["name"] == "Chorale de Chelles"
    assert first["sectors"] == "006000"
    assert first["latitude"] == 48.879
    chorale = Association.objects.get(name="Chorale de Chelles")
    assert first["url"] == f"{directory.full_url}{chorale.slug}/"


def test_the_exports_leave_out_unpublished_associations_and_private_fields(client, directory):
    AssociationFactory(name="Publiée")
    AssociationFactory(name="Retirée", published=False)

    data = json.loads(content(client.get(f"{directory.url}donnees/json/")))

    assert [row["name"] for row in data["associations"]] == ["Publiée"]
    assert "rna_snapshot" not in data["associations"][0]
    assert "description" not in data["associations"][0]


def test_the_csv_export_opens_in_a_spreadsheet_with_its_accents(client, directory):
    AssociationFactory(name="Comité des fêtes", is_member=True)

    response = client.get(f"{directory.url}donnees/csv/")
    text = content(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0]["name"] == "Comité des fêtes"
    assert rows[0]["member"] == "oui"
    assert rows[0]["commune"] == "Chelles"


def test_the_exports_take_the_filters_of_the_page(client, directory):
    AssociationFactory(name="Chorale de Chelles")
    AssociationFactory(name="Football club")

    data = json.loads(content(client.get(f"{directory.url}donnees/json/", {"q": "chorale"})))

    assert [row["name"] for row in data["associations"]] == ["Chorale de Chelles"]


def test_the_export_queries_do_not_grow_with_the_associations(client, directory,
                                                              django_assert_max_num_queries):
    for number in range(60):
        AssociationFactory(name=f"Association {number}")

    with django_assert_max_num_queries(15):
        content(client.get(f"{directory.url}donnees/csv/"))


def test_a_name_that_looks_like_a_formula_cannot_run_in_a_spreadsheet(client, directory):
    AssociationFactory(name='=HYPERLINK("http://example.org","clic")')

    text = content(client.get(f"{directory.url}donnees/csv/"))

    assert "'=HYPERLINK" in text
