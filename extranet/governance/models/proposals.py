"""What is put to a body: a proposal (its text, why, which association brings it), discussed
in comments and amendments before it goes to the vote (models/ballots.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.governance.models.bodies import Body


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
    created_at = models.DateTimeField(_("déposée le"), default=timezone.now, editable=False)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposition")
        verbose_name_plural = _("propositions")

    def __str__(self):
        return self.title

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


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("commentaire")
    AMENDMENT = "amendment", _("amendement")


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

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("commentaire ou amendement")
        verbose_name_plural = _("commentaires et amendements")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.proposal}"
