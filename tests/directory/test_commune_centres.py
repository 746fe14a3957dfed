"""`load_commune_centres` gives the communes their centre from a CSV file as published, whatever
its header variant, and can run again."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from directory.models import Commune

pytestmark = pytest.mark.django_db

MELUN, MEAUX = "77288", "77284"


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "centres.csv"
    path.write_bytes(text.encode(encoding))
    return path


def load(path, *args):
    output = io.StringIO()
    call_command("load_commune_centres", str(path), *args, stdout=output)
    return output.getvalue()


def centre(code):
    commune = Commune.objects.get(code=code)
    return commune.latitude, commune.longitude


@pytest.mark.parametrize("text", [
    "code_insee;nom;latitude_centre;longitude_centre\n77288;Melun;48.5397;2.6553\n",
    "code_commune_INSEE,nom_commune,latitude,longitude\n77288,Melun,48.5397,2.6553\n",
    "code_commune_insee;lat;lon\n77288;48,5397;2,6553\n",
    "insee,lat,lon\n77288,48.5397,2.6553\n",
    "code;nom;latitude;longitude\n77288;Melun;48.5397;2.6553\n",
    "#Code_commune_INSEE;Nom_de_la_commune;Code_postal;coordonnees_gps\n"
    "77288;MELUN;77000;48.5397, 2.6553\n",
    'code_insee,coordonnees_geographiques\n77288,"48.5397, 2.6553"\n',
    "\ufeffcode_insee;latitude;longitude\n77288;48.5397;2.6553\n",
], ids=["centre", "code_commune_INSEE", "decimal-comma", "insee-lat-lon", "code",
        "la-poste-gps", "combined-quoted", "bom"])
def test_the_command_reads_each_header_variant(tmp_path, text):
    load(write(tmp_path, text))

    assert centre(MELUN) == (Decimal("48.539700"), Decimal("2.655300"))


def test_the_command_reads_a_latin1_file(tmp_path):
    path = write(tmp_path, "code_insee;nom;latitude;longitude\n77284;Meaux é;48.9601;2.8788\n",
                 encoding="latin-1")

    output = load(path)

    assert centre(MEAUX) == (Decimal("48.960100"), Decimal("2.878800"))
    assert "latin-1" in output


def test_the_report_names_the_lines_of_unknown_codes(tmp_path):
    path = write(tmp_path, "code_insee;latitude;longitude\n"
                           "77288;48.5397;2.6553\n"
                           "99999;48.0;2.0\n")

    output = load(path)

    assert "Codes de commune inconnus : 1" in output
    assert "lignes 3" in output
    assert "Centres chargés : 1" in output


def test_the_report_names_bad_coordinates_with_their_line_and_saves_the_good_rows(tmp_path):
    path = write(tmp_path, "code_insee;latitude;longitude\n"
                           "77288;48.5397;2.6553\n"
                           "77284;148.96;2.87\n"
                           "77108;abc;2.59\n"
                           "77083;;\n")

    output = load(path)

    assert "Lignes écartées : 3" in output
    assert "ligne 3 : latitude hors de la France ou illisible : « 148.96 »" in output
    assert "ligne 4 : latitude hors de la France ou illisible : « abc »" in output
    assert "ligne 5 : pas de coordonnées" in output
    assert centre(MELUN) == (Decimal("48.539700"), Decimal("2.655300"))
    assert centre(MEAUX) == (None, None)


def test_overseas_communes_are_within_range(tmp_path):
    path = write(tmp_path, "code_insee;latitude;longitude\n97411;-20.8821;55.4504\n")

    load(path)

    assert centre("97411") == (Decimal("-20.882100"), Decimal("55.450400"))


def test_a_dry_run_changes_nothing(tmp_path):
    path = write(tmp_path, "code_insee;latitude;longitude\n77288;48.5397;2.6553\n")

    output = load(path, "--dry-run")

    assert "Essai à blanc" in output
    assert "Centres chargés : 1" in output
    assert centre(MELUN) == (None, None)


def test_a_second_run_of_the_same_file_changes_nothing(tmp_path, django_assert_num_queries):
    path = write(tmp_path, "code_insee;latitude;longitude\n77288;48.5397;2.6553\n")
    load(path)

    with django_assert_num_queries(1):  # reads the communes, writes nothing
        output = load(path)

    assert "Centres chargés : 0" in output
    assert "Inchangés : 1" in output


def test_a_newer_file_moves_a_centre(tmp_path):
    load(write(tmp_path, "code_insee;latitude;longitude\n77288;48.5397;2.6553\n"))

    load(write(tmp_path, "code_insee;latitude;longitude\n77288;48.5400;2.6600\n"))

    assert centre(MELUN) == (Decimal("48.540000"), Decimal("2.660000"))


def test_a_file_without_a_code_column_is_refused(tmp_path):
    path = write(tmp_path, "commune;latitude;longitude\nMelun;48.5397;2.6553\n")

    with pytest.raises(CommandError, match="Pas de colonne de code INSEE"):
        load(path)


def test_a_file_without_coordinates_is_refused(tmp_path):
    path = write(tmp_path, "code_insee;nom\n77288;Melun\n")

    with pytest.raises(CommandError, match="Pas de colonnes de coordonnées"):
        load(path)
