"""Believable events in volume, for `seed_benchmark --events N` and the benchmarks.

The events are real pages, made through Wagtail's page tree (`add_child`), under the French
events page (made if there is none), over three years: two past, one to come. Some recur
weekly or monthly, some are paid, some take registrations, some are organised by
associations of the directory. Deterministic for a given seed (dates move with today).
"""

import datetime
import random
import time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from directory.models import Association, Commune
from events.models import EventIndexPage, EventOrganiser, EventPage, Recurrence, Theme, Venue
from home.models import HomePage

THEMES = [
    ("Emploi associatif", "Jobs in associations", "emploi-associatif"),
    ("Accès aux droits", "Access to rights", "acces-aux-droits"),
    ("Vie du réseau", "Life of the network", "vie-du-reseau"),
    ("Bénévolat", "Volunteering", "benevolat"),
    ("Financements", "Funding", "financements"),
    ("Transition écologique", "Ecological transition", "transition-ecologique"),
]
KINDS = [  # title pattern, (start hour, minutes), duration in hours
    ("Rencontre thématique : {topic}", (18, 30), 2.5),
    ("Atelier : {topic}", (14, 0), 3),
    ("Formation : {topic}", (9, 30), 7.5),
    ("Table ronde : {topic}", (19, 0), 2),
    ("Forum des associations de {commune}", (10, 0), 7),
    ("Permanence {topic}", (9, 0), 3),
    ("Café associatif : {topic}", (18, 0), 2),
]
TOPICS = ["l'emploi associatif", "les demandes de subvention", "le bénévolat de compétences",
          "l'accueil des exilés", "le plaidoyer auprès des élus", "la comptabilité associative",
          "la communication sur les réseaux", "les locaux partagés", "l'accès aux droits",
          "le mécénat local", "la gouvernance partagée", "les jeunes bénévoles",
          "la transition écologique", "l'éducation populaire", "la santé des bénévoles"]
VENUE_KINDS = ["Maison des associations", "Salle polyvalente", "Centre social", "Médiathèque",
               "Salle des fêtes"]
VENUES = 30


def events_page():
    """The French events page, made under the French home page if there is none."""
    page = EventIndexPage.objects.filter(locale__language_code="fr").first()
    if page is not None:
        return page
    home = HomePage.objects.filter(locale__language_code="fr").first()
    if home is None:
        raise RuntimeError("No French home page: run `manage.py migrate` first.")
    slug = "agenda" if not home.get_children().filter(slug="agenda").exists() else "agenda-2"
    page = EventIndexPage(title="Agenda", slug=slug)
    home.add_child(instance=page)
    return page


def themes():
    return [
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})[0]
        for name, name_en, slug in THEMES
    ]


def venues(rng, department):
    """VENUES venues in the department's most populated communes (at their centre)."""
    existing = list(Venue.objects.filter(name__endswith="(benchmark)"))
    if len(existing) >= VENUES:
        return existing
    communes = list(Commune.objects.filter(department=department, kind=Commune.Kind.COMMUNE)
                    .order_by("-population", "code")[:VENUES])
    made = []
    for number, commune in enumerate(communes[len(existing):], start=len(existing)):
        made.append(Venue(
            name=f"{VENUE_KINDS[number % len(VENUE_KINDS)]} de {commune.name} (benchmark)",
            street_address=f"{rng.randrange(1, 80)} rue de la République",
            postcode=(commune.postcodes or "").split(" ")[0][:5],
            commune=commune,
            latitude=commune.latitude and Decimal(commune.latitude).quantize(Decimal("0.000001")),
            longitude=commune.longitude and Decimal(commune.longitude).quantize(
                Decimal("0.000001")),
            capacity=rng.choice([30, 40, 60, 80, 120, 200]),
            wheelchair_accessible=rng.random() < 0.7,
            hearing_loop=rng.random() < 0.3,
        ))
    return existing + Venue.objects.bulk_create(made)


def make_events(count, department="77", seed=2017):
    """Add `count` event pages; returns (count, seconds)."""
    rng = random.Random(seed)  # noqa: S311 - fake data, not secrets
    started = time.perf_counter()
    zone = timezone.get_default_timezone()
    today = timezone.localdate()
    with transaction.atomic():
        parent = events_page()
        all_themes = themes()
        all_venues = venues(rng, department)
        association_ids = list(Association.objects.published().order_by("pk")
                               .values_list("pk", flat=True)[:500])
        first = parent.get_children().count()
        for number in range(first, first + count):
            pattern, (hour, minute), hours = rng.choice(KINDS)
            venue = rng.choice(all_venues) if rng.random() < 0.9 else None
            commune = venue.commune.name if venue and venue.commune_id else "Melun"
            title = pattern.format(topic=rng.choice(TOPICS), commune=commune)
            day = today + datetime.timedelta(days=rng.randrange(-730, 365))
            start = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)
            draw = rng.random()
            recurrence = (Recurrence.MONTHLY if draw < 0.08 else
                          Recurrence.WEEKLY if draw < 0.12 else Recurrence.NONE)
            until = None
            if recurrence == Recurrence.MONTHLY:
                until = day + datetime.timedelta(days=rng.randrange(180, 365))
            elif recurrence == Recurrence.WEEKLY:
                until = day + datetime.timedelta(days=rng.randrange(30, 90))
            paid = rng.random() < 0.15
            registration = not recurrence and rng.random() < 0.2
            page = EventPage(
                title=title, slug=f"{slugify(title)[:200]}-{number + 1}",
                introduction=f"{title}, ouvert aux associations du département et à leurs "
                             "bénévoles.",
                theme=rng.choice(all_themes), venue=venue,
                online_url="" if venue else "https://visio.example.org/rencontre",
                starts_at=start, ends_at=start + datetime.timedelta(hours=hours),
                recurrence=recurrence, recurrence_until=until,
                is_free=not paid, price="5 € pour les adhérents, 10 € sinon" if paid else "",
                registration_enabled=registration,
                capacity=min(30, venue.capacity) if registration and venue else None,
            )
            if association_ids and rng.random() < 0.4:
                page.organisers = [
                    EventOrganiser(association_id=pk)
                    for pk in rng.sample(association_ids, min(len(association_ids),
                                                              rng.randrange(1, 3)))
                ]
            parent.add_child(instance=page)
    return count, time.perf_counter() - started
