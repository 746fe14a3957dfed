"""The meetings of a body: a working groups' `Meeting` (its date in Paris time, place or video
link, cancellation) that a body convenes, with its agenda items, each association's attendance
(which gives the quorum) and its minutes, approved at the next meeting."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.governance.models.bodies import Body
from extranet.groups.models import Meeting
from portal.storage import private_storage


class BodyMeeting(models.Model):
    """A meeting of a body (the date, place and cancellation are the `meeting`'s)."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("réunion"), on_delete=models.PROTECT,
        related_name="body_meeting", help_text=_("La date, le lieu et le lien de la réunion."),
    )
    body = models.ForeignKey(
        Body, verbose_name=_("instance"), on_delete=models.PROTECT, related_name="meetings",
        help_text=_("L'instance qui se réunit."),
    )
    sequence = models.PositiveIntegerField(
        _("version de la convocation"), default=0, editable=False,
        help_text=_("Augmente à chaque déplacement ou annulation : les agendas des "
                    "associations remplacent alors l'ancienne invitation."),
    )
    convened_at = models.DateTimeField(
        _("convoquée le"), null=True, blank=True, editable=False,
        help_text=_("Quand la convocation est partie vers les associations."),
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("secrétaire de séance"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Qui tient la feuille de présence, note les votes et écrit le compte rendu."),
    )
    minutes = models.TextField(
        _("compte rendu"), blank=True,
        help_text=_("Ce qui a été dit et décidé ; approuvé à la réunion suivante."),
    )
    minutes_written_at = models.DateTimeField(_("compte rendu écrit le"), null=True,
                                              blank=True, editable=False)
    minutes_approved_at = models.ForeignKey(
        "self", verbose_name=_("compte rendu approuvé à"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="approved_minutes",
        help_text=_("La réunion suivante, qui a approuvé ce compte rendu."),
    )
    library_documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("documents de la bibliothèque"), blank=True,
        related_name="body_meetings",
        help_text=_("Des documents de la bibliothèque utiles à la réunion : chaque personne "
                    "ne voit que ceux des dossiers qu'elle lit."),
    )

    class Meta:
        ordering = ["meeting__starts_at", "pk"]
        verbose_name = _("réunion d'instance")
        verbose_name_plural = _("réunions d'instance")

    def __str__(self):
        return f"{self.body} · {self.meeting}"

    @property
    def has_started(self):
        return self.meeting.starts_at <= timezone.now()

    @property
    def minutes_are_approved(self):
        return self.minutes_approved_at_id is not None

    def clean(self):
        super().clean()
        if self.minutes_approved_at_id and (
            self.minutes_approved_at.body_id != self.body_id
            or self.minutes_approved_at.meeting.starts_at <= self.meeting.starts_at
        ):
            raise ValidationError({"minutes_approved_at": _(
                "Un compte rendu s'approuve à une réunion suivante de la même instance."
            )})


class AgendaItem(models.Model):
    """One point of a meeting's agenda, in order; it may bring a proposal to the vote."""

    body_meeting = models.ForeignKey(
        BodyMeeting, verbose_name=_("réunion"), on_delete=models.PROTECT,
        related_name="agenda_items", help_text=_("La réunion dont c'est un point."),
    )
    position = models.PositiveSmallIntegerField(_("rang"), help_text=_("1, 2, 3…"))
    title = models.CharField(_("point"), max_length=200,
                             help_text=_("Le point de l'ordre du jour, en une ligne."))
    proposal = models.ForeignKey(
        "governance.Proposal", verbose_name=_("proposition"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="agenda_items",
        help_text=_("La proposition mise au vote à ce point, s'il y en a une."),
    )

    class Meta:
        ordering = ["body_meeting", "position"]
        verbose_name = _("point de l'ordre du jour")
        verbose_name_plural = _("ordre du jour")
        constraints = [models.UniqueConstraint(fields=["body_meeting", "position"],
                                               name="one_agenda_item_per_rank")]

    def __str__(self):
        return f"{self.position}. {self.title}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("présente")
    REPRESENTED = "represented", _("représentée par procuration")
    EXCUSED = "excused", _("excusée")
    ABSENT = "absent", _("absente")


# Who counts for the quorum.
COUNTED = [AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED]


class Attendance(models.Model):
    """How an association took part in a meeting: one line per association."""

    body_meeting = models.ForeignKey(
        BodyMeeting, verbose_name=_("réunion"), on_delete=models.PROTECT,
        related_name="attendances", help_text=_("La réunion."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="+", help_text=_("Une association de l'instance."),
    )
    status = models.CharField(_("présence"), max_length=20, choices=AttendanceStatus.choices,
                              help_text=_("Présente, représentée, excusée ou absente."))
    represented_by = models.ForeignKey(
        Association, verbose_name=_("représentée par"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
        help_text=_("L'association qui porte sa procuration, si elle est représentée."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("noté par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    recorded_at = models.DateTimeField(_("noté le"), auto_now=True)

    class Meta:
        ordering = ["body_meeting", "association__name"]
        verbose_name = _("présence")
        verbose_name_plural = _("feuille de présence")
        constraints = [
            models.UniqueConstraint(fields=["body_meeting", "association"],
                                    name="one_attendance_per_association_and_meeting"),
            models.CheckConstraint(
                condition=Q(status="represented", represented_by__isnull=False)
                | (~Q(status="represented") & Q(represented_by__isnull=True)),
                name="represented_means_a_proxy_holder",
                violation_error_message=_("Une association représentée l'est par une autre, "
                                          "et seulement dans ce cas."),
            ),
        ]

    def __str__(self):
        return f"{self.association} · {self.get_status_display()}"


def document_path(instance, filename):
    """A name nobody can guess; the original name is kept in `filename`."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"meeting-documents/{uuid.uuid4().hex}.{extension}"


class MeetingDocument(models.Model):
    """A document sent with the convocation (checked by portal.uploads), kept outside
    MEDIA_ROOT and served to members only."""

    body_meeting = models.ForeignKey(
        BodyMeeting, verbose_name=_("réunion"), on_delete=models.PROTECT,
        related_name="documents", editable=False,
    )
    file = models.FileField(
        _("fichier"), upload_to=document_path, storage=private_storage, max_length=255,
        editable=False,
    )
    filename = models.CharField(_("nom du fichier"), max_length=255, editable=False)
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("taille (octets)"), editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ajouté par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    uploaded_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        ordering = ["body_meeting", "pk"]
        verbose_name = _("document de séance")
        verbose_name_plural = _("documents de séance")

    def __str__(self):
        return self.filename
