"""The events' pages: the events index (lists, archive, calendars) and an event's page.

Their routes hand off to events/page_views.py."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from directory.models import DirectoryPage
from events import page_views
from events.models.querysets import EventPageManager, with_listing_relations
from events.models.records import Occurrence
from events.models.recurrence import (
    MAX_RECURRENCE_YEARS,
    Recurrence,
    monthly_weekday_of,
    rrule_of,
    times_of,
)
from events.models.snippets import Theme, Venue
from portal.blocks import BaseStreamBlock, DocumentLinkBlock, localize_links
from portal.models import BasePage

# Addresses under the events page that are not events' pages.
RESERVED_SLUGS = {"archives", "theme"}


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events: those to come first, the archive of past ones, filters, calendars.

    Addresses (under the page's own): `?theme=<slug>&commune=<INSEE code>&mois=YYYY-MM&page=N`
    for the events to come, `archives/` (same filters) for the past ones, `calendrier.ics`
    for the calendar of every event to come and `theme/<slug>/calendrier.ics` for a theme's.
    """

    EVENTS_PER_PAGE = 12

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    subpage_types = ["events.EventPage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("page des événements")
        verbose_name_plural = _("pages des événements")

    def events(self):
        """The live public events of this page (its children), whatever their dates."""
        return EventPage.objects.child_of(self).live().public()

    @path("")
    def upcoming(self, request):
        return page_views.listing(self, request, past=False)

    @path("archives/", name="archive")
    def archive(self, request):
        return page_views.listing(self, request, past=True)

    @path("calendrier.ics/", name="calendar")
    def calendar(self, request):
        """Every event to come, as an iCalendar feed to subscribe to."""
        return page_views.calendar(self, request)

    @path("theme/<slug:slug>/calendrier.ics/", name="theme_calendar")
    def theme_calendar(self, request, slug):
        return page_views.theme_calendar(self, request, slug)


def next_events(locale, count=3, now=None):
    """The next `count` live public events in `locale` (any events page), soonest first,
    each with `next_start` and `next_end`: four queries, for the home page."""
    return list(with_listing_relations(
        EventPage.objects.live().public().filter(locale=locale).upcoming(now)
    )[:count])


def events_page(locale):
    """The live events page in `locale`, else in any language, or None (one query)."""
    pages = list(EventIndexPage.objects.live().public().order_by("pk"))
    same_language = [page for page in pages if page.locale_id == locale.pk]
    return (same_language or pages or [None])[0]


class EventPage(RoutablePageMixin, BasePage):
    """An event of the network, once or recurring; its page, and its calendar at
    `calendrier.ics` under the page's address."""

    NEXT_DATES = 5  # dates of a recurring meeting shown on its page

    theme = models.ForeignKey(
        Theme, verbose_name=_("thème"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Sert au filtre de l'agenda et au calendrier du thème."),
    )
    starts_at = models.DateTimeField(_("début"), help_text=_("Heure de Paris."))
    ends_at = models.DateTimeField(_("fin"), help_text=_("Heure de Paris."))
    recurrence = models.CharField(
        _("répétition"), max_length=10, choices=Recurrence.choices, blank=True,
        default=Recurrence.NONE,
        help_text=_("Pour une réunion régulière : elle garde son heure de Paris, été comme "
                    "hiver. Pas d'inscription en ligne pour une réunion qui se répète."),
    )
    recurrence_until = models.DateField(
        _("jusqu'au"), null=True, blank=True,
        help_text=_("Dernier jour possible de la répétition (trois ans au plus)."),
    )
    venue = models.ForeignKey(
        Venue, verbose_name=_("lieu"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="events", help_text=_("Vide pour une rencontre en ligne."),
    )
    online_url = models.URLField(
        _("lien de la rencontre en ligne"), blank=True,
        help_text=_("Montré sur la page : ne mettez ici qu'un lien public."),
    )
    programme = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("programme"),
        help_text=_("Le déroulé, les thèmes abordés, les horaires."),
    )
    accessibility_notes = models.TextField(
        _("accessibilité de l'événement"), blank=True,
        help_text=_("Interprétation en langue des signes, sous-titrage, documents en gros "
                    "caractères… (l'accès du lieu est décrit avec le lieu)."),
    )
    is_free = models.BooleanField(
        _("gratuit"), default=True, help_text=_("Décochez pour indiquer un tarif."),
    )
    price = models.CharField(
        _("tarif"), max_length=200, blank=True,
        help_text=_("Si ce n'est pas gratuit : « 5 € pour les adhérents, 10 € sinon »."),
    )
    registration_enabled = models.BooleanField(
        _("inscription en ligne"), default=False,
        help_text=_("Les visiteurs s'inscrivent sur la page ; vous voyez et exportez les "
                    "inscriptions dans l'administration."),
    )
    capacity = models.PositiveIntegerField(
        _("jauge"), null=True, blank=True,
        help_text=_("Nombre de places ; au-delà, liste d'attente. Vide : sans limite (ou la "
                    "capacité du lieu)."),
    )
    registration_deadline = models.DateTimeField(
        _("clôture des inscriptions"), null=True, blank=True,
        help_text=_("Vide : les inscriptions ferment au début de l'événement."),
    )
    max_places_per_registration = models.PositiveSmallIntegerField(
        _("places par inscription"), default=4,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Nombre de places qu'une personne peut réserver à la fois."),
    )
    summary_documents = StreamField(
        [("document", DocumentLinkBlock())], blank=True,
        verbose_name=_("après l'événement"),
        help_text=_("Compte rendu, diaporamas… à télécharger une fois l'événement passé."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("theme"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldRowPanel([FieldPanel("recurrence"), FieldPanel("recurrence_until")]),
        ], heading=_("Date et heure")),
        MultiFieldPanel([
            FieldPanel("venue"), FieldPanel("online_url"), FieldPanel("accessibility_notes"),
        ], heading=_("Lieu et accessibilité")),
        FieldPanel("programme"),
        InlinePanel("speakers", label=_("Intervenant·es")),
        InlinePanel("organisers", label=_("Associations organisatrices")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
            FieldPanel("registration_enabled"),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_places_per_registration")]),
            FieldPanel("registration_deadline"),
        ], heading=_("Tarif et inscription")),
        FieldPanel("summary_documents"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("programme")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    objects = EventPageManager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Cette adresse est réservée à l'agenda : choisissez-en une autre.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("La fin ne peut pas précéder le début.")
        if self.recurrence:
            if not self.recurrence_until:
                errors["recurrence_until"] = _("Indiquez jusqu'à quand la réunion se répète.")
            elif self.starts_at and self.recurrence_until < timezone.localtime(
                self.starts_at
            ).date():
                errors["recurrence_until"] = _("La répétition ne peut pas finir avant le début.")
            elif self.starts_at and self.recurrence_until > timezone.localtime(
                self.starts_at
            ).date() + datetime.timedelta(days=366 * MAX_RECURRENCE_YEARS):
                errors["recurrence_until"] = _("Trois ans au plus : créez un nouvel "
                                               "événement ensuite.")
            if self.registration_enabled:
                errors["registration_enabled"] = _(
                    "Pas d'inscription en ligne pour une réunion qui se répète."
                )
        if self.registration_deadline and self.starts_at and (
            self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _("La clôture doit précéder le début.")
        if self.capacity and self.venue_id and self.venue.capacity and (
            self.capacity > self.venue.capacity
        ):
            errors["capacity"] = _("Le lieu n'accueille que %(count)s personnes.") % {
                "count": self.venue.capacity
            }
        if not self.is_free and not self.price:
            errors["price"] = _("Indiquez le tarif, ou cochez « gratuit ».")
        if errors:
            raise ValidationError(errors)

    # Occurrences (their rules: events/models/recurrence.py)

    def occurrence_times(self):
        """(start, end) of every occurrence, in UTC: the rule applied in Paris time."""
        return times_of(self)

    def monthly_weekday(self):
        """The first start's weekday and its rank in the month: "the 2nd Tuesday"."""
        return monthly_weekday_of(self.starts_at)

    def rrule_value(self):
        """The recurrence as the RRULE of RFC 5545 (icalendar's vRecur value), or None."""
        return rrule_of(self)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.refresh_occurrences()

    def refresh_occurrences(self):
        times = self.occurrence_times()
        current = list(self.occurrences.order_by("starts_at").values_list("starts_at",
                                                                            "ends_at"))
        if current == times:
            return
        self.occurrences.all().delete()
        Occurrence.objects.bulk_create(
            Occurrence(event=self, starts_at=start, ends_at=end) for start, end in times
        )

    # Registration

    @property
    def seats(self):
        """The number of places (the event's, else the venue's), or None: no limit."""
        if self.capacity:
            return self.capacity
        return self.venue.capacity if self.venue_id and self.venue else None

    @property
    def closes_at(self):
        return self.registration_deadline or self.starts_at

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        return self.registration_enabled and not self.recurrence and now < self.closes_at

    @property
    def organiser_associations(self):
        return [organiser.association for organiser in self.organisers.all()]

    # The page

    @path("calendrier.ics/", name="ics")
    def ics(self, request):
        """The event as an iCalendar file, to add to one's calendar."""
        return page_views.event_calendar(self, request)

    def dates(self, now=None):
        """(upcoming, last): the next occurrences, (start, end) pairs (NEXT_DATES + 1 at most,
        to tell whether there are more), and the last occurrence. Computed from the page
        rather than read from `Occurrence`, so that a preview shows what it will be."""
        now = now or timezone.now()
        times = self.occurrence_times()
        upcoming = [(start, end) for start, end in times if end > now][: self.NEXT_DATES + 1]
        return upcoming, (times[-1] if times else None)

    def organiser_links(self, request):
        """(association, URL of its page in the public directory or None), in order. Two
        queries, whatever the number of organisers."""
        associations = [organiser.association
                        for organiser in self.organisers.all().select_related("association")]
        return DirectoryPage.links(associations, self.locale_id, request)

    def map_data(self):
        """What the venue's map shows (None when the venue has no position)."""
        venue = self.venue if self.venue_id else None
        if venue is None or not venue.has_position:
            return None
        return {
            "latitude": f"{venue.latitude:.6f}",
            "longitude": f"{venue.longitude:.6f}",
            "name": venue.name,
            "address": ", ".join(venue.address_lines[1:]),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.programme:
            localize_links(self.programme)
        now = timezone.now()
        upcoming, last = self.dates(now)
        context.update({
            "upcoming_dates": upcoming[: self.NEXT_DATES],
            "more_dates": len(upcoming) > self.NEXT_DATES,
            "last_date": last,
            "is_over": bool(last) and not upcoming,
            "organisers": self.organiser_links(request),
            "venue_map": self.map_data(),
            "map_tiles": settings.DIRECTORY_MAP_TILES,
            "ics_url": page_views.calendar_url(self, request, "ics"),
        })
        return context
