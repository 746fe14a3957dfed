"""Joining the collective: the public form's page, the requests it makes, their log, and the
membership of an association in the collective (`CollectiveMembership`).

An association asks to join (`JoinRequest`): picked from the directory, or proposed when it is
not there yet, with its representative, why it wants to join and the charter version it
accepted. A coordinator accepts it (the association becomes a member, signs the charter at
that version, its representative is invited to the extranet) or declines it with a message
(joining/services.py). Requests, their steps and adhesions are kept: never deleted.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from directory.models import POSTCODE, Association, Commune, Sector
from directory.search import normalize
from directory.validators import validate_rna_id, validate_siret
from portal.blocks import BaseStreamBlock
from portal.models import BasePage

ALREADY_MEMBER = _("Cette association est déjà membre du collectif : pas besoin d'adhérer à "
                   "nouveau. Écrivez-nous si vous voulez rejoindre son espace membres.")
ALREADY_PENDING = _("Une demande d'adhésion de cette association attend déjà la réponse de la "
                    "coordination : inutile d'en envoyer une autre.")
ALREADY_MEMBER_CODE = "already_member"
ALREADY_PENDING_CODE = "already_pending"
NAME_OR_ASSOCIATION = _("Choisissez l'association dans l'annuaire, ou donnez son nom.")
DECLINE_NEEDS_MESSAGE = _("Dites à l'association pourquoi sa demande est refusée.")


class JoinStatus(models.TextChoices):
    PENDING = "pending", _("en attente")
    ACCEPTED = "accepted", _("acceptée")
    DECLINED = "declined", _("refusée")
    WITHDRAWN = "withdrawn", _("retirée")


class JoinRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=JoinStatus.PENDING)


class JoinRequest(models.Model):
    """An association asks to join the collective."""

    # The association: from the directory, or proposed.
    association = models.ForeignKey(
        Association, verbose_name=_("association de l'annuaire"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="join_requests",
        help_text=_("L'association choisie dans l'annuaire ; vide si elle n'y était pas."),
    )
    proposed_name = models.CharField(
        _("nom proposé"), max_length=250, blank=True,
        help_text=_("Le nom de l'association, si elle n'était pas dans l'annuaire."),
    )
    proposed_rna_id = models.CharField(
        _("numéro RNA proposé"), max_length=10, blank=True, validators=[validate_rna_id],
        help_text=_("W suivi de neuf chiffres, s'il est connu."),
    )
    proposed_siret = models.CharField(
        _("SIRET proposé"), max_length=14, blank=True, validators=[validate_siret],
        help_text=_("Quatorze chiffres, s'il y en a un."),
    )
    proposed_postcode = models.CharField(
        _("code postal proposé"), max_length=5, blank=True, validators=[POSTCODE],
        help_text=_("Le code postal du siège."),
    )
    proposed_commune = models.ForeignKey(
        Commune, verbose_name=_("commune proposée"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+", help_text=_("La commune du siège."),
    )
    name_key = models.CharField(
        _("nom comparé"), max_length=250, blank=True, editable=False, db_index=True,
        help_text=_("Le nom sans accents ni majuscules : sert à repérer les doublons."),
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("secteur"), on_delete=models.PROTECT, related_name="+",
        help_text=_("Le domaine d'action principal de l'association."),
    )

    # Its representative.
    first_name = models.CharField(_("prénom"), max_length=100, blank=True,
                                  help_text=_("Prénom de la personne qui représente "
                                              "l'association."))
    last_name = models.CharField(_("nom"), max_length=100, blank=True,
                                 help_text=_("Nom de la personne qui représente l'association."))
    email = models.EmailField(
        _("adresse électronique"), blank=True,
        help_text=_("Où écrire au représentant ou à la représentante ; l'invitation à l'espace "
                    "membres y est envoyée."),
    )
    role = models.CharField(
        _("fonction dans l'association"), max_length=120,
        help_text=_("Par exemple « présidente », « trésorier », « coordinatrice »."),
    )
    motivation = models.TextField(
        _("pourquoi rejoindre le collectif"), max_length=4000,
        help_text=_("Ce que l'association attend du collectif et ce qu'elle peut y apporter."),
    )

    # The charter.
    charter_version = models.ForeignKey(
        "charter.CharterVersion", verbose_name=_("version de la charte acceptée"),
        on_delete=models.PROTECT, related_name="join_requests",
        help_text=_("La version montrée dans le formulaire, que l'association a acceptée."),
    )
    charter_accepted_at = models.DateTimeField(
        _("charte acceptée le"), default=timezone.now,
        help_text=_("Le moment où la case d'acceptation a été envoyée."),
    )

    language = models.CharField(
        _("langue"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
        help_text=_("La langue du formulaire : les courriels sont écrits dans celle-ci."),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=JoinStatus.choices, default=JoinStatus.PENDING,
        db_index=True, help_text=_("En attente tant que la coordination n'a pas répondu."),
    )
    submitted_at = models.DateTimeField(
        _("envoyée le"), default=timezone.now, db_index=True,
        help_text=_("Le moment où le formulaire a été envoyé."),
    )
    decided_at = models.DateTimeField(
        _("décidée le"), null=True, blank=True,
        help_text=_("Le moment où la coordination a accepté ou refusé la demande."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("décidée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La personne de la coordination qui a accepté ou refusé."),
    )
    decision_message = models.TextField(
        _("message de la décision"), blank=True,
        help_text=_("Envoyé à l'association ; obligatoire pour un refus."),
    )
    linked_association = models.ForeignKey(
        Association, verbose_name=_("association membre"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
        help_text=_("L'association devenue membre (créée dans l'annuaire si elle n'y était "
                    "pas)."),
    )
    invitation = models.ForeignKey(
        "accounts.Invitation", verbose_name=_("invitation envoyée"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
        help_text=_("L'invitation à l'espace membres envoyée au représentant."),
    )
    erased_at = models.DateTimeField(
        _("données personnelles effacées le"), null=True, blank=True, editable=False,
        help_text=_("Le nom et l'adresse du représentant ont été effacés à sa demande."),
    )

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("demande d'adhésion")
        verbose_name_plural = _("demandes d'adhésion")
        permissions = [("moderate_joinrequest", _("Accepter ou refuser les demandes "
                                                   "d'adhésion"))]
        constraints = [
            models.UniqueConstraint(
                fields=["association"], condition=Q(status="pending"),
                name="one_pending_join_request_per_association",
                violation_error_message=ALREADY_PENDING,
            ),
            models.UniqueConstraint(
                fields=["proposed_rna_id"], condition=Q(status="pending") & ~Q(proposed_rna_id=""),
                name="one_pending_join_request_per_rna_id",
                violation_error_message=ALREADY_PENDING,
            ),
            models.CheckConstraint(
                condition=Q(association__isnull=False) | ~Q(proposed_name=""),
                name="join_request_names_its_association",
                violation_error_message=NAME_OR_ASSOCIATION,
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decision_message=""),
                name="declined_join_request_has_a_message",
                violation_error_message=DECLINE_NEEDS_MESSAGE,
            ),
        ]

    def __str__(self):
        return _("%(name)s (%(date)s)") % {
            "name": self.association_name,
            "date": timezone.localtime(self.submitted_at).strftime("%d/%m/%Y"),
        }

    def save(self, *args, **kwargs):
        self.name_key = self.identifiers()[2][:250]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    @property
    def association_name(self):
        if self.association_id:
            return self.association.name
        return self.proposed_name

    association_name.fget.short_description = _("association")

    @property
    def representative_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_pending(self):
        return self.status == JoinStatus.PENDING

    def identifiers(self):
        """(RNA id, SIRET, name key) of the association the request is about."""
        if self.association_id:
            association = self.association
            return association.rna_id, association.siret, normalize(association.name)
        return self.proposed_rna_id, self.proposed_siret, normalize(self.proposed_name)

    # Duplicates

    def pending_duplicates(self):
        """Other pending requests for the same association: the same directory record, or
        the same RNA id, SIRET or name (accents and case aside). One query."""
        rna_id, siret, key = self.identifiers()
        same = Q(name_key=key) if key else Q(pk__in=[])
        if self.association_id:
            same |= Q(association_id=self.association_id)
        if rna_id:
            same |= Q(proposed_rna_id=rna_id) | Q(association__rna_id=rna_id)
        if siret:
            same |= Q(proposed_siret=siret) | Q(association__siret=siret)
        others = JoinRequest.objects.pending().filter(same).select_related("association")
        if self.pk:
            others = others.exclude(pk=self.pk)
        return list(others[:20])

    def directory_matches(self):
        """The associations of the directory with the proposed RNA id, SIRET or name (for a
        request whose association was not picked from the directory). One query."""
        if self.association_id:
            return []
        rna_id, siret, key = self.identifiers()
        same = Q(search_document__startswith=key) if key else Q(pk__in=[])
        if rna_id:
            same |= Q(rna_id=rna_id)
        if siret:
            same |= Q(siret=siret)
        candidates = Association.objects.filter(same).order_by("name")[:50]
        return [
            association for association in candidates
            if (rna_id and association.rna_id == rna_id)
            or (siret and association.siret == siret)
            or normalize(association.name) == key
        ]

    def clean(self):
        super().clean()
        if not self.association_id and not (self.proposed_name or "").strip():
            raise ValidationError(NAME_OR_ASSOCIATION)
        if self.status != JoinStatus.PENDING:
            return
        known = self.already_known()
        if known == ALREADY_MEMBER_CODE:
            raise ValidationError(ALREADY_MEMBER, code=ALREADY_MEMBER_CODE)
        if known == ALREADY_PENDING_CODE:
            raise ValidationError(ALREADY_PENDING, code=ALREADY_PENDING_CODE)

    def already_known(self):
        """Why this request is not needed, if it is not: ALREADY_MEMBER_CODE (its association
        is a member, or a member of the directory has its RNA id, SIRET or name),
        ALREADY_PENDING_CODE (a pending request for the same association), else None."""
        if self.association_id and Association.objects.members().filter(
            pk=self.association_id
        ).exists():
            return ALREADY_MEMBER_CODE
        if any(association.is_member for association in self.directory_matches()):
            return ALREADY_MEMBER_CODE
        if self.pending_duplicates():
            return ALREADY_PENDING_CODE
        return None


class JoinStepKind(models.TextChoices):
    SUBMITTED = "submitted", _("demande envoyée")
    ACKNOWLEDGED = "acknowledged", _("accusé de réception envoyé")
    COORDINATORS_NOTIFIED = "notified", _("coordination prévenue")
    ACCEPTED = "accepted", _("demande acceptée")
    ASSOCIATION_CREATED = "created", _("association ajoutée à l'annuaire")
    CHARTER_SIGNED = "signed", _("charte signée")
    INVITATION_SENT = "invited", _("invitation à l'espace membres envoyée")
    WELCOMED = "welcomed", _("courriel de bienvenue envoyé")
    DECLINED = "declined", _("demande refusée")
    DECLINE_SENT = "decline_sent", _("refus envoyé à l'association")
    ERASED = "erased", _("données personnelles effacées")


class JoinRequestStep(models.Model):
    """One step of a join request: who did what, when. Written by joining.services and its
    tasks; never changed nor deleted."""

    join_request = models.ForeignKey(
        JoinRequest, verbose_name=_("demande d'adhésion"), on_delete=models.PROTECT,
        related_name="steps", help_text=_("La demande dont c'est une étape."),
    )
    kind = models.CharField(_("étape"), max_length=20, choices=JoinStepKind.choices,
                            help_text=_("Ce qui s'est passé."))
    at = models.DateTimeField(_("le"), default=timezone.now, help_text=_("Date et heure."))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Qui l'a fait (vide : le site lui-même, ou la personne qui demande)."),
    )
    message = models.TextField(_("message"), blank=True,
                               help_text=_("Le détail de l'étape, s'il y en a un."))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("étape d'une demande d'adhésion")
        verbose_name_plural = _("étapes des demandes d'adhésion")

    def __str__(self):
        return f"{self.join_request} · {self.get_kind_display()}"


class EndReason(models.TextChoices):
    """Why an adhesion ended (joining/leaving.py)."""

    LEFT = "left", _("départ à sa demande")
    EXCLUDED = "excluded", _("exclusion par décision de l'assemblée plénière")
    DISSOLVED = "dissolved", _("dissolution de l'association")
    OTHER = "other", _("autre")


END_NEEDS_REASON = _("Une adhésion qui prend fin dit pourquoi, et une raison de fin va avec "
                     "une date de fin.")
EXCLUSION_NEEDS_DECISION = _("Une exclusion est une décision de l'assemblée plénière : "
                             "liez la décision du registre.")


class CollectiveMembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class CollectiveMembership(models.Model):
    """An association's membership of the collective (its « adhésion »), over a period: made
    when its join request is accepted, ended with a reason (joining/leaving.py: it leaves, is
    excluded by the plenary assembly, is dissolved), never deleted. Not to be confused with
    extranet.accounts.Membership, a person acting for an association."""

    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="collective_memberships",
        help_text=_("L'association membre du collectif."),
    )
    starts_on = models.DateField(_("début"), default=timezone.localdate,
                                 help_text=_("Premier jour d'adhésion au collectif."))
    ends_on = models.DateField(
        _("fin"), null=True, blank=True,
        help_text=_("Dernier jour ; vide tant que l'association reste membre."),
    )
    join_request = models.ForeignKey(
        JoinRequest, verbose_name=_("demande d'adhésion"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="collective_memberships",
        help_text=_("La demande acceptée qui a fait cette adhésion, s'il y en a une."),
    )
    created_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True)

    # How it ended (joining/leaving.py): nothing is deleted, the adhesion says why it ended.
    end_reason = models.CharField(
        _("raison de la fin"), max_length=20, choices=EndReason.choices, blank=True,
        help_text=_("Départ à sa demande, exclusion décidée par l'assemblée plénière, "
                    "dissolution, ou autre ; vide tant que l'adhésion dure."),
    )
    end_note = models.TextField(
        _("précisions sur la fin"), blank=True,
        help_text=_("Ce que l'association ou la coordination a dit de son départ, ou le "
                    "numéro de la décision d'exclusion."),
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fin enregistrée par"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("La personne qui a mis fin à l'adhésion (vide : le site lui-même, après "
                    "une décision ou une dissolution)."),
    )
    ended_at = models.DateTimeField(
        _("fin enregistrée le"), null=True, blank=True,
        help_text=_("Le moment où la fin a été enregistrée (la fin elle-même peut être "
                    "datée plus tard)."),
    )
    decision = models.ForeignKey(
        "governance.Decision", verbose_name=_("décision d'exclusion"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
        help_text=_("La décision du registre qui a exclu l'association, pour une exclusion."),
    )

    objects = CollectiveMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("adhésion au collectif")
        verbose_name_plural = _("adhésions au collectif")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="collective_membership_ends_after_it_starts",
                violation_error_message=_("La fin ne peut pas précéder le début."),
            ),
            models.UniqueConstraint(
                fields=["association"], condition=Q(ends_on__isnull=True),
                name="one_open_collective_membership_per_association",
                violation_error_message=ALREADY_MEMBER,
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True, end_reason="")
                | (Q(ends_on__isnull=False) & ~Q(end_reason="")),
                name="collective_membership_end_has_a_reason",
                violation_error_message=END_NEEDS_REASON,
            ),
            models.CheckConstraint(
                condition=~Q(end_reason="excluded") | Q(decision__isnull=False),
                name="collective_membership_exclusion_has_its_decision",
                violation_error_message=EXCLUSION_NEEDS_DECISION,
            ),
        ]

    def __str__(self):
        return f"{self.association} ({self.starts_on:%d/%m/%Y})"

    @property
    def has_ended(self):
        return self.ends_on is not None and self.ends_on < timezone.localdate()


class JoinPage(RoutablePageMixin, BasePage):
    """The public page where an association asks to join the collective."""

    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("présentation"),
        help_text=_("Ce qu'adhérer veut dire : engagements, cotisation, déroulé. Le "
                    "formulaire s'affiche dessous."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'adhésion")
        verbose_name_plural = _("pages d'adhésion")

    @path("")
    def join(self, request):
        from joining.views import join

        return join(request, self)

    @path("merci/", name="thanks")
    def thanks(self, request):
        from joining.views import thanks

        return thanks(request, self)
