"""What is put to a body: a proposal (its text, why, which association brings it), discussed
in comments and amendments before it goes to the vote (models/ballots.py)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.governance.models.bodies import Body
from portal.storage import private_storage

MAX_ATTACHMENTS = 5  # per proposal


class Effect(models.TextChoices):
    """What an adopted proposal does besides entering the register (its receivers listen to
    extranet.governance.signals.decision_published)."""

    NONE = "", _("aucun effet automatique")
    EXCLUSION = "exclusion", _("exclure une association du collectif")
    COORDINATION = "coordination", _("confier la coordination du collectif")


class ProposalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(withdrawn_at__isnull=True)


class Proposal(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("instance"), on_delete=models.PROTECT, related_name="proposals",
        help_text=_("L'instance appelée à décider."),
    )
    title = models.CharField(_("titre"), max_length=200,
                             help_text=_("Ce qui est proposé, en une ligne."))
    text = models.TextField(
        _("texte proposé"),
        help_text=_("Le texte exact soumis au vote : c'est lui qui entrera au registre."),
    )
    rationale = models.TextField(_("exposé des motifs"), blank=True,
                                 help_text=_("Pourquoi cette proposition, ce qu'elle change."))
    author_association = models.ForeignKey(
        Association, verbose_name=_("association autrice"), on_delete=models.PROTECT,
        related_name="proposals", help_text=_("L'association membre qui porte la proposition."),
    )
    effect = models.CharField(
        _("effet"), max_length=20, choices=Effect.choices, blank=True, default=Effect.NONE,
        help_text=_("Si la proposition est adoptée : exclure une association (décision de "
                    "l'assemblée plénière), ou confier la coordination aux associations "
                    "nommées à partir de la date dite."),
    )
    effect_associations = models.ManyToManyField(
        Association, verbose_name=_("associations concernées"), blank=True, related_name="+",
        help_text=_("L'association à exclure, ou les associations à qui confier la "
                    "coordination."),
    )
    effect_starts_on = models.DateField(
        _("à partir du"), null=True, blank=True,
        help_text=_("Pour la coordination : le premier jour du mandat."),
    )
    is_public = models.BooleanField(
        _("décision publique"), default=False,
        help_text=_("Si elle est adoptée, la décision paraîtra sur le site public, page « Nos "
                    "décisions et positions »."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("rédigée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La personne qui l'a déposée pour son association."),
    )
    library_documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("documents de la bibliothèque"), blank=True,
        related_name="proposals",
        help_text=_("Des documents de la bibliothèque qui éclairent la proposition : chaque "
                    "personne ne voit que ceux des dossiers qu'elle lit."),
    )
    created_at = models.DateTimeField(_("déposée le"), default=timezone.now, editable=False)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposition")
        verbose_name_plural = _("propositions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("extranet:proposal_detail", kwargs={"proposal_id": self.pk})

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def clean(self):
        super().clean()
        if self.author_association_id and self._state.adding and (
            not self.author_association.is_member
        ):
            raise ValidationError({"author_association": _(
                "Seule une association membre du collectif dépose une proposition."
            )})
        self.clean_effect()

    def clean_effect(self):
        """The rules of the effect that need only this row (the associations it names are
        checked by the form, extranet/governance/proposal_forms.py)."""
        if self.effect != Effect.COORDINATION:
            self.effect_starts_on = None
        if not self.body_id:
            return
        if self.effect == Effect.EXCLUSION and not self.body.is_plenary:
            raise ValidationError({"effect": _(
                "Seule l'assemblée plénière peut exclure une association du collectif."
            )})
        if self.effect != Effect.COORDINATION:
            return
        if not self.body.coordination_term_months:
            raise ValidationError({"effect": _(
                "Cette instance ne confie pas la coordination du collectif."
            )})
        if not self.effect_starts_on:
            raise ValidationError({"effect_starts_on": _(
                "Dites à partir de quel jour la coordination est confiée."
            )})
        if self.effect_starts_on < timezone.localdate() and self._starts_on_changed():
            raise ValidationError({"effect_starts_on": _(
                "Le mandat ne peut pas commencer dans le passé."
            )})

    def _starts_on_changed(self):
        if self._state.adding:
            return True
        stored = Proposal.objects.filter(pk=self.pk).values_list("effect_starts_on", flat=True)
        return stored.first() != self.effect_starts_on


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("commentaire")
    AMENDMENT = "amendment", _("amendement")


class ProposalCommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(removed_at__isnull=True)


class ProposalComment(models.Model):
    """A word in the discussion of a proposal, or an amendment (a change of its text that the
    author association may take into its proposal before the vote)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposition"), on_delete=models.PROTECT,
        related_name="comments", help_text=_("La proposition discutée."),
    )
    kind = models.CharField(_("nature"), max_length=20, choices=CommentKind.choices,
                            default=CommentKind.COMMENT,
                            help_text=_("Un commentaire, ou un amendement au texte."))
    text = models.TextField(_("texte"), help_text=_("Ce que vous voulez dire ou changer."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur·rice"), null=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La personne qui a écrit, pour son association."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="+", help_text=_("L'association pour laquelle la personne parle."),
    )
    created_at = models.DateTimeField(_("écrit le"), default=timezone.now, editable=False)
    removed_at = models.DateTimeField(_("retiré le"), null=True, blank=True, editable=False)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("retiré par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    taken_in_at = models.DateTimeField(
        _("repris le"), null=True, blank=True, editable=False,
        help_text=_("Quand l'association autrice a repris cet amendement dans sa proposition."),
    )
    replaced_text = models.TextField(
        _("texte remplacé"), blank=True, editable=False,
        help_text=_("Le texte de la proposition avant que l'amendement y soit repris."),
    )

    objects = ProposalCommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("commentaire ou amendement")
        verbose_name_plural = _("commentaires et amendements")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.proposal}"

    @property
    def is_amendment(self):
        return self.kind == CommentKind.AMENDMENT

    @property
    def is_removed(self):
        return self.removed_at is not None


def attachment_path(instance, filename):
    """A name nobody can guess; the original name is kept in `filename`."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"governance-attachments/{uuid.uuid4().hex}.{extension}"


class ProposalAttachment(models.Model):
    """A file joined to a proposal, kept outside MEDIA_ROOT and served to members only
    (checked by portal.uploads when it was added)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposition"), on_delete=models.PROTECT,
        related_name="attachments", editable=False,
    )
    file = models.FileField(
        _("fichier"), upload_to=attachment_path, storage=private_storage, max_length=255,
        editable=False,
    )
    filename = models.CharField(_("nom du fichier"), max_length=255, editable=False)
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("taille (octets)"), editable=False)
    uploaded_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pièce jointe d'une proposition")
        verbose_name_plural = _("pièces jointes des propositions")

    def __str__(self):
        return self.filename
