"""The demo site's text, in French (source) and English, in the tone of the founding workshop
(see ../shared/seeds/). Kept apart from the command so that editors can read and fix it."""

COLLECTIVE = "Collectif des associations de Seine-et-Marne"
TAGLINE = "Ensemble, faire entendre la voix des associations du département"

HOME = {
    "fr": {
        "title": "Accueil",
        "hero_title": "Ensemble, les associations de Seine-et-Marne se font entendre",
        "introduction": (
            "Nous sommes un collectif offensif, politique et transversal d'associations loi 1901. "
            "Nous portons la voix du secteur associatif auprès des élus et des pouvoirs publics, "
            "nous nous entraidons et nous décidons ensemble : une association, une voix."
        ),
        "figures_title": "Le collectif en chiffres",
        "figures": [
            ("42", "associations membres", "Registre des adhésions, novembre 2026"),
            ("1 350", "bénévoles engagés dans nos associations", "Enquête annuelle du collectif"),
            ("12", "rencontres thématiques par an", ""),
        ],
        "why_title": "Pourquoi un collectif ?",
        "why": (
            "<p>Appels à projets à répétition, emplois précaires, subventions incertaines : "
            "les associations passent de plus en plus de temps à survivre et de moins en moins "
            "sur le terrain. Ensemble, nous voulons <b>réaffirmer la place des associations</b>, "
            "alerter les pouvoirs publics et retrouver de l'initiative collective.</p>"
            "<ul><li>représenter le secteur associatif auprès des pouvoirs publics ;</li>"
            "<li>échanger et mutualiser les compétences, les pratiques, les locaux ;</li>"
            "<li>démontrer et quantifier l'utilité sociale de nos actions ;</li>"
            "<li>faire circuler l'information entre toutes les associations membres.</li></ul>"
        ),
        "quote": "Que chacun ait sa place, même poids pour tous.",
        "quote_by": "Atelier fondateur, 31 janvier 2017",
        "cta_title": "Votre association partage ces valeurs ?",
        "cta_text": (
            "Le collectif est ouvert à toutes les associations du département qui défendent "
            "l'intérêt général, petites ou grandes, locales ou têtes de réseau."
        ),
        "cta_label": "Découvrir le collectif",
    },
    "en": {
        "title": "Home",
        "hero_title": "Together, the associations of Seine-et-Marne make themselves heard",
        "introduction": (
            "We are a bold, political and cross-sector collective of non-profit associations. "
            "We speak for the voluntary sector to elected officials and public authorities, we "
            "help one another and we decide together: one association, one vote."
        ),
        "figures_title": "The collective in figures",
        "figures": [
            ("42", "member associations", "Membership register, November 2026"),
            ("1,350", "volunteers active in our associations", "The collective's yearly survey"),
            ("12", "thematic meetings a year", ""),
        ],
        "why_title": "Why a collective?",
        "why": (
            "<p>Endless calls for projects, precarious jobs, uncertain grants: associations "
            "spend more and more time surviving and less and less time in the field. Together we "
            "want to <b>restate the place of associations</b>, alert public authorities and take "
            "the initiative again, collectively.</p>"
            "<ul><li>represent the voluntary sector to public authorities;</li>"
            "<li>share skills, practices and premises;</li>"
            "<li>show and measure the social value of what we do;</li>"
            "<li>keep information flowing between all member associations.</li></ul>"
        ),
        "quote": "Everyone has their place, with equal weight for all.",
        "quote_by": "Founding workshop, 31 January 2017",
        "cta_title": "Does your association share these values?",
        "cta_text": (
            "The collective is open to every association of the department that serves the "
            "general interest, small or large, local or federations."
        ),
        "cta_label": "About the collective",
    },
}

