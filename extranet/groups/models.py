"""Working groups (commissions) of the network, their task lists and their meetings.

A group gathers people (who act for member associations) around a theme, led by one member
association. Its tasks say which association does what by when, so that "each association
takes a role, a task" is visible to everybody. Nothing here is deleted: groups are archived,
people leave (`left_on`), tasks are done or cancelled, meetings cancelled.

Meetings belong to a group, or to the whole network (no group); the governance module's
bodies will hang their own meetings on the same model (a nullable link of theirs).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.accounts.models import Membership
from extranet.groups.meeting_holders import held_elsewhere
from portal.people import person_name

# Addresses under /extranet/groupes/ that are pages, not groups (extranet/urls.py).
RESERVED_SLUGS = {"nouveau"}


class WorkingGroupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_on__isnull=True)

    def with_figures(self):
        """Each group with its lead association, `participant_count`, `open_task_count` and
        `next_meeting_at` (None without one), in one query whatever the number of groups."""

        def count(queryset):
            counted = queryset.filter(group=OuterRef("pk")).order_by().values("group")
            return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)

        next_meeting = Meeting.objects.upcoming().filter(group=OuterRef("pk"))
        return self.select_related("lead_association").annotate(
            participant_count=count(GroupMember.objects.current()),
            open_task_count=count(Task.objects.open()),
            next_meeting_at=Subquery(next_meeting.values("starts_at")[:1]),
        )


class WorkingGroup(models.Model):
    name = models.CharField(
        _("nom"), max_length=150, unique=True,
        help_text=_("Le nom de la commission, par exemple « Accès aux droits »."),
    )
    slug = models.SlugField(
        _("identifiant dans l'adresse"), max_length=160, unique=True, blank=True,
        help_text=_("Rempli d'après le nom s'il reste vide."),
    )
    description = models.TextField(
        _("mission"), blank=True,
        help_text=_("Ce que le groupe fait, pour qui, jusqu'à quand."),
    )
    lead_association = models.ForeignKey(
        Association, verbose_name=_("association pilote"), on_delete=models.PROTECT,
        related_name="led_groups",
        help_text=_("L'association membre qui anime le groupe."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    archived_on = models.DateField(
        _("archivé le"), null=True, blank=True,
        help_text=_("Un groupe qui a fini son travail est archivé : il reste lisible, on ne "
                    "le supprime pas."),
    )

    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("groupe de travail")
        verbose_name_plural = _("groupes de travail")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def free_slug(self):
        """A slug made from the name that no other group has, nor a page of the groups."""
        base = slugify(self.name)[:150] or "groupe"
        slug, number = base, 2
        others = WorkingGroup.objects.exclude(pk=self.pk)
        while slug in RESERVED_SLUGS or others.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Cette adresse est celle d'une page de "
                                             "l'extranet : choisissez-en une autre.")})

    @property
    def is_archived(self):
        return self.archived_on is not None


class GroupMemberQuerySet(models.QuerySet):
    def current(self):
        return self.filter(left_on__isnull=True)


class GroupMember(models.Model):
    """A person in a group, from `joined_on` until `left_on`."""

    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("groupe"), on_delete=models.PROTECT, related_name="members",
        help_text=_("Le groupe de travail auquel la personne participe."),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.PROTECT,
        related_name="working_groups",
        help_text=_("Une personne qui agit pour une association membre."),
    )
    joined_on = models.DateField(
        _("arrivée le"), default=timezone.localdate,
        help_text=_("Premier jour de participation."),
    )
    left_on = models.DateField(
        _("départ le"), null=True, blank=True,
        help_text=_("Vide tant que la personne participe."),
    )

    objects = GroupMemberQuerySet.as_manager()

    class Meta:
        ordering = ["group__name", "joined_on"]
        verbose_name = _("participant·e")
        verbose_name_plural = _("participant·es")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"], condition=Q(left_on__isnull=True),
                name="one_current_place_per_person_and_group",
                violation_error_message=_("Cette personne participe déjà à ce groupe."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="group_member_leaves_after_joining",
                violation_error_message=_("Le départ ne peut pas précéder l'arrivée."),
            ),
        ]

    def __str__(self):
        return f"{person_name(self.person)} · {self.group}"


class TaskStatus(models.TextChoices):
    TODO = "todo", _("à faire")
    IN_PROGRESS = "in_progress", _("en cours")
    DONE = "done", _("fait")
    CANCELLED = "cancelled", _("abandonné")


OPEN_STATUSES = [TaskStatus.TODO, TaskStatus.IN_PROGRESS]


class TaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Task(models.Model):
    """One thing a group has to do, the association that takes it on, and by when."""

    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("groupe"), on_delete=models.PROTECT, related_name="tasks",
        help_text=_("Le groupe de travail dont la tâche fait partie."),
    )
    title = models.CharField(
        _("tâche"), max_length=200, help_text=_("Ce qu'il faut faire, en une phrase."),
    )
    description = models.TextField(
        _("précisions"), blank=True,
        help_text=_("Ce qu'il faut savoir pour s'en charger : contexte, liens, contacts."),
    )
    responsible_association = models.ForeignKey(
        Association, verbose_name=_("association responsable"), on_delete=models.PROTECT,
        related_name="network_tasks",
        help_text=_("L'association membre qui prend la tâche en charge."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne en charge"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="assigned_tasks",
        help_text=_("Facultatif : la personne de cette association qui s'en occupe."),
    )
    due_on = models.DateField(
        _("échéance"), null=True, blank=True,
        help_text=_("Le jour où la tâche doit être faite ; vide s'il n'y en a pas."),
    )
    status = models.CharField(
        _("état"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.TODO,
        help_text=_("Une tâche qui ne se fera pas est abandonnée, jamais supprimée."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("créée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = [F("due_on").asc(nulls_last=True), "pk"]
        verbose_name = _("tâche")
        verbose_name_plural = _("tâches")
        indexes = [models.Index(fields=["responsible_association", "status"])]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_late(self):
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

    def clean(self):
        """The responsible association is a member association, and the person in charge acts
        for it today. Checked when they change, so that an old task keeps moving after its
        association or its person has left the network."""
        super().clean()
        if not self.responsible_association_id:
            return
        stored = Task.objects.filter(pk=self.pk).values(
            "responsible_association_id", "assignee_id"
        ).first() if self.pk else None
        association_changed = (
            stored is None
            or stored["responsible_association_id"] != self.responsible_association_id
        )
        errors = {}
        if association_changed and not self.responsible_association.is_member:
            errors["responsible_association"] = _(
                "Seule une association membre du collectif prend une tâche en charge."
            )
        if self.assignee_id and (
            association_changed or stored["assignee_id"] != self.assignee_id
        ) and not Membership.objects.current().filter(
            person_id=self.assignee_id, association_id=self.responsible_association_id
        ).exists():
            errors["assignee"] = _(
                "Cette personne n'agit pas pour l'association responsable : choisissez "
                "quelqu'un de %(association)s, ou personne."
            ) % {"association": self.responsible_association}
        if errors:
            raise ValidationError(errors)


class MeetingQuerySet(models.QuerySet):
    def of_groups(self):
        """The meetings the groups' pages show and change: not those another part of the
        extranet holds (a body's meeting, extranet.groups.meeting_holders)."""
        return self.exclude(held_elsewhere())

    def upcoming(self, now=None):
        """Not cancelled, not over yet, soonest first."""
        now = now or timezone.now()
        return self.filter(cancelled_at__isnull=True).filter(
            Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now)
        ).order_by("starts_at", "pk")

    def past(self, now=None):
        """Not cancelled and over, the latest first."""
        now = now or timezone.now()
        return self.filter(cancelled_at__isnull=True).filter(
            Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now)
        ).order_by("-starts_at", "-pk")


class Meeting(models.Model):
    """A meeting of a working group, or of the whole network when it has no group."""

    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("groupe"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("Vide pour une réunion de tout le réseau."),
    )
    title = models.CharField(_("titre"), max_length=200)
    starts_at = models.DateTimeField(_("début"), help_text=_("Heure de Paris."))
    ends_at = models.DateTimeField(
        _("fin"), null=True, blank=True, help_text=_("Heure de Paris ; facultative."),
    )
    place = models.CharField(
        _("lieu"), max_length=255, blank=True,
        help_text=_("Adresse, ou « en visioconférence »."),
    )
    online_url = models.URLField(
        _("lien de visioconférence"), blank=True,
        help_text=_("Montré aux membres seulement."),
    )
    agenda = models.TextField(
        _("ordre du jour"), blank=True, help_text=_("Les points abordés, un par ligne."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("créée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("La fin ne peut pas précéder le début."),
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("La fin ne peut pas précéder le début.")})
