"""Demo content: the guide for elected officials (a first real version, in French, with its
English translation) and the page listing the member associations. Called by `seed_demo`.

Idempotent: a page already at the address is left as it is. A database seeded before the
guide had its own page type holds a content page (StandardPage) at `guide-des-elus`: it is
left alone too (an editor may have changed it), and the command says so; delete it in the
admin and run `seed_demo` again to get the new guide.
"""

from wagtail.models import Page
from wagtail.rich_text import RichText

from directory.models import DirectoryPage, MembersPage
from home.guide import GuidePage

GUIDE_SLUG = "guide-des-elus"
MEMBERS_SLUG = "membres"
JOIN_SLUG = "adherer"  # the join page (app `joining`), linked from the members page if present

CONTACT_EMAIL = "contact@collectif-associations77.example.org"

MEMBERS = {
    "fr": {
        "title": "Les associations membres",
        "slug": MEMBERS_SLUG,
        "introduction": (
            "Les associations qui font le collectif : chacune y a sa place et sa voix, quelle "
            "que soit sa taille. Une association, une voix."
        ),
    },
    "en": {
        "title": "Member associations",
        "slug": "members",
        "introduction": (
            "The associations that make up the collective: each has its place and its voice, "
            "whatever its size. One association, one vote."
        ),
    },
}

LIVE_FIGURES = [
    "directory.associations", "directory.communes", "directory.sectors",
    "directory.created_last_year", "directory.members",
]
# What the member associations bring, from their validated impact reports.
IMPACT_FIGURES = [
    "impact.volunteers", "impact.volunteer_hours", "impact.volunteer_value",
    "impact.people_reached", "impact.precarious_share", "impact.calls_share",
]