ABOUT = {
    "fr": {
        "title": "Le collectif",
        "slug": "le-collectif",
        "introduction": (
            "Né d'ateliers entre associations du département en 2017, le collectif défend et "
            "promeut le secteur associatif, et crée du lien entre la population et les "
            "associations."
        ),
        "body": [
            ("heading", "Notre objet"),
            ("paragraph",
             "<p>Défendre la liberté associative, renforcer le pouvoir des associations et "
             "construire une relation durable avec les pouvoirs publics. Nous voulons un réseau "
             "représentatif du tissu associatif du département, à une échelle qui nous semble "
             "pertinente : la Seine-et-Marne.</p>"),
            ("heading", "Comment nous décidons"),
            ("paragraph",
             "<p>Chaque association membre dispose d'une voix, quelle que soit sa taille. "
             "Chacune assume un rôle ou une tâche dans le collectif, pour que la place de chacune "
             "soit reconnue.</p>"),
        ],
    },
    "en": {
        "title": "The collective",
        "slug": "the-collective",
        "introduction": (
            "Born from workshops between associations of the department in 2017, the collective "
            "defends and promotes the voluntary sector and links people and associations."
        ),
        "body": [
            ("heading", "What we stand for"),
            ("paragraph",
             "<p>Defend the freedom of association, strengthen associations and build a lasting "
             "relationship with public authorities, across a network that truly represents the "
             "associations of Seine-et-Marne.</p>"),
            ("heading", "How we decide"),
            ("paragraph",
             "<p>Each member association has one vote, whatever its size. Each takes on a role "
             "or a task in the collective, so that everyone's place is recognised.</p>"),
        ],
    },
}

# French pages: (slug, title, introduction, body, parent slug or None for the home page).
PAGES = [
    (
        "notre-histoire", "Notre histoire",
        "Le 31 janvier 2017, une trentaine d'associations se sont réunies pour imaginer un "
        "collectif départemental.",
        [
            ("paragraph",
             "<p>Les ateliers ont fait ressortir un même constat : un sentiment d'enfermement, "
             "la multiplication des appels à projets qui empiètent sur l'action de terrain, et "
             "l'envie de <b>faire réseau</b>.</p>"),
            ("quote", ("Se rencontrer, se connaître, créer du lien et des partenariats.",
                       "Synthèse des ateliers")),
            ("heading", "Les prochaines étapes décidées ensemble"),
            ("paragraph",
             "<ol><li>faire un retour au sein de nos conseils d'administration ;</li>"
             "<li>rédiger l'objet du collectif, simple, clair et atteignable ;</li>"
             "<li>travailler sur les valeurs et le socle commun.</li></ol>"),
        ],
        "le-collectif",
    ),
    (
        "guide-des-elus", "Guide pour les élus",
        "Un outil pédagogique pour comprendre le fonctionnement associatif et ce que les "
        "associations peuvent apporter à vos politiques publiques.",
        [
            ("paragraph",
             "<p>Les associations répondent à des besoins variés, avec des actions "
             "complémentaires de celles des collectivités. Elles peuvent être un outil pour la "
             "mise en œuvre de vos politiques.</p>"),
            ("accordion", [
                ("Qu'est-ce qu'une association loi 1901 ?",
                 "<p>Un groupement d'au moins deux personnes qui mettent en commun leurs "
                 "connaissances ou leur activité dans un but autre que de partager des "
                 "bénéfices.</p>"),
                ("Comment soutenir une association sans appel à projets ?",
                 "<p>Par une subvention de fonctionnement pluriannuelle, la mise à disposition de "
                 "locaux ou de matériel, ou une convention d'objectifs.</p>"),
                ("Qui contacter au sein du collectif ?",
                 "<p>Écrivez-nous : une association membre, porte-parole sur votre territoire, "
                 "vous répondra.</p>"),
            ]),
        ],
        None,
    ),
    (
        "mentions-legales", "Mentions légales",
        "Éditeur du site, hébergeur et conditions d'utilisation.",
        [("paragraph",
          "<p>Ce site est édité par le Collectif des associations de Seine-et-Marne, "
          "association loi 1901. Directrice de la publication : la coordinatrice en exercice. "
          "Hébergement : à préciser par le collectif.</p>")],
        None,
    ),
    (
        "donnees-personnelles", "Données personnelles",
        "Quelles données nous traitons, pourquoi, combien de temps, et vos droits.",
        [("paragraph",
          "<p>Nous ne collectons que les données nécessaires (signatures de pétitions, "
          "inscriptions aux rencontres, comptes des membres). Vous pouvez demander l'accès, la "
          "rectification ou l'effacement de vos données en nous écrivant.</p>")],
        None,
    ),
    (
        "accessibilite", "Accessibilité",
        "Déclaration d'accessibilité du site au regard du RGAA.",
        [("paragraph",
          "<p>Le collectif s'engage à rendre son site accessible. Si vous rencontrez un "
          "obstacle, écrivez-nous : nous vous apporterons l'information par un autre moyen.</p>")],
        None,
    ),
]

MAIN_MENU = ["le-collectif", "agenda", "annuaire", "observatoire", "guide-des-elus",
             "notre-histoire"]
FOOTER_MENU = ["le-collectif", "guide-des-elus"]

