"""Believable petitions in volume, for `seed_benchmark --signatures N` and the benchmarks.

A few campaigns (real pages, made through Wagtail's page tree under the French campaigns page,
itself made if there is none): three open, one won, one closed, launched between two weeks
and thirteen months ago. The signatures are spread over them (most on the big open one), over
each campaign's weeks, busiest just after its launch and in the daytime; most are confirmed
(within minutes, some within two days), the recent ones not all; a few have a comment (moderated
once a week old), some name a member association of the directory, a handful were erased at
their signer's request. Rows are inserted with `bulk_create`, in batches. Deterministic for a
given seed and database (dates move with today).
"""

import datetime
import itertools
import random
import time
import unicodedata

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignStatus,
    CampaignUpdate,
    CommentStatus,
    Signature,
)
from demo.volumes.events import themes
from directory.models import Association, Commune
from home.models import HomePage

BATCH = 2000
CONFIRMED_SHARE = 0.88  # of the signatures young enough to be still unconfirmed
ERASED_SHARE = 0.005

# slug, title, status, days since launch, days it lasted (None: still open), goal, deadline in
# days (None: none), share of the signatures, introduction, demands, updates (days after launch)
CAMPAIGNS = [
    ("financements-pluriannuels", "Des financements pluriannuels pour les associations",
     CampaignStatus.OPEN, 120, None, 50_000, None, 0.45,
     "Les subventions annuelles, versées tard, empêchent les associations de prévoir : nous "
     "demandons au Département des conventions de trois ans.",
     ["Des conventions pluriannuelles d'objectifs pour toutes les associations soutenues",
      "Le versement des subventions avant la fin du premier trimestre"],
     [(0, "Lancement de la pétition"), (45, "Rencontre avec la vice-présidente à la vie "
                                             "associative")]),
    ("maisons-des-associations", "Sauvons les maisons des associations",
     CampaignStatus.OPEN, 60, None, 10_000, 30, 0.25,
     "Trois maisons des associations du département doivent fermer l'an prochain : sans elles, "
     "deux cents associations n'ont plus où se réunir.",
     ["Le maintien des trois maisons des associations menacées",
      "Un comité d'usagers associé à leur gestion"],
     [(0, "Lancement de la pétition"), (30, "Rassemblement devant la mairie de Meaux")]),
    ("emploi-associatif-stable", "Un emploi associatif stable",
     CampaignStatus.WON, 400, 150, 5_000, None, 0.15,
     "Les postes aidés supprimés laissaient des centaines d'associations sans salarié : nous "
     "demandions un fonds départemental pour l'emploi associatif.",
     ["Un fonds départemental pour l'emploi associatif",
      "Des postes pérennes dans les associations de quartier"],
     [(0, "Lancement de la pétition"), (90, "Pétition remise au président du Département"),
      (150, "Le fonds est voté au budget")]),
    ("locaux-de-quartier", "Des locaux pour les associations de quartier",
     CampaignStatus.CLOSED, 300, 120, 3_000, None, 0.10,
     "Les associations des quartiers prioritaires n'ont pas de salle : nous demandions que les "
     "bailleurs sociaux ouvrent leurs locaux vacants.",
     ["Des locaux vacants des bailleurs sociaux prêtés aux associations"],
     [(0, "Lancement de la pétition"), (120, "Clôture de la pétition")]),
    ("transport-solidaire-rural", "Pour un transport solidaire en milieu rural",
     CampaignStatus.OPEN, 14, None, 2_000, 60, 0.05,
     "Dans les villages sans bus, les associations de transport solidaire conduisent les "
     "personnes âgées chez le médecin : leurs bénévoles demandent une prise en charge des frais.",
     ["Le remboursement des frais kilométriques des chauffeurs bénévoles"],
     [(0, "Lancement de la pétition")]),
]