GUIDE = {
    "fr": {
        "title": "Guide pour les élus",
        "slug": GUIDE_SLUG,
        "introduction": (
            "Un outil pédagogique pour comprendre le fonctionnement associatif, ce que les "
            "associations apportent à votre territoire, et comment les soutenir et travailler "
            "avec elles."
        ),
        "edition": "Première édition, rédigée par le groupe de travail « Relations avec les "
                   "élus »",
        "figures_title": "Les associations du département, en direct de l'annuaire",
        "impact_figures_title": "Ce que les associations apportent, d'après leurs rapports "
                                "d'impact",
        "directory_cta": ("Chercher une association près de chez vous",
                          "L'annuaire recense les associations du département, commune par "
                          "commune et domaine par domaine.", "Ouvrir l'annuaire"),
        "chapters": [
            ("Qu'est-ce qu'une association loi 1901 ?", [
                ("p", "<p>Une association est <b>un groupement d'au moins deux personnes</b> "
                      "qui mettent en commun, de façon permanente, leurs connaissances ou leur "
                      "activité dans un but autre que de partager des bénéfices (loi du "
                      "1er juillet 1901). Elle peut avoir des salariés, vendre des "
                      "services, équilibrer ses comptes ou dégager un excédent : ce qu'elle "
                      "gagne reste au service de son objet.</p>"),
                ("h3", "Qui la fait vivre ?"),
                ("p", "<ul><li><b>Les bénévoles</b>, qui donnent leur temps sans être payés : "
                      "ils sont le cœur de la plupart des associations du département ;</li>"
                      "<li><b>les adhérents</b>, qui versent une cotisation et votent en "
                      "assemblée générale ;</li><li><b>les salariés</b>, quand l'activité le "
                      "demande : animateurs, éducateurs, coordinateurs, souvent à temps "
                      "partiel et sur des contrats fragiles.</li></ul>"),
                ("h3", "Qui décide ?"),
                ("p", "<p><b>L'assemblée générale (AG)</b> réunit les adhérents au moins une "
                      "fois par an : elle approuve les comptes et le rapport d'activité, et "
                      "élit le <b>conseil d'administration (CA)</b>. Le CA, bénévole, conduit "
                      "l'association entre deux assemblées et désigne en général un bureau "
                      "(présidence, trésorerie, secrétariat). Les décisions importantes — un "
                      "partenariat, une convention avec votre collectivité — passent donc par "
                      "un CA : comptez quelques semaines.</p>"),
                ("quote", ("Une association, ce sont d'abord des personnes qui décident "
                           "ensemble d'agir, le soir et le week-end, à côté de leur travail.",
                           "Une bénévole, présidente d'une association membre")),
            ]),
            ("Ce que les associations apportent à votre territoire", [
                ("p", "<p>Les associations répondent à des besoins variés — accueil, "
                      "entraide, sport, culture, éducation, environnement — avec des actions "
                      "<b>complémentaires de celles des collectivités</b>. Elles connaissent le "
                      "terrain, touchent des publics que les services publics atteignent "
                      "mal, et créent du lien entre les habitants.</p>"),
                ("figures", None),
                ("impact_figures", None),
                ("p", "<p>Elles peuvent être <b>un outil pour la mise en œuvre de vos "
                      "politiques</b> : pas un prestataire de plus, mais un partenaire qui "
                      "fait remonter les besoins, les difficultés, les réussites et les "
                      "échecs. Leur utilité sociale se mesure aussi en bénévolat, en "
                      "épanouissement des personnes, en capacité d'agir retrouvée.</p>"),
                ("directory", None),
            ]),
            ("Soutenir les associations au-delà des appels à projets", [
                ("p", "<p>Les associations nous le disent : la <b>multiplication des appels à "
                      "projets</b>, pour survivre d'une année sur l'autre, empiète sur l'action "
                      "de terrain. Chaque dossier prend des jours de travail, souvent à des "
                      "bénévoles ; chaque projet financé finit avec son appel, et l'emploi "
                      "associatif reste précaire.</p>"),
                ("h3", "Ce qui change vraiment la donne"),
                ("p", "<ul><li><b>La subvention de fonctionnement pluriannuelle</b> : elle "
                      "finance le projet de l'association dans son ensemble, pas une action "
                      "découpée pour un dossier, et sur plusieurs années ;</li><li><b>la "
                      "convention pluriannuelle d'objectifs (CPO)</b>, sur trois ou quatre ans, "
                      "qui fixe des objectifs partagés et une évaluation commune ;</li>"
                      "<li><b>les locaux</b> : une salle mise à disposition, un bureau "
                      "partagé, un local de stockage ;</li><li><b>le matériel</b> : prêt de "
                      "tables, de barnums, d'un minibus, d'une sonorisation ;</li><li><b>des "
                      "délais de versement tenus</b>, qui évitent aux associations d'avancer "
                      "la trésorerie qu'elles n'ont pas.</li></ul>"),
                ("p", "<p>Ces aides en nature se valorisent dans les comptes de l'association "
                      "et dans les vôtres : elles comptent, même sans ligne budgétaire "
                      "nouvelle.</p>"),
            ]),
            ("Travailler ensemble", [
                ("p", "<p>Associer les associations <b>avant</b> de décider plutôt qu'après : "
                      "c'est ce qui rend une politique locale juste et durable.</p>"),
                ("p", "<ul><li><b>Consultez</b> les associations concernées quand vous "
                      "préparez une politique, un équipement, un budget ;</li><li><b>ouvrez "
                      "vos instances</b> : conseils de quartier, conseils de développement, "
                      "commissions extra-municipales, avec des horaires possibles pour des "
                      "bénévoles ;</li><li><b>rencontrez-vous régulièrement</b>, pas seulement "
                      "au moment des subventions : une réunion par an avec les associations "
                      "de la commune change déjà beaucoup.</li></ul>"),
                ("h3", "Le collectif, un interlocuteur"),
                ("p", "<p>Le collectif rassemble des associations de tous les domaines et de "
                      "tout le département, où chacune a le même poids. Il peut vous "
                      "orienter vers les bonnes associations, porter une parole commune, et "
                      "organiser avec vous une rencontre sur un thème. Dans chaque territoire, "
                      "une association membre est <b>porte-parole</b> et fait remonter ce "
                      "qu'elle voit.</p>"),
            ]),
            ("Questions fréquentes", [
                ("faq", [
                    ("Une association peut-elle recevoir une subvention et facturer des "
                     "prestations ?",
                     "<p>Oui. Une association peut avoir des recettes d'activité ; la "
                     "subvention soutient un projet d'intérêt général qu'elle porte, la "
                     "commande publique achète un service défini par la collectivité.</p>"),
                    ("Comment soutenir une association sans appel à projets ?",
                     "<p>Par une subvention de fonctionnement pluriannuelle, une convention "
                     "pluriannuelle d'objectifs, la mise à disposition de locaux ou de "
                     "matériel.</p>"),
                    ("Une élue peut-elle siéger au conseil d'administration d'une "
                     "association subventionnée par sa commune ?",
                     "<p>C'est possible mais délicat : elle ne doit pas prendre part aux "
                     "délibérations qui concernent l'association. Demandez conseil au "
                     "service juridique de votre collectivité.</p>"),
                    ("Comment savoir quelles associations agissent dans ma commune ?",
                     "<p>Consultez l'annuaire du collectif, qui reprend le Répertoire "
                     "national des associations, ou écrivez-nous : nous vous mettrons en "
                     "relation.</p>"),
                    ("Qui contacter au sein du collectif ?",
                     "<p>Les contacts du chapitre suivant : la coordination, ou "
                     "l'association porte-parole de votre territoire.</p>"),
                ]),
            ]),
            ("Contacts", [
                ("p", "<p>Pour une question, une rencontre, une mise en relation avec les "
                      "associations de votre commune :</p>"),
                ("contact", {"name": "Coordination du collectif", "role": "accueil des élus "
                             "et des services", "organisation": "Collectif des associations "
                             "de Seine-et-Marne", "email": CONTACT_EMAIL,
                             "phone": "01 60 00 00 00"}),
                ("contact", {"name": "Fatou Diallo", "role": "porte-parole pour le nord du "
                             "département", "organisation": "Entraide et partage chellois",
                             "email": "porte-parole-nord@example.org", "phone": ""}),
            ]),
        ],
    },
    "en": {
        "title": "Guide for elected officials",
        "slug": "guide-for-elected-officials",
        "introduction": (
            "A guide to how associations work, what they bring to your area, and how to "
            "support them and work with them."
        ),
        "edition": "First edition, written by the “Relations with elected officials” "
                   "working group",
        "figures_title": "The associations of the department, live from the directory",
        "impact_figures_title": "What the associations bring, from their impact reports",
        "directory_cta": ("Find an association near you",
                          "The directory lists the associations of the department, by commune "
                          "and by field.", "Open the directory"),
        "chapters": [
            ("What is a “loi 1901” association?", [
                ("p", "<p>An association is <b>a group of at least two people</b> who "
                      "permanently pool their knowledge or activity for a purpose other than "
                      "sharing profits (law of 1 July 1901). It may employ staff, sell "
                      "services, balance its accounts or make a surplus: what it earns stays "
                      "in the service of its purpose.</p>"),
                ("h3", "Who keeps it alive?"),
                ("p", "<ul><li><b>Volunteers</b>, who give their time unpaid: they are the "
                      "heart of most associations of the department;</li><li><b>members</b>, "
                      "who pay dues and vote at the general meeting;</li><li><b>employees</b>, "
                      "when the activity needs them: youth workers, educators, coordinators, "
                      "often part-time and on fragile contracts.</li></ul>"),
                ("h3", "Who decides?"),
                ("p", "<p><b>The general meeting</b> gathers the members at least once a "
                      "year: it approves the accounts and the activity report, and elects "
                      "the <b>board</b>. The board, made of volunteers, runs the association "
                      "between two general meetings. Important decisions — a partnership, "
                      "an agreement with your local authority — go through the board: allow "
                      "a few weeks.</p>"),
                ("quote", ("An association is first of all people who decide to act "
                           "together, in the evenings and at weekends, besides their work.",
                           "A volunteer, chair of a member association")),
            ]),
            ("What associations bring to your area", [
                ("p", "<p>Associations answer many needs — welcome, mutual aid, sport, "
                      "culture, education, environment — with actions <b>complementary to "
                      "those of local authorities</b>. They know the ground, reach people "
                      "public services hardly reach, and bring residents together.</p>"),
                ("figures", None),
                ("impact_figures", None),
                ("p", "<p>They can be <b>a means to carry out your policies</b>: not one "
                      "more contractor, but a partner who reports needs, difficulties, "
                      "successes and failures. Their social value is also measured in "
                      "volunteering, personal fulfilment and regained power to act.</p>"),
                ("directory", None),
            ]),
            ("Supporting associations beyond calls for projects", [
                ("p", "<p>Associations tell us: the <b>growing number of calls for "
                      "projects</b>, needed to survive from one year to the next, eats into "
                      "their work on the ground. Each application takes days, often of "
                      "volunteers; each funded project ends with its call, and jobs in "
                      "associations stay precarious.</p>"),
                ("h3", "What really makes a difference"),
                ("p", "<ul><li><b>Multi-year operating grants</b>, funding the "
                      "association's whole project rather than an action cut out for an "
                      "application;</li><li><b>multi-year objectives agreements (CPO)</b>, "
                      "over three or four years, with shared goals and a joint "
                      "evaluation;</li><li><b>premises</b>: a room, a shared office, storage "
                      "space;</li><li><b>equipment</b>: tables, marquees, a minibus, a sound "
                      "system;</li><li><b>payments on time</b>, so that associations do not "
                      "have to advance cash they do not have.</li></ul>"),
                ("p", "<p>Support in kind is shown in the association's accounts and in "
                      "yours: it counts, even without a new budget line.</p>"),
            ]),
            ("Working together", [
                ("p", "<p>Involving associations <b>before</b> deciding rather than after: "
                      "that is what makes a local policy fair and lasting.</p>"),
                ("p", "<ul><li><b>Consult</b> the associations concerned when preparing a "
                      "policy, a facility, a budget;</li><li><b>open your bodies</b>: "
                      "neighbourhood councils, development councils, committees, at hours "
                      "volunteers can make;</li><li><b>meet regularly</b>, not only when "
                      "grants are decided: one meeting a year with the associations of the "
                      "commune already changes a lot.</li></ul>"),
                ("h3", "The collective, a partner to talk to"),
                ("p", "<p>The collective gathers associations of every field and of the "
                      "whole department, each with equal weight. It can point you to the "
                      "right associations, speak with one voice, and organise a meeting on "
                      "a theme with you. In each area, a member association acts as "
                      "<b>spokesperson</b> and reports what it sees.</p>"),
            ]),
            ("Frequently asked questions", [
                ("faq", [
                    ("Can an association receive a grant and also invoice services?",
                     "<p>Yes. An association may earn income from its activities; a grant "
                     "supports a project of general interest it carries, public procurement "
                     "buys a service the authority defines.</p>"),
                    ("How can I support an association without a call for projects?",
                     "<p>With a multi-year operating grant, a multi-year objectives "
                     "agreement, premises or equipment.</p>"),
                    ("May a councillor sit on the board of an association her commune "
                     "funds?",
                     "<p>It is possible but delicate: she must take no part in the "
                     "decisions about the association. Ask your authority's legal "
                     "department.</p>"),
                    ("How do I find out which associations work in my commune?",
                     "<p>Search the collective's directory, based on the national register "
                     "of associations, or write to us: we will put you in touch.</p>"),
                    ("Whom should I contact in the collective?",
                     "<p>The contacts of the next chapter: the coordination, or the "
                     "spokesperson association of your area.</p>"),
                ]),
            ]),
            ("Contacts", [
                ("p", "<p>For a question, a meeting, or to meet the associations of your "
                      "commune:</p>"),
                ("contact", {"name": "Coordination of the collective", "role": "welcoming "
                             "elected officials and their services", "organisation":
                             "Collectif des associations de Seine-et-Marne",
                             "email": CONTACT_EMAIL, "phone": "01 60 00 00 00"}),
                ("contact", {"name": "Fatou Diallo", "role": "spokesperson for the north of "
                             "the department", "organisation": "Entraide et partage chellois",
                             "email": "porte-parole-nord@example.org", "phone": ""}),
            ]),
        ],
    },
}


