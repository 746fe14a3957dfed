"""The yearly impact report of a member association: what its volunteers gave, whom it
reached, in which sectors, with which jobs and which money, in its own words.

A report covers one calendar year (`year`) of one association (one report per association and
year). Its life: a draft that the association's people fill (blanks allowed), submitted when
complete, then validated by the coordinators, or sent back with a comment, corrected and
submitted again. Only validated reports count in the public figures (extranet/impact/figures.py),
and an association's own figures and story are shown by name only where `public_consent` says
so. The moves are the methods `submit`, `validate` and `send_back`, each checking that it may
happen; the database refuses negative figures and shares above 100 %.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association, Sector
from portal.storage import private_storage

FIRST_YEAR = 2000
STORY_MAX_LENGTH = 1500
# Above this many hours a year per volunteer (about 20 hours a week), the form asks the
# association to confirm rather than refusing.
UNUSUAL_HOURS_PER_VOLUNTEER = 1000
# A figure that is more than this many times last year's (or less than its inverse) is asked
# about too.
UNUSUAL_CHANGE = 3


class Status(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    SUBMITTED = "submitted", _("soumis")
    VALIDATED = "validated", _("validé")
    RETURNED = "returned", _("renvoyé pour correction")


EDITABLE = (Status.DRAFT, Status.RETURNED)


class ImpactReportQuerySet(models.QuerySet):
    def validated(self):
        return self.filter(status=Status.VALIDATED)

    def public(self):
        """Validated reports whose association agreed to be named with its figures."""
        return self.validated().filter(public_consent=True)


def photo_path(report, filename):
    return f"impact/{report.year}/{report.association_id}/{filename}"


def percent(verbose_name, help_text):
    return models.PositiveSmallIntegerField(
        verbose_name, null=True, blank=True, help_text=help_text,
        validators=[MaxValueValidator(100)],
    )


def count(verbose_name, help_text):
    return models.PositiveIntegerField(verbose_name, null=True, blank=True, help_text=help_text)


class ImpactReport(models.Model):
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="impact_reports",
        help_text=_("L'association membre dont le rapport rend compte."),
    )
    year = models.PositiveSmallIntegerField(
        _("année"), validators=[MinValueValidator(FIRST_YEAR)],
        help_text=_("L'année civile dont le rapport rend compte (du 1er janvier au 31 "
                    "décembre)."),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=Status.choices, default=Status.DRAFT,
        help_text=_("Brouillon, soumis, validé par la coordination, ou renvoyé pour "
                    "correction."),
    )
    volunteers = count(_("bénévoles"), _(
        "Le nombre de personnes qui ont donné de leur temps à l'association pendant l'année, "
        "chacune comptée une fois."))
    staff_permanent = count(_("salarié·es en CDI"), _(
        "Personnes en contrat à durée indéterminée au 31 décembre, hors contrats aidés."))
    staff_fixed_term = count(_("salarié·es en CDD"), _(
        "Personnes en contrat à durée déterminée au 31 décembre, hors contrats aidés."))
    staff_subsidised = count(_("salarié·es en contrat aidé"), _(
        "Parcours emploi compétences, adultes-relais, postes FONJEP et autres contrats aidés "
        "au 31 décembre."))
    staff_part_time = count(_("dont à temps partiel"), _(
        "Parmi toutes ces personnes salariées, celles qui travaillent à temps partiel."))
    public_grants_share = percent(_("part des subventions publiques (%)"), _(
        "La part de vos ressources de l'année venue de subventions de fonctionnement de "
        "l'État et des collectivités, hors appels à projets."))
    calls_for_projects_share = percent(_("part des appels à projets (%)"), _(
        "La part de vos ressources de l'année venue de financements obtenus en répondant à "
        "des appels à projets (publics ou privés)."))
    story = models.TextField(
        _("récit"), blank=True, max_length=STORY_MAX_LENGTH,
        help_text=_("En quelques lignes, une action de l'année et ce qu'elle a changé pour "
                    "des personnes."),
    )
    photo = models.ImageField(
        _("photo"), upload_to=photo_path, storage=private_storage, blank=True,
        help_text=_("Facultative : une photo de l'action racontée (JPEG ou PNG)."),
    )
    photo_alt = models.CharField(
        _("description de la photo"), max_length=200, blank=True,
        help_text=_("Ce que montre la photo, pour les personnes qui ne la voient pas."),
    )
    photo_credit = models.CharField(
        _("crédit de la photo"), max_length=120, blank=True,
        help_text=_("Qui a pris la photo ; les personnes reconnaissables ont donné leur "
                    "accord."),
    )
    public_consent = models.BooleanField(
        _("publication au nom de l'association"), default=False,
        help_text=_("L'association accepte que ses chiffres et son récit soient publiés à "
                    "son nom sur l'observatoire. Sans cet accord, ils ne comptent que dans "
                    "les totaux."),
    )
    unusual_confirmed = models.BooleanField(
        _("chiffres inhabituels confirmés"), default=False,
        help_text=_("L'association a confirmé des chiffres que le formulaire trouvait "
                    "inhabituels."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("modifié par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    submitted_at = models.DateTimeField(_("soumis le"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("soumis par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    reviewed_at = models.DateTimeField(
        _("examiné le"), null=True, blank=True, editable=False,
        help_text=_("Quand la coordination l'a validé ou renvoyé."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("examiné par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    review_comment = models.TextField(
        _("commentaire de la coordination"), blank=True,
        help_text=_("Ce qu'il faut corriger (obligatoire pour renvoyer un rapport)."),
    )

    objects = ImpactReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "association__name"]
        verbose_name = _("rapport d'impact")
        verbose_name_plural = _("rapports d'impact")
        constraints = [
            models.UniqueConstraint(fields=["association", "year"],
                                    name="one_impact_report_per_association_and_year",
                                    violation_error_message=_(
                                        "Cette association a déjà un rapport pour cette "
                                        "année.")),
            models.CheckConstraint(
                condition=Q(public_grants_share__isnull=True)
                | Q(calls_for_projects_share__isnull=True)
                | Q(public_grants_share__lte=100 - F("calls_for_projects_share")),
                name="impact_shares_at_most_100",
                violation_error_message=_(
                    "Les subventions et les appels à projets ensemble ne peuvent dépasser "
                    "100 %% des ressources."),
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(review_comment=""),
                name="impact_returned_with_a_comment",
                violation_error_message=_("Un rapport renvoyé dit ce qu'il faut corriger."),
            ),
        ]
        indexes = [models.Index(fields=["year", "status"], name="impact_year_status_idx")]

    def __str__(self):
        return f"{self.association} · {self.year}"

    @property
    def editable(self):
        """The association's people may still change it (a draft, or sent back)."""
        return self.status in EDITABLE

    @property
    def staff(self):
        """Paid staff at the end of the year, or None while a figure is missing."""
        figures = (self.staff_permanent, self.staff_fixed_term, self.staff_subsidised)
        return None if None in figures else sum(figures)

    def clean(self):
        super().clean()
        if (self.photo and not self.photo_alt.strip()):
            raise ValidationError({"photo_alt": _(
                "Décrivez la photo en une phrase, pour les personnes qui ne la voient pas.")})
        staff, part_time = self.staff, self.staff_part_time
        if staff is not None and part_time is not None and part_time > staff:
            raise ValidationError({"staff_part_time": _(
                "Il ne peut y avoir plus de personnes à temps partiel (%(part)s) que de "
                "personnes salariées (%(staff)s).") % {"part": part_time, "staff": staff}})
        if self.year and self.year > timezone.localdate().year:
            raise ValidationError({"year": _("On rend compte d'une année commencée.")})

    # The totals of the activities (the lines by sector).
    def totals(self):
        """{"volunteer_hours", "people_reached"}: the sums of the activities (one query, or
        none when the activities were prefetched)."""
        activities = list(self.activities.all())
        return {
            "volunteer_hours": sum(a.volunteer_hours for a in activities),
            "people_reached": sum(a.people_reached for a in activities),
        }

    def missing(self):
        """What a submission still lacks: the labels of the empty figures, and the
        activities when there is none (one query for them, none when prefetched)."""
        fields = ["volunteers", "staff_permanent", "staff_fixed_term", "staff_subsidised",
                  "staff_part_time", "public_grants_share", "calls_for_projects_share"]
        labels = [str(self._meta.get_field(name).verbose_name) for name in fields
                  if getattr(self, name) is None]
        if not list(self.activities.all()):
            labels.append(str(_("au moins une activité")))
        return labels

    # The moves of the workflow.
    def submit(self, by):
        if not self.editable:
            raise ValidationError(_("Ce rapport n'est plus modifiable : il a été %(status)s.")
                                  % {"status": self.get_status_display()})
        missing = self.missing()
        if missing:
            raise ValidationError(_("Il manque : %(missing)s.") % {"missing": ", ".join(missing)})
        self.status, self.submitted_at, self.submitted_by = Status.SUBMITTED, timezone.now(), by
        self.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])

    def validate(self, by, comment=""):
        self._review(by, Status.VALIDATED, comment)

    def send_back(self, by, comment):
        if not comment.strip():
            raise ValidationError(_("Dites à l'association ce qu'il faut corriger."))
        self._review(by, Status.RETURNED, comment)

    def _review(self, by, status, comment):
        if self.status != Status.SUBMITTED:
            raise ValidationError(_("Seul un rapport soumis peut être validé ou renvoyé."))
        self.status, self.reviewed_at, self.reviewed_by = status, timezone.now(), by
        self.review_comment = comment.strip()
        self.save(update_fields=["status", "reviewed_at", "reviewed_by", "review_comment",
                                 "updated_at"])


