"""The demo charter: its first version, adopted by the founding general assembly, a second one
that adds mutual aid and the way the charter is revised (so that the history and the
comparison show something), its English translation, and the signatures of the demo member
associations. Called by `seed_demo`; idempotent (what exists is left as it is)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from charter import adoptions
from charter.models import CharterPage
from charter.services import sign_charter
from directory.models import Association

SLUG = "charte"

FIRST_ADOPTED_ON = datetime.date(2026, 3, 14)
FIRST_ADOPTED_BY = "Assemblée générale constitutive du 14 mars 2026"
SECOND_ADOPTED_ON = datetime.date(2026, 9, 26)
SECOND_ADOPTED_BY = "Assemblée générale du 26 septembre 2026, décision n° 2026-007"
# The decision of the register that adopts version 2 (made by the demo's governance, dated
# SECOND_ADOPTED_ON): cited by its number when the register has it, else named in free text.
SECOND_DECISION = "2026-007"

# The associations of the demo's members (seed_demo.DEMO_MEMBERS): they become members of
# the collective (is_member) when their people are added, later in seed_demo.
SIGNATORIES = [
    # name, days after version 1 they signed it, days after version 2 (None: not yet)
    ("Entraide et partage chellois", 0, 3),
    ("Les Jardins partagés de Vaires", 0, 12),
    ("Accueil des exilés en Brie", 21, None),
]

SOLIDARITY_V1 = (
    "<p>Les associations du collectif se soutiennent face aux difficultés qu'elles "
    "partagent : la précarité de l'emploi associatif, la multiplication des appels à projets "
    "qui empiètent sur l'action de terrain, la baisse des financements.</p>"
)
SOLIDARITY_V2 = (
    "<p>Les associations du collectif se soutiennent face aux difficultés qu'elles "
    "partagent : la précarité de l'emploi associatif, la multiplication des appels à projets "
    "qui empiètent sur l'action de terrain, la baisse des financements.</p>"
    "<p>Elles s'entraident concrètement : elles partagent leurs compétences, leurs locaux et "
    "leur matériel, et font appel au réseau plutôt que de rester seules face à une "
    "difficulté.</p>"
)
REVISION_ARTICLE = (
    "Réviser la charte",
    "<p>La charte est révisée par l'assemblée générale, sur proposition d'au moins trois "
    "associations membres. Chaque version adoptée reste consultable, avec ce qui a changé, et "
    "chaque association signe la nouvelle version dans l'année.</p>",
)

FRENCH = {
    "title": "Charte du collectif",
    "introduction": (
        "Ce qui rassemble les associations du collectif : nos valeurs, les engagements de "
        "chaque membre et la façon dont nous décidons ensemble. Chaque association membre "
        "signe la charte en rejoignant le collectif."
    ),
    "preamble": (
        "<p>Nous, associations loi 1901 de Seine-et-Marne, petites et grandes, de tous les "
        "secteurs, avons décidé de nous rassembler pour retrouver de l'initiative collective, "
        "porter ensemble la voix du monde associatif auprès des pouvoirs publics et nous "
        "entraider.</p><p>Cette charte dit ce qui nous rassemble. Elle ne remplace pas les "
        "statuts de chacune de nos associations : elle pose le socle commun sur lequel nous "
        "agissons ensemble.</p>"
    ),
    "parts": [
        ("Nos valeurs", [
            ("L'intérêt général",
             "<p>Nos associations agissent pour l'intérêt général et le bien commun, au plus "
             "près des habitantes et des habitants du département. Elles ne poursuivent aucun "
             "but lucratif.</p>"),
            ("La liberté associative et l'indépendance",
             "<p>Le collectif défend la liberté d'association. Il est indépendant des partis "
             "politiques, des cultes et des pouvoirs publics, y compris de ceux qui financent "
             "ses membres.</p>"),
            ("La solidarité", SOLIDARITY_V1),
            ("La diversité",
             "<p>Le collectif rassemble des associations de toutes tailles et de tous "
             "secteurs, locales comme départementales, avec ou sans salariés. Chacune y a sa "
             "place.</p>"),
        ]),
        ("Les engagements des membres", [
            ("Participer",
             "<p>Chaque association membre participe aux rencontres du collectif et y prend un "
             "rôle, une tâche, pour que la place de chacune soit reconnue.</p>"),
            ("Faire circuler l'information",
             "<p>Chaque association partage avec le réseau ce qu'elle voit sur le terrain : "
             "les besoins, les difficultés, les réussites comme les échecs.</p>"),
            ("Porter une parole commune",
             "<p>Une association ne parle au nom du collectif qu'avec son accord. Ensemble, "
             "nous portons auprès des élus les positions que nous avons décidées "
             "ensemble.</p>"),
        ]),
        ("Nos principes de gouvernance", [
            ("Une association, une voix",
             "<p>Chaque association membre dispose d'une voix, quels que soient sa taille, son "
             "budget ou son nombre d'adhérents. Même poids pour toutes.</p>"),
            ("Décider ensemble",
             "<p>Les décisions sont prises en assemblée, en cherchant d'abord l'accord de "
             "toutes ; à défaut, à la majorité des associations présentes ou représentées. "
             "Chaque décision est inscrite au registre des décisions.</p>"),
            ("La transparence",
             "<p>Les comptes du collectif, ses décisions et l'usage des cotisations sont "
             "présentés chaque année à toutes les associations membres.</p>"),
        ]),
    ],
}

ENGLISH = {
    "title": "Charter of the collective",
    "slug": "charter",
    "introduction": (
        "What brings the collective's associations together: our values, what each member "
        "commits to, and how we decide together. Every member association signs the charter "
        "when it joins."
    ),
    "preamble": (
        "<p>We, non-profit associations of Seine-et-Marne, small and large, from every field, "
        "have decided to come together to take collective initiative again, to speak together "
        "for associations to public authorities, and to help one another.</p><p>This charter "
        "says what brings us together. It does not replace the statutes of each of our "
        "associations: it sets the common ground on which we act together.</p>"
    ),
    "adopted_by": "General assembly of 26 September 2026, decision no. 2026-007",
    "parts": [
        ("Our values", [
            ("The general interest",
             "<p>Our associations act for the general interest and the common good, close to "
             "the people of the department. They pursue no profit.</p>"),
            ("Freedom of association and independence",
             "<p>The collective defends freedom of association. It is independent of political "
             "parties, religions and public authorities, including those that fund its "
             "members.</p>"),
            ("Solidarity",
             "<p>The collective's associations support one another in the difficulties they "
             "share: insecure jobs in the sector, ever more calls for projects that eat into "
             "work on the ground, shrinking funding.</p><p>They help one another in practice: "
             "they share their skills, premises and equipment, and turn to the network rather "
             "than face a difficulty alone.</p>"),
            ("Diversity",
             "<p>The collective brings together associations of every size and every field, "
             "local or department-wide, with or without staff. Each has its place.</p>"),
        ]),
        ("What members commit to", [
            ("Taking part",
             "<p>Each member association takes part in the collective's meetings and takes on "
             "a role, a task, so that each one's place is recognised.</p>"),
            ("Sharing information",
             "<p>Each association shares with the network what it sees on the ground: needs, "
             "difficulties, successes and failures alike.</p>"),
            ("Speaking with one voice",
             "<p>An association speaks for the collective only with its agreement. Together, "
             "we put to elected officials the positions we have decided together.</p>"),
        ]),
        ("How we govern ourselves", [
            ("One association, one vote",
             "<p>Each member association has one vote, whatever its size, budget or "
             "membership. Equal weight for all.</p>"),
            ("Deciding together",
             "<p>Decisions are taken in assembly, seeking first the agreement of all; failing "
             "that, by a majority of the associations present or represented. Each decision "
             "is entered in the register of decisions.</p>"),
            ("Transparency",
             "<p>The collective's accounts, its decisions and the use of dues are presented "
             "every year to all member associations.</p>"),
            ("Revising the charter",
             "<p>The charter is revised by the general assembly, on a proposal from at least "
             "three member associations. Each adopted version remains available, with what "
             "changed, and each association signs the new version within the year.</p>"),
        ]),
    ],
}


def chapters(parts):
    return [
        ("chapter", {"title": title,
                     "articles": [{"title": article_title, "text": RichText(text)}
                                  for article_title, text in articles]})
        for title, articles in parts
    ]


def second_version_parts():
    """Version 2: mutual aid added to solidarity, and an article on revising the charter."""
    parts = [(title, list(articles)) for title, articles in FRENCH["parts"]]
    values = parts[0][1]
    values[2] = (values[2][0], SOLIDARITY_V2)
    parts[2][1].append(REVISION_ARTICLE)
    return parts


def seed(command, home):
    """The charter under `home` (made once), in French and English, and its signatures.
    Returns the French page. `command` is seed_demo's, which counts what it made."""
    page = CharterPage.objects.child_of(home).filter(slug=SLUG).first()
    if page is None:
        page = CharterPage(
            title=FRENCH["title"], slug=SLUG, introduction=FRENCH["introduction"],
            preamble=FRENCH["preamble"], chapters=chapters(FRENCH["parts"]),
            adopted_on=FIRST_ADOPTED_ON, adopted_by=FIRST_ADOPTED_BY,
            change_summary="Première version de la charte, adoptée à la création du collectif.",
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        page.chapters = chapters(second_version_parts())
        adopt_second_version(page)
        page.change_summary = ("La solidarité devient aussi de l'entraide concrète (article "
                               "3) ; un article 11 dit comment la charte est révisée.")
        page.save_revision().publish()
        command.created += 1
    translate(command, page)
    sign(command, page)
    return page


def adopt_second_version(page):
    """Version 2 cites the register's decision 2026-007 when the register has it, adopted on
    SECOND_ADOPTED_ON; otherwise (a register without it) it names the decision in free
    text, so that seed_demo never fails on it."""
    decision = adoptions.decision(SECOND_DECISION)
    if decision is not None and decision.adopted and decision.decided_on == SECOND_ADOPTED_ON:
        page.decision_number, page.adopted_by = SECOND_DECISION, ""
    else:
        page.decision_number, page.adopted_by = "", SECOND_ADOPTED_BY
    page.adopted_on = SECOND_ADOPTED_ON


def translate(command, page):
    english = Locale.objects.filter(language_code="en").first()
    if english is None or page.get_translation_or_none(english) is not None:
        return
    page_en = page.copy_for_translation(english)
    page_en.title, page_en.slug = ENGLISH["title"], ENGLISH["slug"]
    page_en.introduction, page_en.preamble = ENGLISH["introduction"], ENGLISH["preamble"]
    page_en.chapters = chapters(ENGLISH["parts"])
    if not page.decision_number:
        page_en.adopted_by = ENGLISH["adopted_by"]
    page_en.change_summary = ("Solidarity now also means practical mutual aid (article 3); "
                              "a new article 11 says how the charter is revised.")
    page_en.save_revision().publish()
    command.created += 1


def sign(command, page):
    versions = {version.number: version for version in page.versions.all()}
    today = timezone.localdate()
    associations = {association.name: association for association in
                    Association.objects.filter(name__in=[row[0] for row in SIGNATORIES])}
    for name, first_days, second_days in SIGNATORIES:
        association = associations.get(name)
        if association is None:
            continue
        for number, days in ((1, first_days), (2, second_days)):
            version = versions.get(number)
            if version is None or days is None or version.adopted_on > today:
                continue
            on = min(version.adopted_on + datetime.timedelta(days=days), today)
            if not version.signatures.filter(association=association).exists():
                sign_charter(association, version, on=on)
                command.created += 1
