"""What the site records about an event, never edited as a page: its dates (`Occurrence`, computed
whenever the page is saved) and the registrations of the public (`Registration`, cancelled but
never deleted)."""

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Occurrence(models.Model):
    """One date of an event (computed from the page: never edited by hand)."""

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("événement"), on_delete=models.CASCADE,
        related_name="occurrences", editable=False,
    )
    starts_at = models.DateTimeField(_("début"), editable=False)
    ends_at = models.DateTimeField(_("fin"), editable=False)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [models.Index(fields=["ends_at", "starts_at"])]

    def __str__(self):
        return f"{self.event} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmée")
    WAITING = "waiting", _("en liste d'attente")
    CANCELLED = "cancelled", _("annulée")


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class Registration(models.Model):
    """Somebody's places at an event: confirmed, waiting, or cancelled (never deleted)."""

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("événement"), on_delete=models.PROTECT,
        related_name="registrations", help_text=_("L'événement auquel la personne s'inscrit."),
    )
    name = models.CharField(_("nom"), max_length=150, help_text=_("Prénom et nom."))
    email = models.EmailField(
        _("adresse électronique"), blank=True,
        help_text=_("Pour la confirmation et le lien qui permet d'annuler. Vide une fois les "
                    "données effacées."),
    )
    association_name = models.CharField(
        _("association"), max_length=255, blank=True,
        help_text=_("L'association de la personne, s'il y en a une."),
    )
    places = models.PositiveSmallIntegerField(
        _("places"), default=1, validators=[MinValueValidator(1)],
        help_text=_("Nombre de personnes, la personne inscrite comprise."),
    )
    needs = models.TextField(
        _("besoins"), blank=True, max_length=1000,
        help_text=_("Régime alimentaire, besoins d'accessibilité…"),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
        help_text=_("Une inscription n'est jamais supprimée : elle est annulée."),
    )
    token = models.UUIDField(
        _("clé d'annulation"), default=uuid.uuid4, unique=True, editable=False,
        help_text=_("Dans le lien du courriel qui permet d'annuler."),
    )
    language = models.CharField(_("langue"), max_length=10, default="fr", editable=False)
    created_at = models.DateTimeField(_("inscrite le"), default=timezone.now, editable=False)
    promoted_at = models.DateTimeField(
        _("sortie de la liste d'attente le"), null=True, blank=True, editable=False,
    )
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True,
                                       editable=False)
    attended = models.BooleanField(
        _("présente"), null=True, blank=True,
        help_text=_("Noté par l'équipe le jour de l'événement."),
    )
    erased_at = models.DateTimeField(
        _("données effacées le"), null=True, blank=True, editable=False,
        help_text=_("L'inscription compte encore, anonyme ; plus aucun courriel n'est envoyé."),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(
                F("event"), Lower("email"), condition=~Q(status="cancelled") & ~Q(email=""),
                name="one_active_registration_per_email_and_event",
                violation_error_message=_("Cette adresse est déjà inscrite à cet événement."),
            ),
            models.CheckConstraint(condition=Q(places__gte=1),
                                   name="registration_has_at_least_one_place"),
            models.CheckConstraint(
                condition=Q(erased_at__isnull=False) | ~Q(email=""),
                name="registration_has_email_unless_erased",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        if self.erased_at:
            return str(_("Inscription anonyme n° %(number)s · %(event)s")) % {
                "number": self.pk, "event": self.event}
        return f"{self.name} · {self.event}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)