class ReportActivity(models.Model):
    """What the association did in one sector during the year: volunteer hours given and
    people reached there. A report's totals are the sums of its activities."""

    report = models.ForeignKey(
        ImpactReport, verbose_name=_("rapport"), on_delete=models.CASCADE,
        related_name="activities",
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("secteur"), on_delete=models.PROTECT, related_name="+",
        help_text=_("Le domaine de l'activité, dans la nomenclature du répertoire national "
                    "des associations."),
    )
    description = models.CharField(
        _("activité"), max_length=200, blank=True,
        help_text=_("En quelques mots : ce que vous faites dans ce domaine."),
    )
    volunteer_hours = models.PositiveIntegerField(
        _("heures de bénévolat"), default=0,
        help_text=_("Les heures données par les bénévoles à cette activité sur l'année."),
    )
    people_reached = models.PositiveIntegerField(
        _("personnes touchées"), default=0,
        help_text=_("Les personnes accueillies, accompagnées ou servies par cette activité "
                    "sur l'année."),
    )

    class Meta:
        ordering = ["report", "sector__code"]
        verbose_name = _("activité")
        verbose_name_plural = _("activités")
        constraints = [
            models.UniqueConstraint(fields=["report", "sector"],
                                    name="one_activity_per_report_and_sector",
                                    violation_error_message=_(
                                        "Ce secteur est déjà dans le rapport : regroupez ses "
                                        "activités sur une ligne.")),
        ]

    def __str__(self):
        return f"{self.report} · {self.sector}"
