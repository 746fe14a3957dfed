"""The observatory's open data: CSV and JSON under the page's address (donnees/csv/,
donnees/json/), their licence, the hourly values with their source, hidden cells left without
figures, and a JSON that its own schema (donnees/schema/, JSON Schema 2020-12) describes."""

import csv
import io

import pytest

from extranet.impact.models import Status
from tests.factories.impact import (
    HourlyValueFactory,
    ImpactReportFactory,
    ReportActivityFactory,
    SocialUtilityPageFactory,
    sector,
)

pytestmark = pytest.mark.django_db

JSON_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
              "object": dict, "array": list, "null": type(None)}


@pytest.fixture
def page(home_page):
    return SocialUtilityPageFactory(parent=home_page)


@pytest.fixture
def reports():
    HourlyValueFactory(year=2025, amount="11.88", source="SMIC 2025",
                       source_url="https://www.service-public.fr/smic")
    for name in ("Les Restos de Chelles", "Jardins de Vaires", "Chorale de Meaux"):
        made = ImpactReportFactory(year=2025, status=Status.VALIDATED, public_consent=True,
                                   association__name=name)
        ReportActivityFactory(report=made, sector=sector("006000"), volunteer_hours=100)
    # Hidden beside the secret sector, else the year less the others would give it away.
    small = ImpactReportFactory(year=2025, status=Status.VALIDATED, public_consent=True,
                                association__name="Petite amicale")
    ReportActivityFactory(report=small, sector=sector("011000"), volunteer_hours=50)
    hidden = ImpactReportFactory(year=2025, status=Status.VALIDATED, public_consent=False,
                                 association__name="Discrète association")
    ReportActivityFactory(report=hidden, sector=sector("019000"), volunteer_hours=4321)
    ImpactReportFactory(year=2025, status=Status.DRAFT, association__name="Brouillon")


def check(value, schema, where="$"):
    """A small JSON Schema check (type, required, properties, additionalProperties, items):
    the keywords the schema uses. Returns the errors found."""
    errors = []
    types = schema.get("type")
    if types:
        types = types if isinstance(types, list) else [types]
        valid = any(isinstance(value, JSON_TYPES[kind])
                    and not (kind in ("integer", "number") and isinstance(value, bool))
                    for kind in types)
        if not valid:
            return [f"{where}: {value!r} is not {types}"]
    if isinstance(value, dict):
        errors += [f"{where}: {key} missing" for key in schema.get("required", [])
                   if key not in value]
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors += check(item, properties[key], f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: {key} not allowed")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += check(item, schema["items"], f"{where}[{index}]")
    return errors


def test_the_json_validates_against_its_schema(client, page, reports):
    data = client.get(page.url + "donnees/json/").json()
    schema = client.get(page.url + "donnees/schema/").json()

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert check(data, schema) == []


def test_the_json_gives_the_licence_and_the_hourly_values_with_their_source(
    client, page, reports
):
    data = client.get(page.url + "donnees/json/").json()

    assert data["licence"]["name"] == "Licence Ouverte / Open Licence version 2.0"
    assert data["hourly_values"] == [{"year": 2025, "amount": 11.88, "source": "SMIC 2025",
                                      "source_url": "https://www.service-public.fr/smic"}]
    assert data["years"][0]["value_euros"] == round((300 + 50 + 4321) * 11.88)


def test_the_json_leaves_hidden_cells_without_figures(client, page, reports):
    data = client.get(page.url + "donnees/json/").json()

    cells = {cell["sector_code"]: cell for cell in data["sectors"]}
    assert cells["019000"]["hidden"] is True
    assert cells["019000"]["volunteer_hours"] is None
    assert cells["011000"]["hidden"] is True
    assert cells["006000"]["volunteer_hours"] == 300


def test_the_json_names_only_the_associations_that_agreed(client, page, reports):
    data = client.get(page.url + "donnees/json/").json()

    names = sorted(row["name"] for row in data["associations"])
    assert names == ["Chorale de Meaux", "Jardins de Vaires", "Les Restos de Chelles",
                     "Petite amicale"]


def test_the_csv_holds_the_years_the_sectors_and_the_consenting_associations(
    client, page, reports
):
    response = client.get(page.url + "donnees/csv/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")),
                               delimiter=";"))
    assert [row["level"] for row in rows] == ["year"] + ["sector"] * 3 + ["association"] * 4
    assert rows[0]["reports"] == "5"
    hidden = next(row for row in rows if row["sector_code"] == "019000")
    assert (hidden["hidden"], hidden["volunteer_hours"]) == ("oui", "")
    assert "Discrète association" not in response.content.decode()
    assert "Brouillon" not in response.content.decode()


def test_the_schema_is_described_in_the_pages_language(client, page, english_home):
    page_en = page.copy_for_translation(english_home.locale)
    page_en.save_revision().publish()

    schema = client.get(page_en.url + "donnees/schema/").json()

    assert schema["$id"].endswith(page_en.url + "donnees/schema/")
    assert schema["properties"]["years"]["items"]["properties"]["year"]["description"]


def test_the_english_json_names_the_sectors_in_english(client, page, english_home, reports):
    page_en = page.copy_for_translation(english_home.locale)
    page_en.save_revision().publish()

    data = client.get(page_en.url + "donnees/json/").json()

    cell = next(cell for cell in data["sectors"] if cell["sector_code"] == "006000")
    assert cell["sector"] == sector("006000").label_en