def chapter_body(text, kind, value, directory):
    """One block of a chapter, from the compact tuples above."""
    if kind == "p":
        return ("paragraph", RichText(value))
    if kind == "h3":
        return ("heading", {"text": value, "level": "h3"})
    if kind == "quote":
        return ("quote", {"quote": value[0], "attribution": value[1]})
    if kind == "faq":
        items = [{"question": question, "answer": RichText(answer)} for question, answer in value]
        return ("accordion", {"title": "", "items": items})
    if kind in ("figures", "impact_figures"):
        keys = LIVE_FIGURES if kind == "figures" else IMPACT_FIGURES
        return ("live_figures", {"title": text[f"{kind}_title"], "figures": [
            {"figure": key, "label": ""} for key in keys]})
    if kind == "directory":
        title, description, label = text["directory_cta"]
        return ("call_to_action", {"title": title, "text": description,
                                   "link": {"page": directory, "url": "", "label": label}})
    return (kind, value)  # contact


def chapters(language, directory):
    text = GUIDE[language]
    return [
        ("chapter", {"title": title, "body": [
            chapter_body(text, kind, value, directory) for kind, value in blocks
            if kind != "directory" or directory is not None
        ]})
        for title, blocks in text["chapters"]
    ]


def seed(command, home, english):
    """The guide and the members page under `home`, and their English versions: {slug: page}
    for the menus."""
    return {GUIDE_SLUG: guide(command, home, english),
            MEMBERS_SLUG: members_page(command, home, english)}


