"""The content types of the charter models move from app_label "home" to "charter".

The rows are kept (only their app_label changes), so that what points at them by id keeps
pointing at the right model: the charter pages (wagtailcore_page.content_type), their
revisions and log entries, the search index, translations, and the permissions given to the
editorial groups (view_charterversion…). On a fresh database there is nothing to move: the
content types of the charter app are created after the migrations (post_migrate). If they
were created already (a migrate stopped after charter 0001), those new, unused rows are
deleted and the old ones take their place.
"""

from django.db import migrations

MODELS = ("charterpage", "charterversion", "chartersignature")


def move_content_types(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        kept = content_types.filter(app_label=source, model=model).first()
        if kept is None:
            continue
        content_types.filter(app_label=target, model=model).delete()
        kept.app_label = target
        kept.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="home", target="charter")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="charter", target="home")


class Migration(migrations.Migration):

    dependencies = [
        ("charter", "0002_charter_tables"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