DIRECTORY = {
    "title": "Annuaire des associations",
    "slug": "annuaire",
    "introduction": (
        "Les associations de Seine-et-Marne, d'après le Répertoire national des associations "
        "et ce qu'elles nous disent d'elles-mêmes. Cherchez par nom, activité ou commune."
    ),
}

OBSERVATORY = {
    "title": "Observatoire de la vie associative",
    "slug": "observatoire",
    "introduction": (
        "Combien d'associations font vivre la Seine-et-Marne, dans quels domaines et dans "
        "quelles communes, combien naissent et disparaissent chaque année : les chiffres de "
        "l'annuaire, mis à jour après chaque import du répertoire national."
    ),
}

EVENTS_PAGE = {
    "fr": {
        "title": "Agenda",
        "slug": "agenda",
        "introduction": (
            "Rencontres thématiques, réunions du réseau, formations : les rendez-vous du "
            "collectif, ouverts aux associations du département et à leurs bénévoles."
        ),
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "introduction": (
            "Thematic meetings, network evenings, training sessions: the collective's events, "
            "open to the associations of the department and their volunteers."
        ),
    },
}

# name, English name, slug
EVENT_THEMES = [
    ("Emploi associatif", "Jobs in associations", "emploi-associatif"),
    ("Accès aux droits", "Access to rights", "acces-aux-droits"),
    ("Vie du réseau", "Life of the network", "vie-du-reseau"),
]

EVENT_VENUES = [
    {
        "name": "Maison des associations de Meaux", "street_address": "6 rue Cornillon",
        "postcode": "77100", "commune": "77284", "position": (48.9594, 2.8790),
        "capacity": 60, "wheelchair_accessible": True, "hearing_loop": True,
        "access_notes": "Gare de Meaux (Transilien P) à 10 minutes à pied. Salle au "
                        "rez-de-chaussée, toilettes adaptées.",
    },
    {
        "name": "Salle Jean-Moulin", "street_address": "14 avenue de la Résistance",
        "postcode": "77500", "commune": "77108", "position": (48.8769, 2.5952),
        "capacity": 40, "wheelchair_accessible": False, "hearing_loop": False,
        "access_notes": "Salle au premier étage, sans ascenseur. Gare de Chelles-Gournay "
                        "(RER E) à 5 minutes ; parking de la mairie.",
    },
]

