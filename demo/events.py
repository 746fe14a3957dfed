"""The demo's events (`seed_demo`): the events page in French and English, its themes and
venues, four events to come (one of them monthly, on the second Tuesday) and two past ones,
a few people registered to those that take registrations.
Their text is in data/events.toml; idempotent (what exists is left as it is)."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from demo import content
from demo.campaigns import demo_email
from demo.streamfield import stream
from directory.models import Association, Commune
from events.models import (
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventSpeaker,
    Recurrence,
    Registration,
    Theme,
    Venue,
)


def next_second_tuesday(today):
    """The second Tuesday of this month if it is still to come, else of the next month."""
    day = today.replace(day=1)
    while True:
        first_tuesday = day + datetime.timedelta(days=(1 - day.weekday()) % 7)
        second = first_tuesday + datetime.timedelta(days=7)
        if second >= today:
            return second
        day = (day + datetime.timedelta(days=32)).replace(day=1)


def seed(command, home):
    """The events page, its themes and venues, four events to come and two past ones."""
    page = command.section_page(home, EventIndexPage, content.EVENTS_PAGE["fr"])
    themes = {}
    for name, name_en, slug in content.EVENT_THEMES:
        themes[slug], created = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en})
        command.created += created
    venues = {}
    for data in content.EVENT_VENUES:
        venue = Venue.objects.filter(name=data["name"]).first()
        if venue is None:
            latitude, longitude = (Decimal(str(value)) for value in data["position"])
            fields = {key: value for key, value in data.items()
                      if key not in ("commune", "position")}
            venue = Venue.objects.create(
                **fields, commune=Commune.objects.get(code=data["commune"]),
                latitude=latitude, longitude=longitude,
            )
            command.created += 1
        venues[venue.name] = venue
    for data in content.EVENTS:
        if not page.get_children().filter(slug=data["slug"]).exists():
            event_page(command, page, data, themes, venues)
    register_people(command, page)
    return page


# Who registered to the events that take registrations (demo addresses: example.org).
REGISTRANTS = [
    ("Nadia Benali", "Entraide et partage chellois", 2, ""),
    ("Julien Morel", "Les Jardins partagés de Vaires", 1, "Repas végétarien."),
    ("Awa Diallo", "Accueil des exilés en Brie", 1, ""),
    ("Marc Lefèvre", "", 1, "Accès en fauteuil roulant."),
]


def register_people(command, page):
    """A few registrations to each event to come that takes them, when it has none."""
    events = EventPage.objects.child_of(page).live().filter(
        registration_enabled=True, starts_at__gt=timezone.now())
    for event in events:
        if event.registrations.exists():
            continue
        for name, association, places, needs in REGISTRANTS:
            Registration.objects.create(
                event=event, name=name, email=demo_email(*name.split(" ", 1)),
                association_name=association, places=places, needs=needs)
            command.created += 1


def event_page(command, parent, data, themes, venues):
    today = timezone.localdate()
    if data.get("monthly_second_tuesday"):
        day = next_second_tuesday(today)
        until = day + datetime.timedelta(days=31 * data["months"])
    else:
        day, until = today + datetime.timedelta(days=data["days"]), None
    zone = timezone.get_default_timezone()

    def at(hour_minute):
        return datetime.datetime.combine(day, datetime.time(*hour_minute), tzinfo=zone)

    page = EventPage(
        title=data["title"], slug=data["slug"], introduction=data["introduction"],
        theme=themes[data["theme"]], venue=venues[data["venue"]],
        starts_at=at(data["start"]), ends_at=at(data["end"]),
        recurrence=Recurrence.MONTHLY if until else Recurrence.NONE,
        recurrence_until=until, online_url=data.get("online_url", ""),
        accessibility_notes=data.get("accessibility_notes", ""),
        is_free=data.get("is_free", True), price=data.get("price", ""),
        registration_enabled=data.get("registration_enabled", False),
        capacity=data.get("capacity"), programme=stream(data.get("programme", [])),
    )
    if data.get("summary"):
        summary = summary_document(command, data["summary"])
        page.summary_documents = [("document", {"document": summary, "label": ""})]
    page.speakers = [EventSpeaker(name=name, description=description)
                     for name, description in data.get("speakers", [])]
    page.organisers = [EventOrganiser(association=Association.objects.get(name=name))
                       for name in data["organisers"]]
    parent.add_child(instance=page)
    page.save_revision().publish()
    command.created += 1
    return page


def summary_document(command, title):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        text = (f"{title}\n\nPrésent·es : quinze associations du réseau.\n"
                "Décisions : un agenda commun, une rencontre thématique par trimestre.\n")
        document = Document(title=title)
        document.file = ContentFile(text.encode(), name="compte-rendu.txt")
        document.save()
        command.created += 1
    return document


def translate(command, agenda, english):
    """The events page in English, and the events that have an English version."""
    agenda_en = agenda.get_translation_or_none(english)
    if agenda_en is None:
        text = content.EVENTS_PAGE["en"]
        agenda_en = agenda.copy_for_translation(english)
        agenda_en.title, agenda_en.slug = text["title"], text["slug"]
        agenda_en.introduction = text["introduction"]
        agenda_en.save_revision().publish()
        command.created += 1
    for data in content.EVENTS:
        page = agenda.get_children().filter(slug=data["slug"]).specific().first()
        if not data.get("en") or page is None or page.get_translation_or_none(english):
            continue
        page_en = page.copy_for_translation(english)
        page_en.title, page_en.slug = data["en"]["title"], data["en"]["slug"]
        page_en.introduction = data["en"]["introduction"]
        page_en.save_revision().publish()
        command.created += 1
