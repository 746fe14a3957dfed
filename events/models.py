"""Thematic events: themes, venues, the events index and event pages, their occurrences
(recurring meetings), and the registrations of the public.

Times are stored in UTC and typed and shown in Paris time (TIME_ZONE). A recurring event
(weekly, or monthly on the same weekday: "the second Tuesday") keeps its local hour across
daylight saving changes: its occurrences are computed in Paris time and stored, one row each
(`Occurrence`), whenever the page is saved, so that lists, filters and feeds read them from
the database. A non-recurring event has exactly one occurrence.

Registrations are never deleted: they are cancelled (and a waiting registration promoted in
their place, see events.registrations). Erasing somebody's data (`erase_personal_data`)
empties what identifies them but keeps the row, its state and its places, so the counts stay
right.
"""

import datetime
import uuid

from dateutil import rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Max, Min, Prefetch, Q
from django.db.models.functions import Lower
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from directory.models import Association, Commune, DirectoryPage
from directory.validators import validate_position
from portal.blocks import BaseStreamBlock, DocumentLinkBlock, localize_links
from portal.models import BasePage

MAX_OCCURRENCES = 260  # five years of weekly meetings
MAX_RECURRENCE_YEARS = 3
# Addresses under the events page that are not events' pages.
RESERVED_SLUGS = {"archives", "theme"}
CALENDAR_MAX_AGE = 300  # seconds browsers and calendar apps may keep a calendar


def local_zone():
    return timezone.get_default_timezone()