# The demo's events, from today: `days` from now (negative: past), local hours, and what an
# editor would type. `en`: the English version (None: not translated yet).
EVENTS = [
    {
        "slug": "rencontre-thematique-emploi-associatif",
        "title": "Rencontre thématique : l'emploi associatif",
        "introduction": (
            "Contrats aidés qui disparaissent, postes financés à l'appel à projets : comment "
            "garder nos salariés ? Une soirée pour partager nos solutions et préparer un "
            "plaidoyer commun."
        ),
        "theme": "emploi-associatif", "venue": "Maison des associations de Meaux",
        "days": 24, "start": (18, 30), "end": (21, 0),
        "registration_enabled": True, "capacity": 30,
        "accessibility_notes": "Documents remis en gros caractères sur demande.",
        "programme": [
            ("heading", "Au programme"),
            ("paragraph",
             "<ul><li>18 h 30 : accueil ;</li><li>19 h : témoignages de trois associations "
             "employeuses ;</li><li>19 h 45 : ateliers en petits groupes ;</li><li>20 h 30 : "
             "propositions pour le plaidoyer, et pot de l'amitié.</li></ul>"),
        ],
        "speakers": [("Fatou Diallo", "Entraide et partage chellois"),
                     ("Karim Haddad", "Juriste, Maison de l'emploi de Meaux")],
        "organisers": [],
        "en": None,  # not translated: its registrations are taken on the French page
    },
    {
        "slug": "rencontre-mensuelle-du-reseau",
        "title": "Rencontre mensuelle du réseau",
        "introduction": (
            "Chaque deuxième mardi du mois, les associations du collectif se retrouvent pour "
            "faire le point, partager les nouvelles et préparer les actions communes. Ouverte "
            "à toutes les associations membres, sans inscription."
        ),
        "theme": "vie-du-reseau", "venue": "Salle Jean-Moulin",
        "monthly_second_tuesday": True, "start": (19, 0), "end": (21, 0), "months": 11,
        "online_url": "https://visio.example.org/collectif77-reseau",
        "organisers": [],
        "en": {
            "slug": "monthly-network-meeting", "title": "Monthly network meeting",
            "introduction": (
                "On the second Tuesday of each month, the associations of the collective meet "
                "to take stock, share news and prepare joint actions. Open to every member "
                "association, no registration needed."
            ),
        },
    },
    {
        "slug": "formation-demande-de-subvention",
        "title": "Formation : rédiger une demande de subvention",
        "introduction": (
            "Une journée pour comprendre le Cerfa 12156, construire un budget prévisionnel et "
            "présenter son projet à une collectivité."
        ),
        "theme": "emploi-associatif", "venue": "Maison des associations de Meaux",
        "days": 38, "start": (9, 30), "end": (17, 0),
        "is_free": False, "price": "10 € pour les associations membres, 20 € sinon (repas "
                                   "compris)",
        "organisers": [],
        "en": {
            "slug": "training-grant-applications",
            "title": "Training: writing a grant application",
            "introduction": (
                "A day to understand the Cerfa 12156 form, build a budget forecast and present "
                "a project to a local authority."
            ),
        },
    },
    {
        "slug": "forum-acces-aux-droits",
        "title": "Forum de l'accès aux droits",
        "introduction": (
            "Des permanences juridiques, sociales et administratives tenues par les "
            "associations du collectif, ouvertes à toutes et à tous."
        ),
        "theme": "acces-aux-droits", "venue": "Salle Jean-Moulin",
        "days": 52, "start": (14, 0), "end": (18, 0),
        "accessibility_notes": "Interprétation en langue des signes française (LSF) de 14 h à "
                               "16 h.",
        "programme": [
            ("paragraph",
             "<p>Logement, droits des étrangers, accès aux soins, surendettement : venez avec "
             "vos questions, des bénévoles formés vous reçoivent sans rendez-vous.</p>"),
        ],
        "organisers": ["Entraide et partage chellois", "Accueil des exilés en Brie"],
        "en": {
            "slug": "access-to-rights-forum", "title": "Access to rights forum",
            "introduction": (
                "Legal, social and administrative advice desks held by the associations of the "
                "collective, open to everyone."
            ),
        },
    },
    {
        "slug": "lancement-agenda-commun",
        "title": "Soirée de lancement de l'agenda commun",
        "introduction": (
            "Le collectif a présenté son agenda partagé : chaque association peut y proposer "
            "ses rencontres ouvertes au réseau."
        ),
        "theme": "vie-du-reseau", "venue": "Salle Jean-Moulin",
        "days": -45, "start": (19, 0), "end": (21, 0),
        "summary": "Compte rendu de la soirée de lancement de l'agenda commun",
        "organisers": ["Les Jardins partagés de Vaires"],
        "en": {
            "slug": "shared-calendar-launch", "title": "Launch evening of the shared calendar",
            "introduction": (
                "The collective presented its shared calendar: each association can propose its "
                "meetings open to the network."
            ),
        },
    },
    {
        "slug": "atelier-benevolat-de-competences",
        "title": "Atelier : le bénévolat de compétences",
        "introduction": (
            "Comment accueillir des bénévoles qui apportent un savoir-faire (comptabilité, "
            "communication, droit) sans épuiser les équipes."
        ),
        "theme": "emploi-associatif", "venue": "Maison des associations de Meaux",
        "days": -12, "start": (14, 0), "end": (17, 0),
        "organisers": [],
        "en": None,
    },
]

# name, short name, commune code, sector family, description, date of creation, and where the
# association says it is (latitude, longitude: its premises, as it would type them in its
# record). Which ones are members of the collective follows from the demo memberships.
ASSOCIATIONS = [
    ("Entraide et partage chellois", "EPC", "77108", "019000",
     "Nous rompons l'isolement des personnes âgées par des visites et des sorties.",
     "1998-03-12", (48.8794, 2.5903)),
    ("Les Jardins partagés de Vaires", "", "77479", "024000",
     "Un jardin cultivé ensemble, ouvert aux habitants du quartier et aux écoles.",
     "2012-05-02", (48.8726, 2.6478)),
    ("Comité des fêtes de Champs-sur-Marne", "", "77083", "009000",
     "Fête de la musique, marché de Noël et brocante d'été.",
     "1987-09-20", (48.853, 2.603)),
    ("Secours solidaire meldois", "", "77284", "020000",
     "Distribution alimentaire et accompagnement des familles en difficulté.",
     "2004-01-15", (48.9584, 2.8773)),
    ("Chorale À travers chants", "", "77288", "006000",
     "Chant choral pour tous, sans audition, concerts dans le nord du département.",
     "2016-10-03", (48.5397, 2.6553)),
    ("Accueil des exilés en Brie", "AEB", "77122", "019000",
     "Hébergement solidaire, cours de français et accompagnement administratif.",
     "2016-02-18", (48.6645, 2.564)),
    ("Football club de Pontault", "FCP", "77373", "011000",
     "École de football, équipes féminines et masculines dès six ans.",
     "1995-06-01", (48.801, 2.607)),
    ("Aide aux devoirs du quartier des Coudreaux", "", "77108", "019000",
     "Accompagnement scolaire bénévole du CP à la troisième.",
     "2009-09-07", (48.887, 2.616)),
]