FIRST_NAMES = [
    "Camille", "Louise", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Jeanne", "Alice",
    "Juliette", "Lina", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie", "Martine",
    "Christine", "Monique", "Fatima", "Aïcha", "Mariam", "Awa", "Hélène", "Claire", "Anne",
    "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Nathan", "Thomas", "Théo", "Adam",
    "Mohamed", "Karim", "Yanis", "Philippe", "Patrick", "Michel", "Alain", "Pierre", "Jean",
    "Nicolas", "Christophe", "Stéphane", "Olivier", "François", "Mamadou", "Moussa", "Dominique",
    "Claude", "Frédéric", "Laurent", "Éric", "Julien", "Bernard",
]
LAST_NAMES = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Diallo", "Traoré",
    "Benali", "Nguyen", "Da Silva", "Ferreira", "Haddad", "Kone", "Lemoine", "Caron",
]
DOMAINS = ["example.org", "example.com", "example.net", "courriel.example"]
TYPED_ASSOCIATIONS = [
    "Comité des fêtes", "Amicale des locataires", "Secours populaire", "Restos du cœur",
    "Club de foot", "Chorale du village", "Jardins partagés", "Parents d'élèves",
    "Association sportive", "Compagnie de théâtre", "Aide aux devoirs", "Croix-Rouge",
]
COMMENTS = [
    "Sans visibilité sur trois ans, notre association ne peut pas embaucher.",
    "Bénévole depuis vingt ans, je vois les associations s'épuiser à remplir des dossiers.",
    "Notre club vit grâce aux salles municipales : fermer la maison des associations, c'est "
    "nous fermer.",
    "Merci au collectif pour cette campagne.",
    "Les associations font le lien social que personne d'autre ne fait.",
    "Je signe pour ma mère, qui n'a que le transport solidaire pour aller chez le médecin.",
    "Enfin une campagne commune !",
    "Nos salariés en contrat aidé ont tous dû partir en 2018.",
]
NEIGHBOUR_POSTCODES = ["75011", "75020", "93100", "93200", "94000", "91000", "95000", "10100",
                       "45200", "51100"]


def campaigns_page():
    """The French campaigns page, made under the French home page if there is none."""
    page = CampaignIndexPage.objects.filter(locale__language_code="fr").first()
    if page is not None:
        return page
    home = HomePage.objects.filter(locale__language_code="fr").first()
    if home is None:
        raise RuntimeError("No French home page: run `manage.py migrate` first.")
    slug = "campagnes" if not home.get_children().filter(slug="campagnes").exists() \
        else "campagnes-2"
    page = CampaignIndexPage(
        title="Campagnes", slug=slug,
        introduction="Ce que le collectif demande aux élus, et où en sont ses demandes.",
    )
    home.add_child(instance=page)
    return page


def benchmark_campaigns(today=None):
    """The campaigns of CAMPAIGNS under the campaigns page (made if missing), in its order."""
    today = today or timezone.localdate()
    parent = campaigns_page()
    existing = {page.slug: page for page in CampaignPage.objects.child_of(parent)}
    all_themes = themes()
    pages = []
    for number, (slug, title, status, launched, _lasted, goal, deadline, _share, introduction,
                 demands, updates) in enumerate(CAMPAIGNS):
        if slug in existing:
            pages.append(existing[slug])
            continue
        launch = today - datetime.timedelta(days=launched)
        page = CampaignPage(
            title=title, slug=slug, introduction=introduction, status=status, goal=goal,
            theme=all_themes[number % len(all_themes)],
            deadline=(timezone.now() + datetime.timedelta(days=deadline)) if deadline else None,
            demands=[("demand", {"title": demand, "detail": ""}) for demand in demands],
            body=[("paragraph", f"<p>{introduction}</p>")],
            outcome=("<p>Le Département a voté un fonds pour l'emploi associatif.</p>"
                     if status == CampaignStatus.WON else ""),
        )
        page.updates = [
            CampaignUpdate(date=launch + datetime.timedelta(days=after), title=update_title,
                           text=f"<p>{update_title}.</p>")
            for after, update_title in updates if after <= launched
        ]
        parent.add_child(instance=page)
        pages.append(page)
    return pages


def ascii_slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in text.lower() if char.isalnum())


def postcodes(department):
    """The department's postcodes and their cumulated weights (drawn as often as people live
    there, roughly)."""
    codes, weights = [], []
    for commune in Commune.objects.filter(department=department, kind=Commune.Kind.COMMUNE) \
            .exclude(postcodes="").only("postcodes", "population"):
        for code in commune.postcodes.split():
            codes.append(code)
            weights.append(max(commune.population or 0, 100))
    if not codes:
        codes, weights = ["77000", "77100", "77300"], [1, 1, 1]
    return codes, list(itertools.accumulate(weights))


def signed_at(rng, launch, end):
    """A moment between `launch` and `end`: most in the first weeks, in the daytime."""
    span = (end - launch).total_seconds()
    moment = launch + datetime.timedelta(seconds=span * rng.random() ** 2.2)
    day_start = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    hour = min(23, max(7, int(rng.gauss(15, 4))))
    moment = day_start + datetime.timedelta(hours=hour, seconds=rng.randrange(3600))
    return min(max(moment, launch), end)


