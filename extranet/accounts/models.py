"""People acting for member associations: their memberships, roles, and profile.

A person is Django's `auth.User` (the same users as the Wagtail admin's): signing in to the
extranet is having a current `Membership` of a `directory.Association`. Memberships are ended
(`ends_on`), never deleted, and every change of role is written down in `RoleChange` through
`extranet.accounts.services`.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from portal.people import person_name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("coordination")
    REPRESENTATIVE = "representative", _("représentant·e")
    MEMBER = "member", _("membre")


ONE_REPRESENTATIVE = _(
    "Cette association a déjà un·e représentant·e sur cette période : mettez d'abord fin à "
    "son mandat."
)
ONE_MEMBERSHIP = _(
    "Cette personne agit déjà pour cette association sur cette période : changez son rôle "
    "plutôt que d'ajouter un rattachement."
)
ENDS_AFTER_START = _("La date de fin ne peut pas précéder la date de début.")


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships in force on a day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))

    def overlapping(self, starts_on, ends_on):
        """Memberships whose period meets [starts_on, ends_on] (ends_on None: no end)."""
        queryset = self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
        if ends_on is not None:
            queryset = queryset.filter(starts_on__lte=ends_on)
        return queryset


class Membership(models.Model):
    """A person acting for an association, with a role, over a period."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("Le compte de la personne qui agit pour l'association."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("L'association membre pour laquelle la personne agit."),
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.MEMBER,
        help_text=_("Coordination : anime le réseau. Représentant·e : porte la voix de "
                    "l'association (une personne à la fois). Membre : lit et participe."),
    )
    starts_on = models.DateField(
        _("début"), default=timezone.localdate,
        help_text=_("Premier jour où la personne agit pour l'association."),
    )
    ends_on = models.DateField(
        _("fin"), null=True, blank=True,
        help_text=_("Dernier jour ; vide tant que le rattachement dure. On met fin à un "
                    "rattachement, on ne le supprime pas."),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("créée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["association__name", "-starts_on"]
        verbose_name = _("rattachement")
        verbose_name_plural = _("rattachements")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="membership_ends_after_it_starts",
                violation_error_message=ENDS_AFTER_START,
            ),
            # "Current" in the database is "not ended"; clean() also refuses overlapping
            # periods that have an end date, which a constraint cannot express portably.
            models.UniqueConstraint(
                fields=["association"],
                condition=Q(role="representative", ends_on__isnull=True),
                name="one_open_representative_per_association",
                violation_error_message=ONE_REPRESENTATIVE,
            ),
            models.UniqueConstraint(
                fields=["person", "association"],
                condition=Q(ends_on__isnull=True),
                name="one_open_membership_per_person_and_association",
                violation_error_message=ONE_MEMBERSHIP,
            ),
        ]

    def __str__(self):
        return f"{self.person_name} · {self.association} ({self.get_role_display()})"

    @property
    def person_name(self):
        return person_name(self.person)

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": ENDS_AFTER_START})
        if not self.starts_on or not self.association_id:
            return
        others = Membership.objects.filter(association_id=self.association_id).exclude(
            pk=self.pk
        ).overlapping(self.starts_on, self.ends_on)
        if self.ends_on is None:
            # Two open memberships: the database constraints report them (same messages).
            others = others.exclude(ends_on__isnull=True)
        errors = {}
        if self.person_id and others.filter(person_id=self.person_id).exists():
            errors["person"] = ONE_MEMBERSHIP
        if self.role == Role.REPRESENTATIVE and others.filter(role=Role.REPRESENTATIVE).exists():
            errors["role"] = ONE_REPRESENTATIVE
        if errors:
            raise ValidationError(errors)