def guide(command, home, english):
    existing = home.get_children().filter(slug=GUIDE_SLUG).specific().first()
    if existing is not None and not isinstance(existing, GuidePage):
        command.stdout.write(
            f"Left as it is: /{GUIDE_SLUG}/ is a {type(existing).__name__}, made before the "
            "guide had its own page type. Delete it in the admin and run seed_demo again to "
            "get the demo guide."
        )
        return existing
    directory = DirectoryPage.objects.child_of(home).first()
    page = existing
    if page is None:
        text = GUIDE["fr"]
        page = GuidePage(title=text["title"], slug=GUIDE_SLUG, introduction=text["introduction"],
                         edition=text["edition"], chapters=chapters("fr", directory))
        home.add_child(instance=page)
        page.save_revision().publish()
        command.created += 1
    if page.get_translation_or_none(english) is None:
        text = GUIDE["en"]
        page_en = page.copy_for_translation(english)
        page_en.title, page_en.slug = text["title"], text["slug"]
        page_en.introduction, page_en.edition = text["introduction"], text["edition"]
        page_en.chapters = chapters("en", directory)
        page_en.save_revision().publish()
        command.created += 1
    return page


def members_page(command, home, english):
    page = MembersPage.objects.child_of(home).first()
    if page is None:
        text = MEMBERS["fr"]
        page = MembersPage(title=text["title"], slug=text["slug"],
                           introduction=text["introduction"],
                           join_page=Page.objects.live().filter(slug=JOIN_SLUG).first())
        home.add_child(instance=page)
        page.save_revision().publish()
        command.created += 1
    if page.get_translation_or_none(english) is None:
        text = MEMBERS["en"]
        page_en = page.copy_for_translation(english)
        page_en.title, page_en.slug = text["title"], text["slug"]
        page_en.introduction = text["introduction"]
        page_en.save_revision().publish()
        command.created += 1
    return page