def make_signatures(count, department="77", seed=2017):
    """Add `count` signatures over the benchmark campaigns; returns (count, campaigns,
    seconds)."""
    rng = random.Random(seed)  # noqa: S311 - fake data, not secrets
    started = time.perf_counter()
    now = timezone.now()
    zone = timezone.get_default_timezone()
    fresh = now - datetime.timedelta(days=settings.CAMPAIGN_UNCONFIRMED_RETENTION_DAYS)
    with transaction.atomic():
        campaigns = benchmark_campaigns(timezone.localdate())
        windows = []
        for (_slug, _title, _status, launched, lasted, *_rest), campaign in zip(
                CAMPAIGNS, campaigns, strict=True):
            launch = datetime.datetime.combine(
                timezone.localdate() - datetime.timedelta(days=launched), datetime.time(9),
                tzinfo=zone)
            end = launch + datetime.timedelta(days=lasted) if lasted else now
            windows.append((campaign, launch, min(end, now)))
        shares = [row[7] for row in CAMPAIGNS]
        codes, code_weights = postcodes(department)
        association_ids = list(Association.objects.published().members()
                               .order_by("pk").values_list("pk", flat=True)[:500])
        # Above every number used before (each row's pk is above its number): new addresses.
        first = (Signature.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        batch = []
        for number in range(first, first + count):
            campaign, launch, end = rng.choices(windows, weights=shares)[0]
            batch.append(signature(rng, number, campaign, launch, end, now, fresh, codes,
                                   code_weights, association_ids))
            if len(batch) >= BATCH:
                Signature.objects.bulk_create(batch, batch_size=BATCH)
                batch = []
        Signature.objects.bulk_create(batch, batch_size=BATCH)
    return count, len(campaigns), time.perf_counter() - started


def signature(rng, number, campaign, launch, end, now, fresh, codes, code_weights,
              association_ids):
    first_name, last_name = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    created = signed_at(rng, launch, end)
    confirmed_at = None
    if created < fresh or rng.random() < CONFIRMED_SHARE:
        delay = min(rng.lognormvariate(6, 1.6), 2 * 24 * 3600)  # seconds: most within the hour
        confirmed_at = min(created + datetime.timedelta(seconds=delay), now)
    comment = rng.choice(COMMENTS) if rng.random() < 0.08 else ""
    comment_status = CommentStatus.NONE
    if comment:
        comment_status = (CommentStatus.PENDING if now - created < datetime.timedelta(days=7)
                          else rng.choices([CommentStatus.APPROVED, CommentStatus.REJECTED],
                                           weights=[7, 3])[0])
    draw = rng.random()
    association_id = rng.choice(association_ids) if association_ids and draw < 0.25 else None
    association_name = rng.choice(TYPED_ASSOCIATIONS) if not association_id and draw < 0.4 \
        else ""
    row = Signature(
        campaign=campaign,
        first_name=first_name, last_name=last_name,
        email=f"{ascii_slug(first_name)}.{ascii_slug(last_name)}.{number}@"
              f"{rng.choice(DOMAINS)}",
        postcode=(rng.choices(codes, cum_weights=code_weights)[0] if rng.random() < 0.85
                  else rng.choice(NEIGHBOUR_POSTCODES)),
        association_id=association_id, association_name=association_name,
        comment=comment, comment_status=comment_status,
        show_publicly=rng.random() < 0.55,
        consent_text=campaign.consent_text,
        language="en" if rng.random() < 0.08 else "fr",
        created_at=created, confirmation_sent_at=created, confirmation_emailed_at=created,
        confirmed_at=confirmed_at,
    )
    if confirmed_at and rng.random() < ERASED_SHARE:  # erased at the signer's request
        row.erased_at = min(confirmed_at + datetime.timedelta(days=rng.randrange(1, 60)), now)
        row.first_name = row.last_name = row.email = row.postcode = ""
        row.association_id, row.association_name = None, ""
        row.comment, row.comment_status, row.show_publicly = "", CommentStatus.NONE, False
    return row


def make_campaigns(count, seed=2017):
    """Add `count` campaigns of past years under the campaigns page (one in twenty still
    open, the others won or closed), numbered after those there; returns (count, seconds)."""
    rng = random.Random(seed)  # noqa: S311 - fake data, not secrets
    started = time.perf_counter()
    parent = campaigns_page()
    all_themes = themes()
    first = CampaignPage.objects.child_of(parent).count() + 1
    statuses = [CampaignStatus.WON, CampaignStatus.CLOSED]
    with transaction.atomic():
        for number in range(first, first + count):
            _slug, title, *_rest, introduction, demands, _updates = rng.choice(CAMPAIGNS)
            status = CampaignStatus.OPEN if number % 20 == 0 else rng.choice(statuses)
            parent.add_child(instance=CampaignPage(
                title=f"{title} ({number})", slug=f"campagne-{number}",
                introduction=introduction, status=status, goal=rng.choice([500, 1000, 5000]),
                theme=all_themes[number % len(all_themes)],
                demands=[("demand", {"title": demand, "detail": ""}) for demand in demands],
                body=[("paragraph", f"<p>{introduction}</p>")],
                outcome="" if status == CampaignStatus.OPEN else (
                    "<p>Le Département a entendu la demande.</p>" if status == CampaignStatus.WON
                    else "<p>La pétition est close ; le collectif poursuit le dialogue.</p>"),
            ))
    return count, time.perf_counter() - started
