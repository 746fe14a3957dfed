"""Demo content of joining: the "Rejoindre le collectif" page (French and English) and two
requests waiting in the admin's queue. Idempotent; works without a charter (the page then
says joining is closed, and no request is made: a request needs a charter version)."""

from django.utils import timezone
from wagtail.rich_text import RichText

from charter.services import current_charter_version
from directory.models import Association, Commune, Sector
from joining.models import JoinPage, JoinRequest, JoinRequestStep, JoinStepKind
from portal.models import SiteSettings

PAGE = {
    "fr": {
        "title": "Rejoindre le collectif",
        "slug": "adherer",
        "introduction": "Votre association partage nos valeurs ? Demandez son adhésion : la "
                        "coordination vous répond sous quinze jours.",
        "body": "<p>Adhérer, c'est accepter la charte du collectif, désigner une personne qui "
                "représente l'association, et participer aux décisions : une association, une "
                "voix. L'adhésion est gratuite la première année.</p>",
    },
    "en": {
        "title": "Join the collective",
        "slug": "join",
        "introduction": "Does your association share our values? Ask to join: the "
                        "coordination answers within a fortnight.",
        "body": "<p>Joining means accepting the collective's charter, naming a person who "
                "represents the association, and taking part in decisions: one association, "
                "one vote. Membership is free the first year.</p>",
    },
}

REQUESTS = [
    # association in the directory (or None), proposed name, postcode, commune code, sector,
    # first name, last name, email, role, motivation
    ("Comité des fêtes de Champs-sur-Marne", "", "", "", "009000", "Sylvie", "Moreau",
     "sylvie.moreau@example.org", "présidente",
     "Nous voulons peser avec les autres associations sur les subventions municipales et "
     "partager notre matériel de fête."),
    (None, "Lire et faire lire à Lagny", "77400", "77243", "015000", "Karim", "Haddad",
     "karim.haddad@example.org", "trésorier",
     "Nos bénévoles lisent des histoires aux enfants ; nous cherchons des salles et des "
     "partenaires dans le réseau."),
]


def seed(home, english):
    """Make what is missing; returns how many objects were made."""
    created = 0
    page = JoinPage.objects.filter(locale=home.locale).first()
    if page is None:
        text = PAGE["fr"]
        page = JoinPage(title=text["title"], slug=text["slug"],
                        introduction=text["introduction"],
                        body=[("paragraph", RichText(text["body"]))])
        home.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if page.get_translation_or_none(english) is None \
            and home.get_translation_or_none(english) is not None:
        text = PAGE["en"]
        page_en = page.copy_for_translation(english)
        page_en.title, page_en.slug = text["title"], text["slug"]
        page_en.introduction = text["introduction"]
        page_en.body = [("paragraph", RichText(text["body"]))]
        page_en.save_revision().publish()
        created += 1
    # The header's and the footer's button « Adhérer » leads to it.
    site_settings = SiteSettings.for_site(home.get_site())
    if site_settings.join_page_id is None:
        site_settings.join_page = page
        site_settings.save()
    return created + requests()


def requests():
    version = current_charter_version()
    if version is None or JoinRequest.objects.exists():
        return 0
    created = 0
    for (name, proposed, postcode, code, sector, first_name, last_name, email, role,
         motivation) in REQUESTS:
        association = Association.objects.filter(name=name, is_member=False).first() \
            if name else None
        if name and association is None:
            continue
        join_request = JoinRequest.objects.create(
            association=association, proposed_name=proposed, proposed_postcode=postcode,
            proposed_commune=Commune.objects.filter(code=code).first() if code else None,
            sector=Sector.objects.get(code=sector), first_name=first_name,
            last_name=last_name, email=email, role=role, motivation=motivation,
            charter_version=version, charter_accepted_at=timezone.now(),
        )
        JoinRequestStep.objects.create(join_request=join_request, kind=JoinStepKind.SUBMITTED)
        created += 1
    return created