class Theme(models.Model):
    """A theme of the network's meetings ("Emploi associatif", "Accès aux droits")."""

    name = models.CharField(
        _("nom"), max_length=80, unique=True,
        help_text=_("Par exemple « Emploi associatif » ou « Accès aux droits »."),
    )
    name_en = models.CharField(
        _("nom en anglais"), max_length=80, blank=True,
        help_text=_("Affiché aux lecteurs de la version anglaise."),
    )
    slug = models.SlugField(
        _("identifiant dans l'adresse"), max_length=90, unique=True,
        help_text=_("Utilisé dans l'adresse du filtre et du calendrier du thème."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class Venue(models.Model):
    """A place where the network meets, with what a visitor needs to get in."""

    name = models.CharField(
        _("nom"), max_length=160, help_text=_("Par exemple « Maison des associations »."),
    )
    street_address = models.CharField(
        _("adresse"), max_length=255, blank=True,
        help_text=_("Numéro et voie, par exemple « 12 rue de la Gare »."),
    )
    postcode = models.CharField(_("code postal"), max_length=5, blank=True,
                                help_text=_("Cinq chiffres."))
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="venues",
        help_text=_("Le filtre par commune de l'agenda s'en sert."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, null=True, blank=True,
        help_text=_("Pour la carte, par exemple 48.879."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        help_text=_("Par exemple 2.591."),
    )
    capacity = models.PositiveIntegerField(
        _("capacité"), null=True, blank=True,
        help_text=_("Nombre de personnes que la salle accueille ; la jauge d'un événement "
                    "ne peut pas la dépasser."),
    )
    wheelchair_accessible = models.BooleanField(
        _("accessible en fauteuil roulant"), default=False,
        help_text=_("Entrée, salle et toilettes accessibles aux personnes à mobilité réduite."),
    )
    hearing_loop = models.BooleanField(
        _("boucle magnétique"), default=False,
        help_text=_("Une boucle à induction pour les personnes appareillées."),
    )
    access_notes = models.TextField(
        _("accès"), blank=True,
        help_text=_("Transports, stationnement, étage, code de la porte…"),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([
            FieldPanel("street_address"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")]),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        ], heading=_("Adresse")),
        FieldPanel("capacity"),
        MultiFieldPanel([
            FieldPanel("wheelchair_accessible"), FieldPanel("hearing_loop"),
            FieldPanel("access_notes"),
        ], heading=_("Accessibilité et accès")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")

    def __str__(self):
        return f"{self.name} ({self.commune.name})" if self.commune_id else self.name

    def clean(self):
        super().clean()
        validate_position(self.latitude, self.longitude)

    @property
    def address_lines(self):
        town = " ".join(part for part in [self.postcode, self.commune.name if self.commune
                                           else ""] if part)
        return [line for line in [self.name, self.street_address, town] if line]

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None


def calendar_url(page, request, name, **kwargs):
    """The address of a calendar route of `page`: `…/calendrier.ics`, without the slash that
    Wagtail's routes end with (home/urls.py sends these addresses to Wagtail)."""
    base = page.get_url(request)
    if base is None:
        return None
    return base + page.reverse_subpage(name, kwargs=kwargs).removesuffix("/")


def ics_response(body, filename, disposition="inline"):
    """An iCalendar response: `inline` for a feed one subscribes to, `attachment` for a file
    to add to one's calendar."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=CALENDAR_MAX_AGE)
    return response


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
        return self.listing(request, past=False)

    @path("archives/", name="archive")
    def archive(self, request):
        return self.listing(request, past=True)

    def listing(self, request, past):
        from events.filters import EventFilterForm

        now = timezone.now()
        events = self.events()
        form = EventFilterForm(request.GET, events=events, now=now, past=past)
        results = with_listing_relations(form.filter(events, now, past=past))
        paginator = Paginator(results, self.EVENTS_PER_PAGE)
        try:
            page_of_results = paginator.page(form.cleaned_data.get("page") or 1)
        except EmptyPage:
            page_of_results = paginator.page(paginator.num_pages)
        query = form.query()
        theme = form.cleaned_data.get("theme")
        return self.render(
            request,
            context_overrides={
                "form": form,
                "past": past,
                "results": page_of_results,
                "paginator": paginator,
                "query_string": urlencode(query),
                "filtered": bool(query),
                "selected_theme": form.selected_theme(),
                "canonical_url": (self.get_full_url(request) or "") + (
                    self.reverse_subpage("archive") if past else ""
                ),
                "calendar_url": calendar_url(self, request, "calendar"),
                "theme_calendar_url": (
                    calendar_url(self, request, "theme_calendar", slug=theme) if theme else None
                ),
            },
        )

    @path("calendrier.ics/", name="calendar")
    def calendar(self, request):
        """Every event to come, as an iCalendar feed to subscribe to."""
        from events.calendars import feed_ics

        events = self.events().upcoming()
        return ics_response(feed_ics(events, request, self.title), "agenda.ics")

    @path("theme/<slug:slug>/calendrier.ics/", name="theme_calendar")
    def theme_calendar(self, request, slug):
        from events.calendars import feed_ics

        theme = get_object_or_404(Theme, slug=slug)
        events = self.events().upcoming().filter(theme=theme)
        name = f"{self.title} · {theme.display_name}"
        return ics_response(feed_ics(events, request, name), f"agenda-{theme.slug}.ics")


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None, starts_from=None, starts_before=None):
        """The events with an occurrence still to come (ending after `now`, and starting in
        [starts_from, starts_before) when given), soonest first, each annotated with that
        occurrence: `next_start` and `next_end`."""
        now = now or timezone.now()
        condition = Q(occurrences__ends_at__gt=now) & month_condition(starts_from, starts_before)
        return (
            self.annotate(next_start=Min("occurrences__starts_at", filter=condition),
                          next_end=Min("occurrences__ends_at", filter=condition))
            .filter(next_start__isnull=False)
            .order_by("next_start", "pk")
        )

    def past(self, now=None, starts_from=None, starts_before=None):
        """The events with no occurrence to come, the most recent first, annotated with
        their last occurrence (in [starts_from, starts_before) when given): `last_start` and
        `last_end`."""
        now = now or timezone.now()
        condition = month_condition(starts_from, starts_before)
        return (
            self.exclude(occurrences__ends_at__gt=now)
            .annotate(last_start=Max("occurrences__starts_at", filter=condition),
                      last_end=Max("occurrences__ends_at", filter=condition))
            .filter(last_start__isnull=False)
            .order_by("-last_start", "-pk")
        )


def month_condition(starts_from, starts_before):
    condition = Q()
    if starts_from is not None:
        condition &= Q(occurrences__starts_at__gte=starts_from)
    if starts_before is not None:
        condition &= Q(occurrences__starts_at__lt=starts_before)
    return condition


def with_listing_relations(events):
    """What a list of events shows beside each: theme, place, organisers (a fixed number of
    queries, whatever the number of events)."""
    return events.select_related("theme", "venue__commune").prefetch_related(
        Prefetch("organisers",
                 queryset=EventOrganiser.objects.select_related("association")),
    )


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


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


class Recurrence(models.TextChoices):
    NONE = "", _("une seule fois")
    WEEKLY = "weekly", _("chaque semaine, le même jour")
    MONTHLY = "monthly", _("chaque mois, le même jour de la semaine (par exemple le 2e mardi)")


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

    # Occurrences

    def occurrence_times(self):
        """(start, end) of every occurrence, in UTC: the rule applied in Paris time."""
        if not self.starts_at or not self.ends_at:
            return []
        if not self.recurrence or not self.recurrence_until:
            return [(self.starts_at, self.ends_at)]
        zone = local_zone()
        local_start = timezone.localtime(self.starts_at, zone).replace(tzinfo=None)
        duration = self.ends_at - self.starts_at
        until = datetime.datetime.combine(self.recurrence_until, datetime.time.max)
        if self.recurrence == Recurrence.WEEKLY:
            rule = rrule.rrule(rrule.WEEKLY, dtstart=local_start, until=until,
                               count=None)
        else:
            rule = rrule.rrule(rrule.MONTHLY, dtstart=local_start, until=until,
                               byweekday=self.monthly_weekday())
        times = []
        for local in rule:
            start = timezone.make_aware(local, zone)
            times.append((start, start + duration))
            if len(times) >= MAX_OCCURRENCES:
                break
        return times

    def monthly_weekday(self):
        """The first start's weekday and its rank in the month: "the 2nd Tuesday" (the last
        one of the month when it is the fifth)."""
        local = timezone.localtime(self.starts_at, local_zone())
        rank = (local.day - 1) // 7 + 1
        return rrule.weekdays[local.weekday()](-1 if rank == 5 else rank)

    def rrule_value(self):
        """The recurrence as the RRULE of RFC 5545 (icalendar's vRecur value), or None."""
        if not self.recurrence or not self.recurrence_until:
            return None
        until = timezone.make_aware(
            datetime.datetime.combine(self.recurrence_until, datetime.time(23, 59, 59)),
            local_zone(),
        ).astimezone(datetime.UTC)
        if self.recurrence == Recurrence.WEEKLY:
            return {"FREQ": "WEEKLY", "UNTIL": until}
        weekday = self.monthly_weekday()
        code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][weekday.weekday]
        return {"FREQ": "MONTHLY", "BYDAY": f"{weekday.n}{code}", "UNTIL": until}

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
        from events.calendars import event_ics

        return ics_response(event_ics(self, request), f"{self.slug}.ics", "attachment")

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
            "ics_url": calendar_url(self, request, "ics"),
        })
        return context


class EventSpeaker(Orderable):
    page = ParentalKey(
        EventPage, verbose_name=_("événement"), on_delete=models.CASCADE,
        related_name="speakers", help_text=_("L'événement où la personne intervient."),
    )
    name = models.CharField(_("nom"), max_length=120,
                            help_text=_("Prénom et nom, tels qu'ils seront affichés."))
    description = models.CharField(
        _("présentation"), max_length=255, blank=True,
        help_text=_("Une ligne : « Juriste, France Bénévolat »."),
    )

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("intervenant·e")
        verbose_name_plural = _("intervenant·es")

    def __str__(self):
        return self.name


class EventOrganiser(Orderable):
    """An association of the directory that organises the event."""

    page = ParentalKey(
        EventPage, verbose_name=_("événement"), on_delete=models.CASCADE,
        related_name="organisers", help_text=_("L'événement que l'association organise."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="organised_events",
        help_text=_("Choisie dans l'annuaire ; l'événement paraît sur sa fiche."),
    )

    panels = [FieldPanel("association")]

    class Meta(Orderable.Meta):
        verbose_name = _("association organisatrice")
        verbose_name_plural = _("associations organisatrices")
        constraints = [
            models.UniqueConstraint(fields=["page", "association"],
                                    name="one_organiser_line_per_association"),
        ]

    def __str__(self):
        return str(self.association)


class Occurrence(models.Model):
    """One date of an event (computed from the page: never edited by hand)."""

    event = models.ForeignKey(EventPage, verbose_name=_("événement"), on_delete=models.CASCADE,
                              related_name="occurrences", editable=False)
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
        EventPage, verbose_name=_("événement"), on_delete=models.PROTECT,
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