class RoleChange(models.Model):
    """One line of the history of a membership: granted, role changed, or ended."""

    membership = models.ForeignKey(
        Membership, verbose_name=_("rattachement"), on_delete=models.PROTECT,
        related_name="role_changes",
        help_text=_("La personne et l'association dont le rôle a changé."),
    )
    old_role = models.CharField(
        _("ancien rôle"), max_length=20, choices=Role.choices, blank=True,
        help_text=_("Vide quand le rattachement commence."),
    )
    new_role = models.CharField(
        _("nouveau rôle"), max_length=20, choices=Role.choices, blank=True,
        help_text=_("Vide quand le rattachement prend fin."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Qui a fait le changement (vide s'il vient d'une commande)."),
    )
    changed_at = models.DateTimeField(
        _("le"), default=timezone.now, db_index=True, help_text=_("Date et heure du changement."),
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("changement de rôle")
        verbose_name_plural = _("changements de rôle")

    def __str__(self):
        return f"{self.membership}: {self.describe()}"

    def describe(self):
        if not self.old_role:
            return _("début du rattachement (%(role)s)") % {"role": self.get_new_role_display()}
        if not self.new_role:
            return _("fin du rattachement (%(role)s)") % {"role": self.get_old_role_display()}
        return _("%(old)s → %(new)s") % {
            "old": self.get_old_role_display(), "new": self.get_new_role_display()
        }

    describe.short_description = _("changement")


class NewsNotification(models.TextChoices):
    EACH_POST = "each", _("un courriel à chaque actualité")
    WEEKLY = "weekly", _("un résumé chaque semaine")
    NONE = "none", _("aucun courriel")


class Profile(models.Model):
    """What a person says of themselves to the network (names are on the user account), what
    other members may see of it, and how they want to hear of the network's news."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
        related_name="profile", help_text=_("Le compte dont c'est le profil."),
    )
    function = models.CharField(
        _("fonction"), max_length=120, blank=True,
        help_text=_("Ce que vous faites dans votre association (présidente, trésorier, "
                    "bénévole…), montré aux autres membres."),
    )
    phone = models.CharField(
        _("téléphone"), max_length=30, blank=True,
        help_text=_("Pour que les autres membres du réseau puissent vous joindre."),
    )
    show_email = models.BooleanField(
        _("montrer mon adresse électronique aux membres"), default=False,
        help_text=_("Dans l'annuaire des membres de l'extranet, jamais sur le site public."),
    )
    show_phone = models.BooleanField(
        _("montrer mon téléphone aux membres"), default=False,
        help_text=_("Dans l'annuaire des membres de l'extranet, jamais sur le site public."),
    )
    news_notification = models.CharField(
        _("être prévenu·e des actualités"), max_length=10, choices=NewsNotification.choices,
        default=NewsNotification.WEEKLY,
        help_text=_("Un courriel à chaque actualité publiée, un résumé chaque lundi, ou rien "
                    "(les actualités restent sur l'extranet)."),
    )

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profils")

    def __str__(self):
        return person_name(self.person)


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Invitations that can still be accepted."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True,
                           expires_at__gt=timezone.now())


def invitation_expiry():
    return timezone.now() + datetime.timedelta(days=Invitation.VALID_DAYS)


class Invitation(models.Model):
    """A coordinator asks someone, by email, to act for a member association. The link sent
    is signed and works once, until `expires_at`; accepting it makes the account (or uses the
    one of that address) and the membership. Invitations are kept, accepted or not."""

    VALID_DAYS = 14

    email = models.EmailField(
        _("adresse électronique"),
        help_text=_("Où envoyer l'invitation ; le compte aura cette adresse, déjà vérifiée."),
    )
    first_name = models.CharField(
        _("prénom"), max_length=150, blank=True,
        help_text=_("Si on le connaît (une demande d'adhésion le donne) : le formulaire "
                    "d'acceptation le propose déjà."),
    )
    last_name = models.CharField(
        _("nom"), max_length=150, blank=True,
        help_text=_("Si on le connaît : le formulaire d'acceptation le propose déjà."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="invitations", help_text=_("L'association pour laquelle la personne agira."),
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.MEMBER,
        help_text=_("Représentant·e : une seule personne à la fois par association."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invitée par"), null=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La personne de la coordination qui a invité."),
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(
        _("valable jusqu'au"), default=invitation_expiry,
        help_text=_("Après cette date, le lien ne sert plus : invitez à nouveau."),
    )
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("acceptée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    revoked_at = models.DateTimeField(_("annulée le"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("annulée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.association}"

    @property
    def state(self):
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    def clean(self):
        super().clean()
        self.email = (self.email or "").strip().lower()
        if self.role == Role.REPRESENTATIVE and self.association_id and (
            Membership.objects.current().filter(
                association_id=self.association_id, role=Role.REPRESENTATIVE
            ).exists()
        ):
            raise ValidationError({"role": ONE_REPRESENTATIVE})
