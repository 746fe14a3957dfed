"""`manage.py import_rna`: the RNA Waldec file as published, upserted by RNA number."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from directory import member_names
from directory.models import Association, Commune, RnaImport, Sector
from directory.signals import cache_version

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "rna_waldec_77_sample.csv"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")

EXPECTED_SKIPPED = [
    "ligne 5 (W771000003) : date de création invalide « 2019-13-45 »",
    "ligne 6 (W771000004) : commune inconnue « 77999 »",
    "ligne 8 (W771000001) : doublon : la ligne 2 est gardée (mise à jour du RNA "
    "« 2024-02-01 10:12:00 »)",
    "ligne 11 (BAD) : numéro RNA invalide « BAD »",
]


def import_rna(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_rna", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def write(tmp_path, text, encoding="utf-8", name="rna.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def report_lines(output):
    return [line.strip() for line in output.splitlines()]


def test_import_of_the_sample_gives_the_exact_report():
    output = import_rna(SAMPLE, "--department", "77")

    lines = report_lines(output)
    assert lines[0] == (
        "Fichier : rna_waldec_77_sample.csv (encodage UTF-8, séparateur « ; »)"
    )
    assert lines[1:8] == [
        "Lues : 9",
        "Créées : 4",
        "Mises à jour : 0",
        "Inchangées : 0",
        "Dont marquées dissoutes : 0",
        "Hors du département 77 : 1",
        "Écartées : 4",
    ]
    assert lines[8:12] == EXPECTED_SKIPPED
    assert set(Association.objects.values_list("rna_id", flat=True)) == {
        "W771000001", "W771000002", "W771000006", "W771000007",
    }


def test_without_a_department_every_valid_row_is_imported():
    output = import_rna(SAMPLE)

    assert "Créées : 5" in output
    assert Association.objects.filter(rna_id="W751000005", commune__code="75056").exists()


def test_a_separator_inside_quotes_stays_in_its_field():
    import_rna(SAMPLE, "--department", "77")

    association = Association.objects.get(rna_id="W771000001")
    assert association.social_object == (
        "Favoriser l'entraide; rompre l'isolement des personnes âgées"
    )
    assert association.siret == "78282932000004"


def test_a_line_break_inside_quotes_stays_in_its_field():
    import_rna(SAMPLE, "--department", "77")

    association = Association.objects.get(rna_id="W771000002")
    assert association.social_object == (
        "Cultiver ensemble.\nTransmettre les savoirs du jardin."
    )


def test_imported_fields_are_mapped_to_the_directory():
    import_rna(SAMPLE, "--department", "77")

    association = Association.objects.get(rna_id="W771000001")
    assert association.name == "ENTRAIDE ET PARTAGE CHELLOIS"
    assert association.short_name == "EPC"
    assert association.slug == "epc-w771000001"
    assert association.address == "12 RUE de la Paix"
    assert association.postcode == "77500"
    assert association.commune.code == "77108"
    assert association.website == "http://www.entraide-chelles.example.org"
    assert str(association.created_on) == "2012-09-14"
    assert association.dissolved_on is None
    assert association.source == Association.Source.RNA
    assert association.rna_object_codes == "019040 021015"
    assert sorted(association.sectors.values_list("code", flat=True)) == ["019000", "021000"]
    assert association.initial == "E"


def test_a_renamed_association_is_filed_under_its_new_initial(tmp_path):
    import_rna(SAMPLE, "--department", "77")
    newer = SAMPLE_TEXT.replace("ENTRAIDE ET PARTAGE CHELLOIS;", "À CHELLES, ENTRAIDE;")

    import_rna(write(tmp_path, newer), "--department", "77")

    assert Association.objects.get(rna_id="W771000001").initial == "A"


def test_no_date_is_read_as_empty_and_a_dissolved_association_keeps_its_date():
    import_rna(SAMPLE, "--department", "77")

    association = Association.objects.get(rna_id="W771000006")
    assert association.created_on is None
    assert str(association.dissolved_on) == "2020-06-30"
    assert not association.is_active


def test_a_dissolution_without_a_date_is_dated_by_the_register_and_marked_estimated(tmp_path):
    first_row = SAMPLE_TEXT.splitlines()[1]
    text = SAMPLE_TEXT.replace(first_row, first_row.replace(";1;;A;2024-02-01", ";1;;D;2024-02-01"))

    import_rna(write(tmp_path, text), "--department", "77")

    association = Association.objects.get(rna_id="W771000001")
    assert str(association.dissolved_on) == "2024-02-01"
    assert association.dissolved_on_estimated
    assert not Association.objects.get(rna_id="W771000006").dissolved_on_estimated


def test_a_federation_is_recorded_as_such():
    import_rna(SAMPLE, "--department", "77")

    assert Association.objects.get(rna_id="W771000007").grouping == "federation"


def test_a_second_run_of_the_same_file_changes_nothing():
    import_rna(SAMPLE, "--department", "77")
    before = {a.rna_id: (a.updated_at, a.rna_snapshot) for a in Association.objects.all()}

    output = import_rna(SAMPLE, "--department", "77")

    assert report_lines(output)[1:5] == [
        "Lues : 9", "Créées : 0", "Mises à jour : 0", "Inchangées : 4",
    ]
    after = {a.rna_id: (a.updated_at, a.rna_snapshot) for a in Association.objects.all()}
    assert after == before


def test_each_run_is_logged_with_its_report():
    import_rna(SAMPLE, "--department", "77")

    run = RnaImport.objects.get()
    assert (run.read, run.created, run.filtered, run.skipped) == (9, 4, 1, 4)
    assert EXPECTED_SKIPPED[0] in run.report


def test_a_newer_file_updates_changed_rows_and_marks_dissolved_ones(tmp_path):
    import_rna(SAMPLE, "--department", "77")
    newer = SAMPLE_TEXT.replace("ENTRAIDE ET PARTAGE CHELLOIS;", "ENTRAIDE ET PARTAGE À CHELLES;")
    newer = newer.replace(
        "1998-04-02;2018-03-01;2018-03-10;0001-01-01;D;F",
        "1998-04-02;2018-03-01;2018-03-10;2025-11-02;D;F",
    )

    output = import_rna(write(tmp_path, newer), "--department", "77")

    assert "Mises à jour : 2" in output
    assert "Inchangées : 2" in output
    assert "Dont marquées dissoutes : 1" in output
    assert Association.objects.get(rna_id="W771000001").name == "ENTRAIDE ET PARTAGE À CHELLES"
    assert str(Association.objects.get(rna_id="W771000007").dissolved_on) == "2025-11-02"


def test_a_member_renamed_by_an_import_is_found_under_its_new_name_at_once(tmp_path):
    import_rna(SAMPLE, "--department", "77")
    association = Association.objects.get(rna_id="W771000001")
    association.is_member = True
    association.save()
    assert member_names.member_association_id("ENTRAIDE ET PARTAGE CHELLOIS") == association.pk
    newer = SAMPLE_TEXT.replace("ENTRAIDE ET PARTAGE CHELLOIS;", "ENTRAIDE ET PARTAGE À CHELLES;")

    import_rna(write(tmp_path, newer), "--department", "77")

    assert member_names.member_association_id("Entraide et partage à Chelles") == association.pk
    assert member_names.member_association_id("ENTRAIDE ET PARTAGE CHELLOIS") is None


def test_an_import_makes_the_directory_pages_forget_what_they_cached():
    before = cache_version()

    import_rna(SAMPLE, "--department", "77")

    assert cache_version() != before


def test_an_import_inside_a_callers_transaction_forgets_again_once_it_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        import_rna(SAMPLE, "--department", "77")
        during = cache_version()

    assert cache_version() != during


def test_a_dry_run_leaves_the_directory_caches_as_they_are():
    before = cache_version()

    import_rna(SAMPLE, "--department", "77", "--dry-run")

    assert cache_version() == before


def test_a_field_edited_by_hand_survives_a_reimport(tmp_path):
    import_rna(SAMPLE, "--department", "77")
    association = Association.objects.get(rna_id="W771000001")
    association.name = "Entraide et partage – Chelles"
    association.website = "https://entraide-chelles.example.org/"
    association.save()
    newer = SAMPLE_TEXT.replace("ENTRAIDE ET PARTAGE CHELLOIS;", "ENTRAIDE ET PARTAGE À CHELLES;")
    newer = newer.replace("de la Paix;;77108", "de la Liberté;;77108")

    import_rna(write(tmp_path, newer), "--department", "77")
    import_rna(write(tmp_path, newer, name="again.csv"), "--department", "77")

    association.refresh_from_db()
    assert association.name == "Entraide et partage – Chelles"
    assert association.website == "https://entraide-chelles.example.org/"
    assert association.address == "12 RUE de la Liberté"


def test_sectors_chosen_by_hand_survive_a_reimport():
    import_rna(SAMPLE, "--department", "77")
    association = Association.objects.get(rna_id="W771000002")
    association.sectors.set([Sector.objects.get(code="009000")])

    import_rna(SAMPLE, "--department", "77")

    assert list(association.sectors.values_list("code", flat=True)) == ["009000"]


def test_a_hand_made_association_is_completed_but_not_overwritten():
    Association.objects.create(
        name="Comité des fêtes de Champs", rna_id="W771000007", website="",
        description="Notre présentation.",
    )

    import_rna(SAMPLE, "--department", "77")

    association = Association.objects.get(rna_id="W771000007")
    assert association.name == "Comité des fêtes de Champs"
    assert association.description == "Notre présentation."
    assert association.commune.code == "77083"
    assert str(association.created_on) == "1998-04-02"


def test_a_latin1_file_is_detected_and_read(tmp_path):
    text = SAMPLE_TEXT.replace("Organiser la fête", "Soutenir les œuvres et organiser la fête")

    output = import_rna(write(tmp_path, text, encoding="cp1252"), "--department", "77")

    assert "encodage Latin-1" in output
    assert "Créées : 4" in output
    assert Association.objects.get(rna_id="W771000007").name == (
        "COMITÉ DES FÊTES DE CHAMPS-SUR-MARNE"
    )
    assert "œuvres" in Association.objects.get(rna_id="W771000007").social_object


def test_a_utf8_file_with_a_byte_order_mark_is_detected_and_read(tmp_path):
    output = import_rna(write(tmp_path, SAMPLE_TEXT, encoding="utf-8-sig"), "--department", "77")

    assert "encodage UTF-8 (BOM)" in output
    assert report_lines(output)[8:12] == EXPECTED_SKIPPED


def test_a_row_with_missing_columns_is_skipped_with_its_line(tmp_path):
    text = SAMPLE_TEXT + "W771000099;;;;771P;2000-01-01\r\n"

    output = import_rna(write(tmp_path, text), "--department", "77")

    assert "ligne 12 : 6 colonnes au lieu de 39" in output


def test_an_invalid_siret_is_dropped_with_a_warning(tmp_path):
    text = SAMPLE_TEXT.replace("78282932000004", "78282932000005")

    output = import_rna(write(tmp_path, text), "--department", "77")

    assert "ligne 2 (W771000001) : SIRET invalide ignoré « 78282932000005 »" in output
    assert Association.objects.get(rna_id="W771000001").siret == ""


def test_an_outdated_commune_code_is_placed_by_its_postcode_with_a_warning(tmp_path):
    text = SAMPLE_TEXT.replace(";77108;77500;Chelles;", ";77998;77500;Chelles;")

    output = import_rna(write(tmp_path, text), "--department", "77")

    assert ("ligne 2 (W771000001) : commune inconnue « 77998 », rattachée à 77108 par son "
            "code postal") in output
    assert Association.objects.get(rna_id="W771000001").commune.code == "77108"


def test_an_unknown_commune_with_a_postcode_shared_by_several_is_skipped(tmp_path):
    shared = Commune.objects.filter(kind="commune", postcodes__contains="77160").count()
    assert shared > 1  # Provins and its neighbours
    text = SAMPLE_TEXT.replace(";77108;77500;Chelles;", ";77998;77160;Provins;")

    output = import_rna(write(tmp_path, text), "--department", "77")

    assert "ligne 2 (W771000001) : commune inconnue « 77998 »" in output
    assert not Association.objects.filter(rna_id="W771000001").exists()


def test_a_delegated_commune_is_filed_under_its_current_commune(tmp_path):
    text = SAMPLE_TEXT.replace(";77479;77360;", ";77166;77140;")

    import_rna(write(tmp_path, text), "--department", "77")

    association = Association.objects.get(rna_id="W771000002")
    assert association.commune == Commune.objects.get(code="77166").parent
    assert association.commune.code == "77316"


def test_a_dry_run_reports_but_saves_nothing():
    output = import_rna(SAMPLE, "--department", "77", "--dry-run")

    assert "Essai à blanc : rien n'a été enregistré." in output
    assert "Créées : 4" in output
    assert not Association.objects.exists()
    assert not RnaImport.objects.exists()


def test_a_file_that_is_not_an_rna_file_is_refused_with_a_clear_message(tmp_path):
    path = write(tmp_path, "nom,ville\nAssociation,Chelles\n")

    with pytest.raises(CommandError, match="Ce n'est pas un fichier RNA Waldec"):
        import_rna(path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        import_rna(tmp_path / "absent.csv")


def test_a_department_that_is_not_one_is_refused():
    with pytest.raises(CommandError, match="Not a department"):
        import_rna(SAMPLE, "--department", "seine-et-marne")


def test_the_progress_bar_reaches_the_end():
    err = io.StringIO()

    call_command("import_rna", str(SAMPLE), "--progress", stdout=io.StringIO(), stderr=err)

    assert "100 %" in err.getvalue() or "100%" in err.getvalue()
    assert "9 lignes" in err.getvalue()


def test_a_latin1_file_whose_first_accent_comes_late_is_still_read_as_latin1(tmp_path):
    header, first_row = SAMPLE_TEXT.split("\n")[:2]
    plain = first_row.replace("âgées", "agees")
    padding = "".join(
        plain.replace("W771000001", f"W7710{number:05d}") + "\n" for number in range(10, 5000)
    )
    text = header + "\n" + padding + SAMPLE_TEXT.split("\n", 1)[1]
    path = write(tmp_path, text, encoding="cp1252")
    assert path.stat().st_size > 1 << 20

    output = import_rna(path, "--department", "77")

    assert "encodage Latin-1" in output
    assert Association.objects.get(rna_id="W771000007").name == (
        "COMITÉ DES FÊTES DE CHAMPS-SUR-MARNE"
    )


def test_an_import_that_stops_halfway_changes_nothing(monkeypatch):
    from directory import rna_import

    monkeypatch.setattr(rna_import, "BATCH_SIZE", 2)

    def fail(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rna_import.RnaImporter, "log", fail)

    with pytest.raises(RuntimeError):
        import_rna(SAMPLE, "--department", "77")

    assert not Association.objects.exists()


def test_small_batches_give_the_same_report(monkeypatch):
    from directory import rna_import

    monkeypatch.setattr(rna_import, "BATCH_SIZE", 2)

    output = import_rna(SAMPLE, "--department", "77")

    assert report_lines(output)[1:12] == [
        "Lues : 9", "Créées : 4", "Mises à jour : 0", "Inchangées : 0",
        "Dont marquées dissoutes : 0", "Hors du département 77 : 1", "Écartées : 4",
        *EXPECTED_SKIPPED,
    ]


def test_a_slug_already_taken_by_hand_gets_a_suffix():
    Association.objects.create(name="Autre", slug="epc-w771000001")

    import_rna(SAMPLE, "--department", "77")

    assert Association.objects.get(rna_id="W771000001").slug == "epc-w771000001-2"


def test_saving_a_text_from_the_admin_with_crlf_is_not_a_hand_edit(tmp_path):
    import_rna(SAMPLE, "--department", "77")
    association = Association.objects.get(rna_id="W771000002")
    association.social_object = association.social_object.replace("\n", "\r\n")
    association.save()
    newer = SAMPLE_TEXT.replace("Cultiver ensemble.", "Cultiver et partager ensemble.")

    import_rna(write(tmp_path, newer), "--department", "77")

    association.refresh_from_db()
    assert association.social_object.startswith("Cultiver et partager ensemble.")


def test_a_hand_made_association_gets_its_grouping_from_the_rna():
    Association.objects.create(name="Comité des fêtes de Champs", rna_id="W771000007")

    import_rna(SAMPLE, "--department", "77")

    assert Association.objects.get(rna_id="W771000007").grouping == "federation"


def test_rna_dates_that_contradict_a_hand_typed_date_are_kept_out_with_a_warning(tmp_path):
    import datetime

    import_rna(SAMPLE, "--department", "77")
    Association.objects.filter(rna_id="W771000007").update(created_on=datetime.date(2015, 1, 1))
    Association.objects.filter(rna_id="W771000007").update(
        rna_snapshot={**Association.objects.get(rna_id="W771000007").rna_snapshot}
    )
    newer = SAMPLE_TEXT.replace(
        "1998-04-02;2018-03-01;2018-03-10;0001-01-01;D;F",
        "1998-04-02;2018-03-01;2018-03-10;2010-06-30;D;F",
    )

    output = import_rna(write(tmp_path, newer), "--department", "77")

    assert "dates du RNA incompatibles avec celles saisies à la main" in output
    association = Association.objects.get(rna_id="W771000007")
    assert str(association.created_on) == "2015-01-01"
    assert association.dissolved_on is None


def test_an_association_removed_from_the_rna_leaves_the_directory_but_is_kept(tmp_path):
    import_rna(SAMPLE, "--department", "77")
    removed = SAMPLE_TEXT.replace(
        "Vaires-sur-Marne;;;;;;;;FRANCE;PM;;1;;A;", "Vaires-sur-Marne;;;;;;;;FRANCE;PM;;1;;S;"
    )
    assert removed != SAMPLE_TEXT

    output = import_rna(write(tmp_path, removed), "--department", "77")

    assert "Supprimées du RNA : 1, dont 1 retirées de l'annuaire" in output
    association = Association.objects.get(rna_id="W771000002")
    assert not association.published


def test_a_removed_association_never_imported_is_not_created(tmp_path):
    removed = SAMPLE_TEXT.replace(
        "Vaires-sur-Marne;;;;;;;;FRANCE;PM;;1;;A;", "Vaires-sur-Marne;;;;;;;;FRANCE;PM;;1;;S;"
    )

    output = import_rna(write(tmp_path, removed), "--department", "77")

    assert "Supprimées du RNA : 1, dont 0 retirées de l'annuaire" in output
    assert "Créées : 3" in output
    assert not Association.objects.filter(rna_id="W771000002").exists()


def test_a_second_import_is_refused_while_one_runs():
    from django.db import connection, connections

    from directory.rna_import import IMPORT_LOCK

    if connection.vendor != "postgresql":
        pytest.skip("an advisory lock of PostgreSQL; SQLite makes writers wait instead")
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK])
        with pytest.raises(CommandError, match="Un autre import du RNA est en cours"):
            import_rna(SAMPLE, "--department", "77")
        assert not Association.objects.exists()
    finally:
        other.close()


# One RNA number on several rows: the row the register updated last wins.

HEADER, FIRST_ROW = SAMPLE_TEXT.splitlines()[:2]
OTHER_ROW = next(line for line in SAMPLE_TEXT.splitlines() if line.startswith("W771000006"))


def epc_row(name, maj_time):
    """The row of W771000001 with another name and update time."""
    return FIRST_ROW.replace("ENTRAIDE ET PARTAGE CHELLOIS;", f"{name};").replace(
        "2024-02-01 10:12:00", maj_time
    )


def rna_file(tmp_path, *rows):
    return write(tmp_path, "\r\n".join([HEADER, *rows]) + "\r\n")


def test_the_newest_row_of_a_number_wins_when_it_comes_first(tmp_path):
    path = rna_file(tmp_path, epc_row("NOUVEAU NOM", "2025-06-01 09:00:00"), OTHER_ROW,
                    epc_row("ANCIEN NOM", "2024-02-01 10:12:00"))

    output = import_rna(path)

    assert Association.objects.get(rna_id="W771000001").name == "NOUVEAU NOM"
    assert "ligne 4 (W771000001) : doublon : la ligne 2 est gardée (mise à jour du RNA " \
        "« 2025-06-01 09:00:00 »)" in report_lines(output)
    assert "Créées : 2" in output


def test_the_newest_row_of_a_number_wins_when_it_comes_last(tmp_path):
    path = rna_file(tmp_path, epc_row("ANCIEN NOM", "2024-02-01 10:12:00"), OTHER_ROW,
                    epc_row("NOUVEAU NOM", "2025-06-01 09:00:00"))

    output = import_rna(path)

    assert Association.objects.get(rna_id="W771000001").name == "NOUVEAU NOM"
    assert "ligne 2 (W771000001) : doublon : la ligne 4 est gardée (mise à jour du RNA " \
        "« 2025-06-01 09:00:00 »)" in report_lines(output)
    assert "Créées : 2" in output
    assert "Écartées : 1" in output


def test_the_newest_row_wins_even_when_the_older_one_was_in_an_earlier_batch(
    tmp_path, monkeypatch
):
    from directory import rna_import

    monkeypatch.setattr(rna_import, "BATCH_SIZE", 1)
    path = rna_file(tmp_path, epc_row("ANCIEN NOM", "2024-02-01 10:12:00"), OTHER_ROW,
                    OTHER_ROW.replace("W771000006", "W771000008"),
                    epc_row("NOUVEAU NOM", "2025-06-01 09:00:00"))

    output = import_rna(path)

    assert Association.objects.get(rna_id="W771000001").name == "NOUVEAU NOM"
    assert "Créées : 3" in output
    assert "Mises à jour : 0" in output


def test_at_equal_update_times_the_first_row_of_the_file_wins(tmp_path):
    path = rna_file(tmp_path, epc_row("PREMIER", "2025-06-01 09:00:00"),
                    epc_row("SECOND", "2025-06-01 09:00:00"))

    output = import_rna(path)

    assert Association.objects.get(rna_id="W771000001").name == "PREMIER"
    assert "ligne 3 (W771000001) : doublon : la ligne 2 est gardée (mise à jour du RNA " \
        "« 2025-06-01 09:00:00 »)" in report_lines(output)


def test_a_row_without_an_update_time_loses_to_one_with_it(tmp_path):
    path = rna_file(tmp_path, epc_row("DATÉ", "2020-01-01 00:00:00"), epc_row("SANS DATE", ""))

    import_rna(path)

    assert Association.objects.get(rna_id="W771000001").name == "DATÉ"


def test_the_newest_row_of_a_number_updates_an_association_already_imported(tmp_path):
    import_rna(SAMPLE, "--department", "77")
    path = rna_file(tmp_path, epc_row("ANCIEN NOM", "2024-02-01 10:12:00"),
                    epc_row("NOUVEAU NOM", "2025-06-01 09:00:00"))

    output = import_rna(path, "--department", "77")

    assert Association.objects.get(rna_id="W771000001").name == "NOUVEAU NOM"
    assert "Mises à jour : 1" in output
