"""What the member associations offer one another and ask of one another: a lawyer's or an
accountant's hour, a room, a van, hands for a Saturday.

A post is an offer or a request of one association (`association`), written by one of its
people (`author`), in a category, at a commune, for a period (`starts_on`, and `ends_on` when it
ends). It is open until its association closes it (or its last day passes): closed and
past posts leave the lists for the archive, and nobody answers them any more. An offer may be
shown on the public site when its association chooses (`is_public`): its title, text,
category, commune and dates, never who to write to (the members answer through the extranet,
extranet/mutual_aid/models/conversations.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association, Commune


class Kind(models.TextChoices):
    OFFER = "offer", _("offre")
    REQUEST = "request", _("demande")


class Category(models.TextChoices):
    SKILLS = "skills", _("compétences (juriste, comptable…)")
    PREMISES = "premises", _("locaux")
    EQUIPMENT = "equipment", _("matériel")
    VOLUNTEERS = "volunteers", _("bénévoles")
    TRANSPORT = "transport", _("transport")
    OTHER = "other", _("autre")


class Status(models.TextChoices):
    OPEN = "open", _("ouverte")
    CLOSED = "closed", _("close")


class PostQuerySet(models.QuerySet):
    def current(self, today=None):
        """Open posts whose last day (if any) is not past: the ones the lists show."""
        today = today or timezone.localdate()
        return self.filter(status=Status.OPEN).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today))

    def archived(self, today=None):
        """Closed posts, and open ones whose last day is past."""
        today = today or timezone.localdate()
        return self.filter(Q(status=Status.CLOSED) | Q(ends_on__lt=today))

    def public(self, today=None):
        """Current offers that their association chose to show on the public site, while
        it is a member of the collective."""
        return self.current(today).filter(kind=Kind.OFFER, is_public=True,
                                          association__is_member=True,
                                          association__dissolved_on__isnull=True)


class Post(models.Model):
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices,
                            help_text=_("Une offre (ce que l'association propose) ou une "
                                        "demande (ce dont elle a besoin)."))
    category = models.CharField(_("catégorie"), max_length=20, choices=Category.choices,
                                help_text=_("Ce qui est offert ou demandé."))
    title = models.CharField(_("titre"), max_length=120,
                             help_text=_("En quelques mots : « Salle de réunion de 30 places "
                                         "le soir », « Un·e comptable pour notre bilan »."))
    description = models.TextField(
        _("description"), max_length=3000,
        help_text=_("Ce qui est offert ou demandé, à quelles conditions, pour combien de "
                    "temps. Pas d'adresse ni de téléphone : les réponses passent par le site."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="mutual_aid_posts",
        help_text=_("L'association membre qui offre ou demande."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur·rice"), on_delete=models.PROTECT,
        related_name="mutual_aid_posts",
        help_text=_("La personne qui a publié l'annonce ; les réponses lui parviennent."),
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+",
        help_text=_("Où se trouve ce qui est offert, ou où le besoin se trouve."),
    )
    starts_on = models.DateField(_("à partir du"), default=timezone.localdate,
                                 help_text=_("Le premier jour où l'offre ou le besoin vaut."))
    ends_on = models.DateField(
        _("jusqu'au"), null=True, blank=True,
        help_text=_("Le dernier jour, s'il y en a un ; l'annonce passe alors aux archives."),
    )
    status = models.CharField(_("état"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)
    is_public = models.BooleanField(
        _("montrer sur le site public"), default=False,
        help_text=_("Pour une offre seulement : elle paraît sur la page publique de l'entraide "
                    "(sans nom de personne ni adresse)."),
    )
    created_at = models.DateTimeField(_("publiée le"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("annonce d'entraide")
        verbose_name_plural = _("annonces d'entraide")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="mutual_aid_ends_after_it_starts",
                violation_error_message=_("Le dernier jour ne peut précéder le premier."),
            ),
            models.CheckConstraint(
                condition=Q(kind="offer") | Q(is_public=False),
                name="mutual_aid_only_offers_are_public",
                violation_error_message=_("Seule une offre peut paraître sur le site public."),
            ),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | Q(status="closed", closed_at__isnull=False),
                name="mutual_aid_closed_with_a_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind", "category"],
                                name="mutual_aid_post_lists_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.title}"

    def clean(self):
        super().clean()
        if self.is_public and self.kind != Kind.OFFER:
            raise ValidationError({"is_public": _("Seule une offre peut paraître sur le site "
                                                  "public.")})

    @property
    def is_current(self):
        return self.status == Status.OPEN and (
            self.ends_on is None or self.ends_on >= timezone.localdate())

    def close(self):
        """Close the post (it goes to the archive); closing a closed post changes nothing."""
        if self.status == Status.CLOSED:
            return
        self.status = Status.CLOSED
        self.closed_at = timezone.now()
        self.is_public = False
        self.save(update_fields=["status", "closed_at", "is_public", "updated_at"])

    def reopen(self):
        """Open a closed post again (its association changed its mind)."""
        if self.status == Status.OPEN:
            return
        self.status = Status.OPEN
        self.closed_at = None
        self.save(update_fields=["status", "closed_at", "updated_at"])
