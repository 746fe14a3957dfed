"""`Adhesion` is renamed `CollectiveMembership` (an association's membership of the
collective), beside extranet.accounts.Membership (a person acting for an association). The
rows stay; the table, the constraints and the permissions' codenames follow the new name."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F, Q

ACTIONS = ("add", "change", "delete", "view")


def rename_permissions(apps, schema_editor, old="adhesion", new="collectivemembership"):
    Permission = apps.get_model("auth", "Permission")
    for action in ACTIONS:
        Permission.objects.filter(
            content_type__app_label="joining", codename=f"{action}_{old}"
        ).update(codename=f"{action}_{new}")


def rename_permissions_back(apps, schema_editor):
    rename_permissions(apps, schema_editor, old="collectivemembership", new="adhesion")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0017_members_page"),
        ("joining", "0002_charter_version_from_charter_app"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="adhesion", name="adhesion_ends_after_it_starts"),
        migrations.RemoveConstraint(model_name="adhesion",
                                    name="one_open_adhesion_per_association"),
        migrations.RenameModel(old_name="Adhesion", new_name="CollectiveMembership"),
        migrations.AlterField(
            model_name="collectivemembership",
            name="association",
            field=models.ForeignKey(
                help_text="L'association membre du collectif.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="collective_memberships", to="directory.association",
                verbose_name="association",
            ),
        ),
        migrations.AlterField(
            model_name="collectivemembership",
            name="join_request",
            field=models.ForeignKey(
                blank=True,
                help_text="La demande acceptée qui a fait cette adhésion, s'il y en a une.",
                null=True, on_delete=django.db.models.deletion.PROTECT,
                related_name="collective_memberships", to="joining.joinrequest",
                verbose_name="demande d'adhésion",
            ),
        ),
        migrations.AddConstraint(
            model_name="collectivemembership",
            constraint=models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="collective_membership_ends_after_it_starts",
                violation_error_message="La fin ne peut pas précéder le début.",
            ),
        ),
        migrations.AddConstraint(
            model_name="collectivemembership",
            constraint=models.UniqueConstraint(
                condition=Q(ends_on__isnull=True), fields=("association",),
                name="one_open_collective_membership_per_association",
                violation_error_message=(
                    "Cette association est déjà membre du collectif : pas besoin d'adhérer à "
                    "nouveau. Écrivez-nous si vous voulez rejoindre son espace membres."
                ),
            ),
        ),
        migrations.RunPython(rename_permissions, rename_permissions_back),
    ]
