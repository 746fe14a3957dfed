"""The observatory: figures counted in the database, cached, refreshed by imports, and shown
as accessible SVG charts beside tables of the same numbers."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory import observatory
from directory.models import Association, Commune, RnaImport, Sector
from portal.charts import Bar, Series, bar_chart, column_chart
from tests.factories import AssociationFactory, DirectoryPageFactory, ObservatoryPageFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "rna_waldec_77_sample.csv"


@pytest.fixture
def sectors():
    return {
        "culture": Sector.objects.get(code="006000"),
        "sport": Sector.objects.get(code="011000"),
        "social": Sector.objects.get(code="019000"),
    }


@pytest.fixture
def communes():
    Commune.objects.filter(code="77108").update(population=1_500)
    Commune.objects.filter(code="77284").update(population=800)
    return {
        "chelles": Commune.objects.get(code="77108"),
        "meaux": Commune.objects.get(code="77284"),
    }


@pytest.fixture
def known_set(sectors, communes):
    """Four active published associations (one member), one dissolved, one unpublished."""
    date = datetime.date
    AssociationFactory(name="Chorale", sectors=[sectors["culture"]], commune=communes["chelles"],
                       created_on=date(2010, 5, 1), is_member=True)
    AssociationFactory(name="Club omnisports", sectors=[sectors["culture"], sectors["sport"]],
                       commune=communes["chelles"], created_on=date(2010, 9, 1))
    AssociationFactory(name="Entraide", sectors=[sectors["social"]], commune=communes["meaux"],
                       created_on=date(2012, 1, 1))
    AssociationFactory(name="Sans secteur", commune=communes["meaux"])
    AssociationFactory(name="Ancienne amicale", sectors=[sectors["sport"]],
                       commune=communes["meaux"], created_on=date(2008, 3, 1),
                       dissolved_on=date(2012, 6, 30))
    AssociationFactory(name="Cachée", sectors=[sectors["culture"]], commune=communes["chelles"],
                       created_on=date(2012, 1, 1), is_member=True, published=False)


@pytest.fixture
def page(home_page):
    return ObservatoryPageFactory(parent=home_page)


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


# Figures


def test_the_headline_counts_active_dissolved_and_members(known_set):
    headline = observatory.compute()["headline"]

    assert headline["active"] == 4
    assert headline["dissolved"] == 1
    assert headline["members"] == 1


def test_sectors_count_each_sector_of_an_association_and_those_without_one(known_set):
    sectors = observatory.compute()["sectors"]

    assert [(row["code"], row["count"]) for row in sectors] == [
        ("006000", 2), ("019000", 1), ("011000", 1), ("", 1),
    ]


def test_sectors_keep_both_labels_for_both_languages(known_set):
    culture = observatory.compute()["sectors"][0]

    assert culture["label"] == "Culture, pratiques d'activités artistiques, culturelles"
    assert culture["label_en"] == "Culture, arts"


def test_communes_give_count_population_and_rate_per_thousand_inhabitants(known_set):
    communes = observatory.compute()["communes"]

    assert communes == [
        {"code": "77108", "name": "Chelles", "population": 1_500, "count": 2,
         "per_thousand": 1.33},
        {"code": "77284", "name": "Meaux", "population": 800, "count": 2,
         "per_thousand": 2.5},
    ]


def test_a_commune_without_a_known_population_has_no_rate(communes):
    Commune.objects.filter(code="77108").update(population=None)
    AssociationFactory(commune=communes["chelles"])

    assert observatory.compute()["communes"][0]["per_thousand"] is None


def test_creations_and_dissolutions_are_counted_per_year_every_year_present(known_set):
    years = observatory.compute()["years"]

    assert years == [
        {"year": 2008, "created": 1, "dissolved": 0},
        {"year": 2009, "created": 0, "dissolved": 0},
        {"year": 2010, "created": 2, "dissolved": 0},
        {"year": 2011, "created": 0, "dissolved": 0},
        {"year": 2012, "created": 1, "dissolved": 1},
    ]


def test_a_dissolution_whose_date_is_estimated_is_not_counted_in_its_year(known_set):
    Association.objects.filter(name="Entraide").update(
        dissolved_on=datetime.date(2012, 2, 1), dissolved_on_estimated=True
    )

    figures = observatory.compute()

    assert figures["years"][-1] == {"year": 2012, "created": 1, "dissolved": 1}
    assert figures["headline"]["dissolved"] == 2
    assert figures["headline"]["dissolved_undated"] == 1


def test_the_years_stop_at_the_last_thirty_with_data():
    for year in (1950, 1990, 2020):
        AssociationFactory(created_on=datetime.date(year, 1, 1))

    years = observatory.compute()["years"]

    assert (years[0]["year"], years[-1]["year"], len(years)) == (1991, 2020, 30)


def test_members_are_compared_with_all_active_associations(known_set):
    assert observatory.compute()["members"] == {"members": 1, "active": 4}


def test_unpublished_associations_are_left_out_of_every_figure(known_set):
    Association.objects.exclude(name="Cachée").update(published=False)

    figures = observatory.compute()

    assert figures["headline"]["active"] == figures["headline"]["members"] == 0
    assert figures["sectors"] == figures["communes"] == figures["years"] == []


def test_the_figures_are_plain_data_that_a_cache_can_store(known_set):
    import pickle

    figures = observatory.compute()

    assert pickle.loads(pickle.dumps(figures)) == figures  # noqa: S301 - our own data


@pytest.mark.parametrize("count", [3, 60])
def test_computing_the_figures_runs_a_fixed_number_of_queries(count, sectors, communes,
                                                            django_assert_num_queries):
    for number in range(count):
        AssociationFactory(
            sectors=[sectors["culture"]] if number % 2 else [],
            commune=communes["meaux"] if number % 3 else communes["chelles"],
            created_on=datetime.date(1990 + number % 35, 1, 1),
        )

    with django_assert_num_queries(6):
        observatory.compute()


# Cache


def test_the_figures_are_cached_and_a_second_call_only_reads_the_last_import_number(
    known_set, django_assert_num_queries
):
    observatory.figures()

    with CaptureQueriesContext(connection) as queries:
        figures = observatory.figures()

    assert figures["headline"]["active"] == 4
    assert len(queries) == 1
    assert "directory_rnaimport" in queries[0]["sql"]


def test_saving_an_association_gives_fresh_figures(known_set):
    observatory.figures()

    AssociationFactory(name="Nouvelle")

    assert observatory.figures()["headline"]["active"] == 5


def test_a_new_import_gives_fresh_figures_even_after_writes_that_send_no_signal(known_set):
    observatory.figures()
    Association.objects.filter(name="Chorale").update(dissolved_on=datetime.date(2020, 1, 1))

    assert observatory.figures()["headline"]["active"] == 4  # still the cached figures
    RnaImport.objects.create(file_name="rna.csv")

    assert observatory.figures()["headline"]["active"] == 3


def test_an_import_refreshes_the_cached_figures(django_assert_num_queries):
    call_command("import_rna", str(SAMPLE), "--department", "77", stdout=io.StringIO())

    with django_assert_num_queries(1):  # the number of the last import, nothing counted
        figures = observatory.figures()

    assert figures["headline"] == {
        "active": 3, "dissolved": 1, "dissolved_undated": 0, "members": 0,
        "without_sector": 0, "without_commune": 0,
    }
    assert figures["last_import"]["pk"] == RnaImport.objects.get().pk


def test_a_dry_run_import_leaves_the_cache_alone():
    call_command("import_rna", str(SAMPLE), "--dry-run", stdout=io.StringIO())

    assert not any(key for key in cache._cache if "observatory" in key)


# Charts


def test_a_bar_chart_is_an_image_named_by_its_title_and_description():
    svg = bar_chart("chart-x", "Par secteur", "Le sport d'abord.", [Bar("Sport", 12)])

    assert svg.startswith("<svg ")
    assert 'role="img"' in svg and 'aria-labelledby="chart-x-title chart-x-desc"' in svg
    assert '<title id="chart-x-title">Par secteur</title>' in svg
    assert '<desc id="chart-x-desc">Le sport d&#x27;abord.</desc>' in svg
    assert 'viewBox="0 0 640 ' in svg
    assert "style=" not in svg and "<script" not in svg


def test_chart_labels_are_escaped():
    svg = bar_chart("c", "<b>titre</b>", "d", [Bar("<script>alert(1)</script>", 1)])

    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg


def test_a_long_label_is_wrapped_on_two_lines_at_most():
    label = ("Associations caritatives, humanitaires, aide au développement, développement "
             "du bénévolat et bien d'autres choses encore qui ne tiennent pas sur deux lignes")

    svg = bar_chart("c", "t", "d", [Bar(label, 3)])

    assert svg.count('font-size="15" fill="#1d1d1f">') == 2  # two lines of label
    assert "…" in svg


def test_the_second_series_of_a_column_chart_is_hatched_and_named_in_a_legend():
    svg = column_chart("years", "t", "d", [2020, 2021],
                       [Series("Créations", [3, 4]), Series("Dissolutions", [1, 0], hatched=True)])

    assert '<pattern id="years-pattern-1"' in svg
    assert 'fill="url(#years-pattern-1)"' in svg
    assert ">Créations</text>" in svg and ">Dissolutions</text>" in svg
    assert "<title>2021 – Créations – 4</title>" in svg


# The page


def numbers_in(html, section_id):
    """The numbers written in the table of one section of the page."""
    section = html[html.index(f'id="{section_id}"'):]
    table = section[section.index("<table"):section.index("</table>")]
    return re.findall(r'<td class="number">([^<]*)</td>', table)


def test_the_page_renders_in_french(client, page, known_set):
    response = client.get(page.url)

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "Culture, pratiques d&#x27;activités artistiques, culturelles" in response.text


def test_the_page_renders_in_english_with_the_english_sector_labels(
    client, page, english_home, known_set
):
    page_en = page.copy_for_translation(english_home.locale)
    page_en.save_revision().publish()

    response = client.get(page_en.url)

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Culture, arts" in response.text


def test_each_chart_is_an_accessible_svg_image(client, page, known_set):
    html = client.get(page.url).text

    charts = re.findall(r'<svg [^>]*role="img"[^>]*>', html)  # not the header's icons
    assert len(charts) == 4
    for chart in charts:
        ids = re.search(r'aria-labelledby="([^"]+)"', chart).group(1).split()
        assert 'role="img"' in chart and len(ids) == 2
        assert f'<title id="{ids[0]}">' in html and f'<desc id="{ids[1]}">' in html


def test_the_table_beside_a_chart_holds_the_same_numbers(client, page, known_set):
    html = client.get(page.url).text

    assert numbers_in(html, "observatory-sectors") == ["2", "1", "1", "1"]
    start = html.index('id="chart-sectors-title"')
    chart = html[start:html.index("</svg>", start)]
    assert re.findall(r'font-weight="600" fill="#1d1d1f">([^<]*)</text>', chart) == [
        "2", "1", "1", "1",
    ]


def test_the_commune_table_gives_population_and_rate_written_for_the_language(
    client, page, known_set
):
    html = client.get(page.url).text

    assert numbers_in(html, "observatory-communes") == [
        "2", "1\xa0500", "1,3", "2", "800", "2,5",
    ]


def test_the_year_table_lists_creations_and_dissolutions(client, page, known_set):
    html = client.get(page.url).text

    assert numbers_in(html, "observatory-years") == [
        "1", "0", "0", "0", "2", "0", "0", "0", "1", "1",
    ]


def test_names_from_the_data_are_escaped_on_the_page(client, page, communes):
    Commune.objects.filter(code="77108").update(name="<script>alert('x')</script>")
    AssociationFactory(commune=communes["chelles"])

    html = client.get(page.url).text

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_the_tables_link_to_the_directory_filtered_the_same_way(
    client, page, directory, known_set
):
    html = client.get(page.url).text

    assert 'href="/annuaire/?sector=006000"' in html
    assert 'href="/annuaire/?commune=77284"' in html
    assert 'href="/annuaire/?member=on"' in html
    assert 'href="/annuaire/donnees/csv/"' in html and 'href="/annuaire/donnees/json/"' in html


def test_the_page_names_its_sources_and_the_date_of_the_figures(client, page, known_set):
    RnaImport.objects.create(file_name="rna.csv")

    html = client.get(page.url).text

    assert "Licence Ouverte 2.0" in html and "INSEE" in html
    assert "Chiffres du " in html and "importé le " in html


def test_the_page_without_any_association_says_so(client, page):
    response = client.get(page.url)

    assert response.status_code == 200
    assert 'role="img"' not in response.text  # no chart
    assert "Aucune association n’est encore publiée" in response.text


def page_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_runs_the_same_number_of_queries_for_3_or_60_associations(
    client, page, directory, sectors, communes
):
    def add(count):
        for number in range(count):
            AssociationFactory(sectors=[sectors["sport"]] if number % 2 else [],
                               commune=communes["meaux"] if number % 3 else communes["chelles"],
                               created_on=datetime.date(1990 + number % 30, 1, 1),
                               is_member=number % 4 == 0)

    add(3)
    client.get(page.url)  # warms what Django and Wagtail keep in memory (content types…)
    few = page_queries(client, page.url)
    add(57)
    many = page_queries(client, page.url)

    assert few == many


def test_a_visit_with_cached_figures_counts_nothing(client, page, known_set):
    client.get(page.url)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200

    assert not any("directory_association" in query["sql"] for query in queries)


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (3, 1), (9, 3), (40, 10), (45, 15),
                                               (90, 25), (1234, 500)])
def test_the_value_axis_has_whole_steps(largest, step):
    from portal.charts import axis_step

    assert axis_step(largest) == step


def test_a_tiny_rate_per_thousand_is_not_written_as_zero():
    from directory.observatory_display import rate

    assert rate(0.02) == "< 0,1"
    assert rate(None) == ""
