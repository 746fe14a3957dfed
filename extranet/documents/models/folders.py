"""The library's folders: a tree, each folder with the rule of who reads it. A folder is never
more open than the one that holds it: to read a folder, one must be able to read its parent
too (extranet/documents/permissions.py). A public folder's documents are also listed on the
portal (the page « Documents du collectif »), so a public folder sits at the root or in
another public folder."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from extranet.documents import bodies
from extranet.groups.models import WorkingGroup

MAX_DEPTH = 4  # a folder in a folder in a folder in a folder, no deeper


class Audience(models.TextChoices):
    MEMBERS = "members", _("Tous les membres")
    GROUP = "group", _("Les participant·es d'un groupe de travail")
    BODY = "body", _("Les associations d'une instance")
    COORDINATORS = "coordinators", _("Les coordinateur·rices")
    PUBLIC = "public", _("Tout le monde (aussi sur le portail public)")


class Folder(models.Model):
    parent = models.ForeignKey(
        "self", verbose_name=_("dossier parent"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
        help_text=_("Vide pour un dossier à la racine de la bibliothèque."),
    )
    name = models.CharField(
        _("nom"), max_length=150,
        help_text=_("Par exemple « Statuts et charte », « Comptes rendus 2026 »."),
    )
    description = models.TextField(
        _("description"), blank=True, max_length=2000,
        help_text=_("Ce que le dossier rassemble, pour qui."),
    )
    audience = models.CharField(
        _("qui peut le lire"), max_length=20, choices=Audience.choices,
        default=Audience.MEMBERS,
        help_text=_("Les coordinateur·rices lisent tous les dossiers. Un sous-dossier n'est "
                    "jamais plus ouvert que son dossier parent."),
    )
    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("groupe de travail"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="document_folders",
        help_text=_("Seulement pour un dossier réservé à un groupe de travail."),
    )
    # The governance's body (extranet/documents/bodies.py): the documents sit below the
    # governance and cannot point at its table.
    body_id = models.PositiveIntegerField(
        _("instance"), null=True, blank=True,
        help_text=_("Seulement pour un dossier réservé à une instance."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("créé par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    class Meta:
        ordering = [Lower("name"), "pk"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        constraints = [
            models.UniqueConstraint(Lower("name"), "parent", name="documents_folder_unique_name"),
            models.UniqueConstraint(Lower("name"), condition=models.Q(parent__isnull=True),
                                    name="documents_root_folder_unique_name"),
            models.CheckConstraint(
                condition=models.Q(audience="group", group__isnull=False)
                | (~models.Q(audience="group") & models.Q(group__isnull=True)),
                name="documents_folder_group_iff_group_audience",
            ),
            models.CheckConstraint(
                condition=models.Q(audience="body", body_id__isnull=False)
                | (~models.Q(audience="body") & models.Q(body_id__isnull=True)),
                name="documents_folder_body_iff_body_audience",
            ),
        ]

    def __str__(self):
        return self.name

    def ancestors(self):
        """The folders above this one, from the root down (one query per level, at most
        MAX_DEPTH - 1)."""
        chain, folder = [], self.parent
        while folder is not None:
            chain.append(folder)
            folder = folder.parent
        return chain[::-1]

    def height(self):
        """How many levels of subfolders this folder holds, 0 for none (one query per
        level): moved, it takes them along."""
        height, level = 0, [self.pk] if self.pk else []
        while level and height <= MAX_DEPTH:
            level = list(Folder.objects.filter(parent__in=level).values_list("pk", flat=True))
            height += bool(level)
        return height

    @property
    def is_public(self):
        return self.audience == Audience.PUBLIC

    def audience_label(self):
        if self.audience == Audience.GROUP and self.group_id:
            return _("Groupe « %(name)s »") % {"name": self.group.name}
        if self.audience == Audience.BODY:
            return _("Instance « %(name)s »") % {
                "name": bodies.name_of(self.body_id) or _("disparue")}
        return self.get_audience_display()

    def clean(self):
        super().clean()
        errors = {}
        if self.audience == Audience.GROUP and not self.group_id:
            errors["group"] = _("Choisissez le groupe de travail qui lira ce dossier.")
        if self.audience != Audience.GROUP:
            self.group = None
        if self.audience == Audience.BODY:
            if self.body_id is None:
                errors["body_id"] = _("Choisissez l'instance qui lira ce dossier.")
            elif bodies.name_of(self.body_id) is None:
                errors["body_id"] = _("Cette instance n'existe pas.")
        else:
            self.body_id = None
        if self.parent_id:
            chain = [*self.parent.ancestors(), self.parent]
            if self.pk and any(folder.pk == self.pk for folder in chain):
                errors["parent"] = _("Un dossier ne peut pas être rangé dans lui-même ni "
                                     "dans l'un de ses sous-dossiers.")
            elif len(chain) + 1 + self.height() > MAX_DEPTH:
                errors["parent"] = _("Au plus %(depth)s niveaux de dossiers : rangez-le "
                                     "plus haut.") % {"depth": MAX_DEPTH}
            if self.audience == Audience.PUBLIC and not self.parent.is_public:
                errors["audience"] = _("Un dossier public doit être rangé à la racine ou "
                                       "dans un autre dossier public.")
        if (self.pk and self.audience != Audience.PUBLIC and "audience" not in errors
                and self.children.filter(audience=Audience.PUBLIC).exists()):
            errors["audience"] = _("Des sous-dossiers de ce dossier sont publics : rendez-les "
                                   "d'abord non publics, ou laissez ce dossier public.")
        if errors:
            raise ValidationError(errors)
