"""`seed_demo` builds the demo site and can run again without changing anything."""

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db

# Rows that change on their own (sessions, task results, search index bookkeeping).
VOLATILE = {"sessions.session", "django_tasks_db.dbtaskresult"}


def row_counts():
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
        and model._meta.label_lower not in VOLATILE
    }


def test_seed_demo_run_twice_leaves_the_same_counts(capsys):
    call_command("seed_demo")
    first = row_counts()

    call_command("seed_demo")

    assert row_counts() == first


def test_seed_demo_prints_the_demo_accounts(capsys):
    call_command("seed_demo")

    output = capsys.readouterr().out
    for username in ("admin", "redactrice", "coordinateur"):
        assert username in output


def test_seed_demo_translates_the_home_page_into_english(client):
    call_command("seed_demo")

    response = client.get("/en/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Together, the associations of Seine-et-Marne" in response.text


def test_seed_demo_builds_a_french_site_with_menus(client):
    call_command("seed_demo")

    response = client.get("/")

    assert "Ensemble, les associations de Seine-et-Marne se font entendre" in response.text
    assert "Guide pour les élus" in response.text
    assert Page.objects.live().filter(locale__language_code="fr").count() >= 7


def test_seed_demo_on_an_unmigrated_database_says_to_migrate_first():
    from django.core.management import CommandError
    from wagtail.models import Page

    Page.objects.all().delete()

    with pytest.raises(CommandError, match="migrate"):
        call_command("seed_demo")


def test_seed_demo_is_refused_where_demo_content_is_not_allowed(settings):
    from django.core.management import CommandError

    settings.DEMO_CONTENT_ALLOWED = False

    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED"):
        call_command("seed_demo")


def test_seed_demo_places_the_demo_associations_and_keeps_a_position_edited_since():
    from decimal import Decimal

    from directory.models import Association

    call_command("seed_demo")
    assert not Association.objects.filter(latitude__isnull=True).exists()
    Association.objects.filter(name="Chorale À travers chants").update(
        latitude=Decimal("48.5"), longitude=Decimal("2.6")
    )

    call_command("seed_demo")

    chorale = Association.objects.get(name="Chorale À travers chants")
    assert (chorale.latitude, chorale.longitude) == (Decimal("48.5"), Decimal("2.6"))
