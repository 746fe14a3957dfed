"""Live figures: a registry of numbers the site counts itself, cached a few minutes, shown by
the "Chiffres en direct" block."""

import datetime

import pytest
from django.utils import timezone, translation

from portal import live_figures
from portal.blocks import LiveFiguresBlock
from tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counter():
    """A figure registered for the test (and forgotten after it), counting its calls."""
    calls = []

    def compute():
        calls.append(1)
        return 1234 + len(calls) - 1

    live_figures.register("test.counter", label="personnes comptées", compute=compute,
                          source="Registre de test")
    yield calls
    live_figures.unregister("test.counter")


def render(figures, title="Chiffres"):
    block = LiveFiguresBlock()
    value = block.to_python({"title": title, "figures": [
        {"figure": key, "label": label} for key, label in figures]})
    return block.render(value)


def test_the_directory_registers_its_figures():
    keys = {figure.key for figure in live_figures.figures()}

    assert {"directory.associations", "directory.members", "directory.communes",
            "directory.created_last_year", "directory.sectors"} <= keys


def test_a_figure_registered_later_is_offered_by_the_block(counter):
    choices = LiveFiguresBlock().child_blocks["figures"].child_block.child_blocks["figure"]

    assert ("test.counter", "personnes comptées") in list(choices.field.choices)


def test_the_directory_figures_count_published_active_associations():
    today = timezone.localdate()
    AssociationFactory(is_member=True, created_on=today - datetime.timedelta(days=30))
    AssociationFactory(created_on=today - datetime.timedelta(days=800))
    AssociationFactory(published=False, is_member=True)
    AssociationFactory(created_on=datetime.date(2000, 1, 1),
                       dissolved_on=datetime.date(2010, 1, 1))

    assert live_figures.value("directory.associations") == 2
    assert live_figures.value("directory.members") == 1
    assert live_figures.value("directory.created_last_year") == 1
    assert live_figures.value("directory.communes") == 1


def test_sectors_represented_are_counted_once_each():
    from directory.models import Sector

    culture, sport = Sector.objects.get(code="006000"), Sector.objects.get(code="011000")
    AssociationFactory(sectors=[culture])
    AssociationFactory(sectors=[culture, sport])

    assert live_figures.value("directory.sectors") == 2


def test_a_figure_is_counted_once_then_read_from_the_cache(counter):
    first = live_figures.value("test.counter")
    second = live_figures.value("test.counter")

    assert first == second == 1234
    assert len(counter) == 1


def test_each_figure_has_its_own_cache_key(counter):
    live_figures.value("test.counter")

    AssociationFactory()

    assert live_figures.value("directory.associations") == 1


def test_an_unknown_key_has_no_value():
    assert live_figures.value("gone.figure") is None


def test_a_refreshed_figure_is_counted_again_at_once(counter):
    live_figures.value("test.counter")

    live_figures.refresh("test.counter")

    assert live_figures.value("test.counter") == 1235
    assert len(counter) == 2


def test_refreshing_a_figure_leaves_the_others_cached(counter):
    live_figures.value("test.counter")

    live_figures.refresh("directory.associations")

    assert live_figures.value("test.counter") == 1234
    assert len(counter) == 1


def test_a_figure_with_a_unit_shows_it_after_the_number():
    live_figures.register("test.share", label="part des contrats", compute=lambda: 35,
                          unit="%")
    try:
        with translation.override("fr"):
            html = render([("test.share", "")])
    finally:
        live_figures.unregister("test.share")

    assert "35\N{NO-BREAK SPACE}%" in html


def test_the_block_shows_the_live_number_with_french_thousands_separators(counter):
    with translation.override("fr"):
        html = render([("test.counter", "")])

    assert "1\N{NO-BREAK SPACE}234" in html or "1\N{NARROW NO-BREAK SPACE}234" in html
    assert "personnes comptées" in html
    assert "Registre de test" in html


def test_the_block_shows_english_thousands_separators_in_english(counter):
    with translation.override("en"):
        html = render([("test.counter", "")])

    assert "1,234" in html


def test_the_label_chosen_by_the_editor_replaces_the_registered_one(counter):
    html = render([("test.counter", "habitants rencontrés")])

    assert "habitants rencontrés" in html
    assert "personnes comptées" not in html


def test_a_figure_no_longer_registered_shows_nothing_and_breaks_nothing(counter):
    html = render([("gone.figure", ""), ("test.counter", "")])

    assert "personnes comptées" in html
    assert "gone.figure" not in html
    assert html.count('class="figure"') == 1


def test_a_block_whose_figures_are_all_gone_renders_nothing():
    html = render([("gone.figure", "")], title="Nos chiffres")

    assert html.strip() == ""
