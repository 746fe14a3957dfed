"""The bodies that decide (the plenary assembly, the coordination committee, any other), the
associations that sit in each, their rules, and who coordinates the collective when.

The plenary assembly gathers every member association (`Association.objects.members()`,
kept in step with the adhesions by the joining app): it has no seats of its own. Other bodies
list their seats, which start and end by date and are never deleted.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.models import Association


class BodyKind(models.TextChoices):
    PLENARY = "plenary", _("assemblée plénière")
    COMMITTEE = "committee", _("comité de coordination")
    OTHER = "other", _("autre instance")


class MajorityRule(models.TextChoices):
    SIMPLE = "simple", _("majorité simple : plus de pour que de contre")
    ABSOLUTE = "absolute", _("majorité absolue : plus de la moitié des associations votantes")
    TWO_THIRDS = "two_thirds", _("deux tiers des voix exprimées (abstentions non comptées)")
    CONSENSUS = "consensus", _("consensus : adopté sauf objection")


def current_filter(on, prefix=""):
    """Rows whose [starts_on, ends_on] period holds the day `on`."""
    return Q(**{f"{prefix}starts_on__lte": on}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": on})
    )


class BodyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_on__isnull=True)

    def plenary(self):
        return self.filter(kind=BodyKind.PLENARY).first()


class Body(models.Model):
    """An assembly that decides, with its rules."""

    name = models.CharField(
        _("nom"), max_length=150, unique=True,
        help_text=_("Par exemple « Assemblée plénière » ou « Comité de coordination »."),
    )
    slug = models.SlugField(
        _("identifiant dans l'adresse"), max_length=160, unique=True, blank=True,
        help_text=_("Rempli d'après le nom s'il reste vide."),
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=BodyKind.choices, default=BodyKind.OTHER,
        help_text=_("L'assemblée plénière réunit toutes les associations membres (il n'y en a "
                    "qu'une) ; les autres instances ont leurs sièges."),
    )
    description = models.TextField(
        _("rôle"), blank=True, help_text=_("Ce que cette instance décide, et comment."),
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (%)"), default=50, validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Part des associations de l'instance, présentes ou représentées, sans "
                    "laquelle rien n'est décidé. 0 : pas de quorum."),
    )
    majority = models.CharField(
        _("règle de majorité"), max_length=20, choices=MajorityRule.choices,
        default=MajorityRule.SIMPLE,
        help_text=_("Comment le résultat d'un vote se décide."),
    )
    max_proxies_per_holder = models.PositiveSmallIntegerField(
        _("procurations par association"), default=1,
        validators=[MaxValueValidator(20)],
        help_text=_("Combien de procurations une association peut porter pour une même "
                    "réunion ou un même vote. 0 : pas de procuration."),
    )
    coordination_term_months = models.PositiveSmallIntegerField(
        _("durée d'un mandat de coordination (mois)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Pour l'instance qui confie la coordination du collectif : la durée d'un "
                    "mandat, par exemple 12. Vide : cette instance ne la confie pas."),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    archived_on = models.DateField(
        _("archivée le"), null=True, blank=True,
        help_text=_("Une instance qui ne se réunit plus est archivée : son histoire reste."),
    )

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("instance")
        verbose_name_plural = _("instances")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="plenary"), name="one_plenary_assembly",
                violation_error_message=_("Le collectif a déjà son assemblée plénière."),
            ),
            models.CheckConstraint(
                condition=Q(quorum_percent__lte=100), name="body_quorum_is_a_share",
                violation_error_message=_("Le quorum est une part : de 0 à 100 %."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:150] or "instance"
            slug, number = base, 2
            while Body.objects.exclude(pk=self.pk).filter(slug=slug).exists():
                slug, number = f"{base}-{number}", number + 1
            self.slug = slug
        super().save(*args, **kwargs)

    @property
    def is_plenary(self):
        return self.kind == BodyKind.PLENARY

    def member_associations(self, on=None):
        """The associations sitting in the body on a day (today by default)."""
        members = Association.objects.members()
        if self.is_plenary:
            return members
        on = on or timezone.localdate()
        return members.filter(
            pk__in=self.seats.filter(current_filter(on)).values("association_id")
        )


class BodySeat(models.Model):
    """An association sitting in a body (not the plenary: every member sits there)."""

    body = models.ForeignKey(
        Body, verbose_name=_("instance"), on_delete=models.PROTECT, related_name="seats",
        help_text=_("L'instance où l'association siège."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="body_seats", help_text=_("Une association membre du collectif."),
    )
    starts_on = models.DateField(_("début"), default=timezone.localdate,
                                 help_text=_("Premier jour où l'association siège."))
    ends_on = models.DateField(_("fin"), null=True, blank=True,
                               help_text=_("Dernier jour ; vide tant qu'elle siège."))

    class Meta:
        ordering = ["body", "association__name"]
        verbose_name = _("siège")
        verbose_name_plural = _("sièges")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "association"], condition=Q(ends_on__isnull=True),
                name="one_open_seat_per_association_and_body",
                violation_error_message=_("Cette association siège déjà dans cette instance."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="seat_ends_after_it_starts",
                violation_error_message=_("La fin ne peut pas précéder le début."),
            ),
        ]

    def __str__(self):
        return f"{self.association} · {self.body}"

    def clean(self):
        super().clean()
        if self.body_id and self.body.is_plenary:
            raise ValidationError(_("Toutes les associations membres siègent à l'assemblée "
                                    "plénière : elle n'a pas de sièges à donner."))
        if self.association_id and self._state.adding and not self.association.is_member:
            raise ValidationError({"association": _(
                "Seule une association membre du collectif siège dans ses instances."
            )})


class RotationPlace(models.Model):
    """The order in which the associations take their turn at coordinating."""

    body = models.ForeignKey(
        Body, verbose_name=_("instance"), on_delete=models.PROTECT,
        related_name="rotation_places",
        help_text=_("L'instance qui confie la coordination."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="+", help_text=_("Une association membre qui prendra son tour."),
    )
    position = models.PositiveSmallIntegerField(
        _("rang"), help_text=_("1 pour la première à coordonner, puis 2, 3…"),
    )

    class Meta:
        ordering = ["body", "position"]
        verbose_name = _("tour de coordination")
        verbose_name_plural = _("ordre de rotation")
        constraints = [
            models.UniqueConstraint(fields=["body", "position"],
                                    name="one_association_per_rotation_rank"),
            models.UniqueConstraint(fields=["body", "association"],
                                    name="one_rotation_rank_per_association"),
        ]

    def __str__(self):
        return f"{self.position}. {self.association}"


class CoordinationTermQuerySet(models.QuerySet):
    def current(self, on=None):
        return self.filter(current_filter(on or timezone.localdate()))


class CoordinationTerm(models.Model):
    """One or more associations coordinate the collective from `starts_on` to `ends_on`: their
    people have the extranet's coordinator rights for that time, and only then."""

    class Choice(models.TextChoices):
        DECISION = "decision", _("décision de l'instance")
        ROTATION = "rotation", _("ordre de rotation")

    body = models.ForeignKey(
        Body, verbose_name=_("instance"), on_delete=models.PROTECT,
        related_name="coordination_terms", help_text=_("L'instance qui a confié le mandat."),
    )
    associations = models.ManyToManyField(
        Association, verbose_name=_("associations coordinatrices"),
        related_name="coordination_terms",
        help_text=_("Une ou plusieurs associations membres."),
    )
    starts_on = models.DateField(_("début"), help_text=_("Premier jour du mandat."))
    ends_on = models.DateField(_("fin"), help_text=_("Dernier jour du mandat."))
    chosen_by = models.CharField(
        _("désignée par"), max_length=20, choices=Choice.choices, default=Choice.DECISION,
        help_text=_("Une décision de l'instance, ou le tour suivant de l'ordre de rotation."),
    )
    decision = models.ForeignKey(
        "governance.Decision", verbose_name=_("décision"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="coordination_terms",
        help_text=_("La décision du registre qui confie le mandat, s'il y en a une."),
    )
    handed_over_at = models.DateTimeField(
        _("passation faite le"), null=True, blank=True,
        help_text=_("Quand l'équipe entrante a repris la liste de passation."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("enregistré par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    created_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)

    objects = CoordinationTermQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("mandat de coordination")
        verbose_name_plural = _("mandats de coordination")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="term_ends_after_it_starts",
                violation_error_message=_("La fin ne peut pas précéder le début."),
            ),
        ]

    def __str__(self):
        return _("Coordination du %(start)s au %(end)s") % {
            "start": f"{self.starts_on:%d/%m/%Y}", "end": f"{self.ends_on:%d/%m/%Y}",
        }

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return self.starts_on <= on <= self.ends_on

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("La fin ne peut pas précéder le début.")})
        if self.body_id and self.starts_on and self.ends_on:
            overlapping = CoordinationTerm.objects.filter(
                body_id=self.body_id, starts_on__lte=self.ends_on, ends_on__gte=self.starts_on,
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(_("Un autre mandat de cette instance couvre déjà une "
                                        "partie de cette période."))
