"""The plenary assembly always exists: every member association sits in it (one association,
one vote). Made here if the collective has none yet; nothing to undo."""

from django.db import migrations


def create_plenary_assembly(apps, schema_editor):
    Body = apps.get_model("governance", "Body")
    if Body.objects.filter(kind="plenary").exists():
        return
    name, slug, number = "Assemblée plénière", "assemblee-pleniere", 2
    while Body.objects.filter(name=name).exists() or Body.objects.filter(slug=slug).exists():
        name, slug = f"Assemblée plénière {number}", f"assemblee-pleniere-{number}"
        number += 1
    Body.objects.create(
        name=name, slug=slug, kind="plenary",
        description="Toutes les associations membres du collectif, une voix chacune.",
        quorum_percent=50, majority="simple", max_proxies_per_holder=1,
        coordination_term_months=12,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("governance", "0005_decisions_page"),
    ]

    operations = [
        migrations.RunPython(create_plenary_assembly, migrations.RunPython.noop),
    ]
