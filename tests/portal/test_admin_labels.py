"""Everything an editor sees in the admin has a French label and, where needed, a help text."""

import pytest
from django.apps import apps
from django.db import models
from wagtail.models import Page

OUR_APPS = ["portal", "home", "directory", "campaigns", "joining", "events", "extranet", "accounts",
            "workgroups", "news", "governance"]
# Fields whose meaning is plain from the label alone.
SELF_EXPLANATORY = {"site_name", "tagline", "contact_phone", "body", "location"}


def editable_fields():
    for app_label in OUR_APPS:
        for model in apps.get_app_config(app_label).get_models():
            inherited = {field.name for field in Page._meta.get_fields()}
            for field in model._meta.get_fields():
                if (
                    isinstance(field, models.Field)
                    and field.editable
                    and not field.auto_created
                    and field.name not in inherited
                    and field.name not in {"id", "locale", "translation_key", "site"}
                    and not field.name.endswith("_ptr")
                ):
                    yield model, field


FIELDS = list(editable_fields())


def test_there_are_editor_fields_to_check():
    assert len(FIELDS) > 10


@pytest.mark.parametrize(
    ("model", "field"), FIELDS, ids=[f"{m.__name__}.{f.name}" for m, f in FIELDS]
)
def test_every_editor_field_has_a_french_label_and_a_help_text(model, field):
    assert field._verbose_name is not None, "verbose_name missing"
    assert field.name in SELF_EXPLANATORY or str(field.help_text), "help_text missing"


@pytest.mark.parametrize("app_label", ["portal", "home"])
def test_every_model_has_a_french_name(app_label):
    for model in apps.get_app_config(app_label).get_models():
        assert model._meta.verbose_name != model.__name__.lower()


@pytest.mark.django_db
def test_the_page_editor_speaks_french(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/")

    assert response.status_code == 200
    assert "Chapô" in response.text
    assert "Deux ou trois phrases qui résument la page" in response.text
