"""The root of the page tree and of the collections, which Wagtail names "Root" in English,
named in French for the editors (the explorer and the choosers show it)."""

from django.db import migrations


def name_roots_in_french(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title="Root").update(title="Racine", draft_title="Racine")
    Collection.objects.filter(depth=1, name="Root").update(name="Racine")


def name_roots_in_english(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title="Racine").update(title="Root", draft_title="Root")
    Collection.objects.filter(depth=1, name="Racine").update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_site_settings_join_page"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(name_roots_in_french, name_roots_in_english)]
