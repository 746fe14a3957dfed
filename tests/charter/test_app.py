"""The charter is an app of its own (charter/), moved out of home: its models, content types,
templates and admin screens carry the label "charter", and it imports no app above it."""

import ast
import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from charter.models import CharterPage, CharterSignature, CharterVersion
from tests.factories.charter import CharterPageFactory, CharterSignatureFactory

ROOT = Path(settings.BASE_DIR)
# The apps above the charter (docs/architecture.md, Layers): it imports none of them.
ABOVE = ("home", "joining", "campaigns", "events", "extranet", "demo")
MOVE = importlib.import_module("charter.migrations.0003_content_types_from_home")


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_the_charter_imports_no_app_above_it():
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}: {name}"
        for path in (ROOT / "charter").rglob("*.py")
        if "migrations" not in path.parts
        for name in imported_modules(path)
        if name.split(".")[0] in ABOVE
    ]

    assert offenders == []


@pytest.mark.django_db
def test_the_charter_models_have_content_types_of_the_charter_app():
    for model in (CharterPage, CharterVersion, CharterSignature):
        content_type = ContentType.objects.get_for_model(model)
        assert (content_type.app_label, content_type.model) == (
            "charter", model._meta.model_name)
    assert not ContentType.objects.filter(app_label="home", model__startswith="charter").exists()


@pytest.mark.django_db
def test_the_charter_page_is_served_with_the_template_of_the_charter_app(client, home_page):
    page = CharterPageFactory(parent=home_page)
    CharterSignatureFactory(version=page.versions.get(), association__name="Entraide chelloise")

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.specific_class is CharterPage
    assert "charter/charter_page.html" in [template.name for template in response.templates]
    assert "Entraide chelloise" in response.text


@pytest.mark.django_db
def test_the_migration_keeps_the_content_types_of_home_and_their_ids():
    """An existing database has content types home.charter*, which pages, revisions and
    permissions point at: they become charter.charter*, and those the charter app got
    meanwhile (if any) give way to them."""
    ContentType.objects.filter(app_label="charter", model="charterpage").update(
        app_label="home")
    was_home = ContentType.objects.get(app_label="home", model="charterpage")
    meanwhile = ContentType.objects.get(app_label="charter", model="charterversion")
    was_home_version = ContentType.objects.create(app_label="home", model="charterversion")

    MOVE.forwards(apps, SimpleNamespace(connection=connection))

    assert ContentType.objects.get(app_label="charter", model="charterpage").pk == was_home.pk
    assert ContentType.objects.get(
        app_label="charter", model="charterversion").pk == was_home_version.pk
    assert not ContentType.objects.filter(pk=meanwhile.pk).exists()
    assert not ContentType.objects.filter(app_label="home", model__startswith="charter").exists()