# The extranet's life (seed_demo): news categories, working groups with their tasks and
# meetings, and a few posts with comments. People are those of DEMO_MEMBERS, by username.
NEWS_CATEGORIES = [
    ("Vie du réseau", "vie-du-reseau"),
    ("Appels à projets", "appels-a-projets"),
    ("Formations", "formations"),
]

WORKING_GROUPS = [
    {
        "name": "Plaidoyer auprès des élus",
        "description": (
            "Construire une relation suivie avec les pouvoirs publics : un guide pédagogique "
            "pour les élus, des rencontres en mairie, et faire remonter les besoins du terrain."
        ),
        "lead": "Entraide et partage chellois",
        "members": ["representante", "coordination"],
        "tasks": [
            # title, responsible association, assignee username, due in days, status
            ("Rédiger la fiche « Qu'est-ce qu'une association loi 1901 ? » du guide des élus",
             "Entraide et partage chellois", "representante", 21, "in_progress"),
            ("Recenser les élus à la vie associative des communes du département",
             "Accueil des exilés en Brie", "coordination", 45, "todo"),
            ("Relire la charte avant sa publication", "Les Jardins partagés de Vaires", None,
             -3, "todo"),
        ],
        "meetings": [
            # title, in days, hour, place
            ("Préparer la rencontre avec le conseil départemental", 9, 18,
             "Maison des associations, Chelles"),
        ],
    },
    {
        "name": "Mutualisation et entraide",
        "description": (
            "Partager nos locaux, notre matériel et nos compétences : un répertoire de ce que "
            "chacun peut prêter, et des binômes entre associations."
        ),
        "lead": "Les Jardins partagés de Vaires",
        "members": ["membre"],
        "tasks": [
            ("Lister le matériel que chaque association peut prêter",
             "Les Jardins partagés de Vaires", "membre", 30, "todo"),
        ],
        "meetings": [
            ("Atelier « prêter nos salles »", 16, 14, "Jardins partagés, Vaires-sur-Marne"),
        ],
    },
]

NETWORK_MEETINGS = [
    ("Rencontre mensuelle du réseau", 23, 19, "Salle Jean-Moulin, Chelles"),
]

NEWS_POSTS = [
    {
        "title": "Bienvenue dans l'espace membres du collectif",
        "author": "coordination",
        "category": "vie-du-reseau",
        "pinned": True,
        "days_ago": 6,
        "body": (
            "Voici notre outil pour une bonne transmission des informations à chaque membre.\n\n"
            "Publiez les nouvelles de votre association, rejoignez un groupe de travail, et "
            "choisissez dans votre profil comment être prévenu·e : à chaque actualité, une fois "
            "par semaine, ou pas du tout."
        ),
        "comments": [
            ("representante", "Merci ! Enfin un endroit pour nous retrouver entre deux "
                              "rencontres."),
        ],
    },
    {
        "title": "Appel à projets « Vie associative locale » : date limite le 15 janvier",
        "author": "representante",
        "category": "appels-a-projets",
        "days_ago": 2,
        "body": (
            "Le département ouvre son appel à projets annuel. Nous pouvons répondre à plusieurs "
            "associations : qui est partant pour un dossier commun sur l'accès aux droits ?"
        ),
        "comments": [
            ("membre", "Les Jardins partagés sont partants, on en parle à la rencontre "
                       "mensuelle ?"),
        ],
    },
    {
        "title": "Compte rendu de la première réunion du groupe plaidoyer",
        "author": "representante",
        "category": "vie-du-reseau",
        "group": "Plaidoyer auprès des élus",
        "days_ago": 1,
        "body": (
            "Nous avons choisi trois priorités : le guide des élus, un rendez-vous avec le "
            "conseil départemental, et un recensement des élus à la vie associative.\n\n"
            "Les tâches sont dans la liste du groupe : chacun y prend sa part."
        ),
        "comments": [],
    },
]
