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

MAIN_MENU = ["le-collectif", "agenda", "campagnes", "annuaire", "observatoire", "guide-des-elus",
             "charte"]
FOOTER_MENU = ["le-collectif", "guide-des-elus", "membres", "notre-histoire"]

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


# Campaigns (seed_demo): the campaigns page, the elected officials they address, three
# campaigns with their English version, and their signers. Days are counted from today
# (negative: in the past), so that the demo stays current whenever it is loaded.
CAMPAIGNS_PAGE = {
    "fr": {
        "title": "Campagnes",
        "slug": "campagnes",
        "introduction": (
            "Appels à projets à répétition, emplois précaires, salles qui deviennent payantes : "
            "quand les associations du département rencontrent les mêmes difficultés, le "
            "collectif interpelle les élus. Signez, écrivez à vos élus, et suivez où en sont "
            "nos campagnes."
        ),
    },
    "en": {
        "title": "Campaigns",
        "slug": "campaigns",
        "introduction": (
            "Endless calls for projects, precarious jobs, meeting rooms that start charging: "
            "when the associations of the department face the same difficulties, the collective "
            "calls on elected officials. Sign, write to your representatives, and follow where "
            "our campaigns stand."
        ),
    },
}

# Fictional people in real mandates and places of Seine-et-Marne. Postcodes: those whose
# signers are offered the official (empty: the whole department).
ELECTED_OFFICIALS = [
    {
        "name": "Sylvie Marchand", "mandate": "departmental",
        "body": "Conseil départemental de Seine-et-Marne", "area": "Canton de Chelles",
        "postcodes": "77500 77177 77181 77360",
        "email": "sylvie.marchand@departement77.example.org",
    },
    {
        "name": "Thierry Lenoir", "mandate": "departmental",
        "body": "Conseil départemental de Seine-et-Marne", "area": "Canton de Meaux",
        "postcodes": "77100 77124", "email": "thierry.lenoir@departement77.example.org",
    },
    {
        "name": "Hélène Ferrand", "mandate": "departmental",
        "body": "Conseil départemental de Seine-et-Marne", "area": "Canton de Combs-la-Ville",
        "postcodes": "77380 77170", "email": "helene.ferrand@departement77.example.org",
    },
    {
        "name": "Marc Delaunay", "mandate": "deputy", "body": "Assemblée nationale",
        "area": "6e circonscription de Seine-et-Marne", "postcodes": "77100 77124 77440",
        "email": "marc.delaunay@assemblee-nationale.example.org",
        "phone": "01 60 00 00 16",
    },
    {
        "name": "Françoise Aubert", "mandate": "senator", "body": "Sénat",
        "area": "Seine-et-Marne", "postcodes": "",
        "email": "f.aubert@senat.example.org",
    },
    {
        "name": "Pascal Renaud", "mandate": "mayor", "body": "Mairie de Chelles",
        "area": "Chelles", "postcodes": "77500",
        "contact_url": "https://www.chelles.example.org/contacter-le-maire",
        "phone": "01 60 00 00 77",
    },
]

CONSENT_EN = (
    "I agree that the collective records my signature (name, email address, postcode, "
    "association, comment) to count it, hand it to the elected officials the campaign "
    "addresses and keep me informed of what follows. I can ask the collective at any time for "
    "a copy or the erasure of these data."
)

# People who sign the demo petitions: first name, last name, postcode, association (a name
# of the demo directory is linked to its record; any other is kept as typed, or none).
SIGNERS = [
    ("Fatou", "Diallo", "77500", "Entraide et partage chellois"),
    ("Lucas", "Bernard", "77360", "Les Jardins partagés de Vaires"),
    ("Nadia", "Benali", "77380", "Accueil des exilés en Brie"),
    ("Martine", "Leroy", "77100", "Secours solidaire meldois"),
    ("Jean-Pierre", "Gauthier", "77500", ""),
    ("Amina", "Traoré", "77500", "Aide aux devoirs du quartier des Coudreaux"),
    ("Sophie", "Lemaire", "77420", "Comité des fêtes de Champs-sur-Marne"),
    ("Karim", "Haddad", "77100", "Maison de l'emploi de Meaux"),
    ("Claire", "Dubois", "77000", "Chorale À travers chants"),
    ("Thomas", "Moreau", "77340", "Football club de Pontault"),
    ("Inès", "Carpentier", "77124", ""),
    ("Bernard", "Petit", "77500", "Entraide et partage chellois"),
    ("Élodie", "Fontaine", "77360", "Les Jardins partagés de Vaires"),
    ("Mamadou", "Sy", "77380", "Accueil des exilés en Brie"),
    ("Chantal", "Rousseau", "77100", "Épicerie solidaire de Meaux"),
    ("Yannick", "Le Goff", "77177", ""),
    ("Aïcha", "Mansouri", "77500", "Aide aux devoirs du quartier des Coudreaux"),
    ("Pierre", "Lambert", "77120", "Association familiale de Coulommiers"),
    ("Julie", "Marchetti", "77440", ""),
    ("Ousmane", "Keita", "77100", "Secours solidaire meldois"),
    ("Monique", "Girard", "77181", "Club des aînés de Courtry"),
    ("Hugo", "Perrin", "77420", ""),
    ("Samia", "Belkacem", "77380", "Accueil des exilés en Brie"),
    ("Gérard", "Colin", "77500", "Entraide et partage chellois"),
    ("Laura", "Vasseur", "77170", "Brie solidaire"),
    ("Vincent", "Roux", "77000", ""),
    ("Rose", "Nguyen", "77340", "Football club de Pontault"),
    ("Antoine", "Blanchard", "77100", "Maison de l'emploi de Meaux"),
    ("Léa", "Morin", "77360", "Les Jardins partagés de Vaires"),
    ("Sébastien", "Caron", "77500", ""),
    ("Mariam", "Coulibaly", "77500", "Aide aux devoirs du quartier des Coudreaux"),
    ("Denis", "Robert", "77124", "Secours solidaire meldois"),
    ("Nathalie", "Faure", "77380", ""),
    ("Rachid", "Amrani", "77100", "Secours solidaire meldois"),
    ("Isabelle", "Garnier", "77500", "Comité de quartier Chelles-Centre"),
    ("Paul", "Chevalier", "77360", ""),
    ("Yasmine", "Ouali", "77500", "Entraide et partage chellois"),
    ("François", "Marie", "77420", "Comité des fêtes de Champs-sur-Marne"),
    ("Agnès", "Renard", "77177", ""),
    ("Kevin", "Dumont", "77500", "Aide aux devoirs du quartier des Coudreaux"),
]

# Each campaign: its page (French) and its English version; `officials` by name, `carriers`
# by association name, `updates` as (days, title, text); `signers`: a slice of SIGNERS, who
# signed between `signed_from` and `signed_until` days; `comments`: (index in SIGNERS,
# comment, moderation status); `hidden`: indexes of signers who did not ask to be named;
# `letters`: indexes of signers whose letters the site sent.
CAMPAIGNS = [
    {
        "slug": "conventions-pluriannuelles",
        "title": "Des conventions pluriannuelles, pas des appels à projets à répétition",
        "introduction": (
            "Chaque année, nos associations passent des semaines à remplir des dossiers d'appels "
            "à projets pour des financements d'un an. Ce temps est pris sur l'action de terrain, "
            "et aucun emploi ne tient sur un financement d'un an. Nous demandons au Département "
            "des conventions pluriannuelles d'objectifs."
        ),
        "theme": "emploi-associatif",
        "status": "open",
        "published_days": -40,
        "goal": 1500,
        "deadline_days": 75,
        "letter_delivery": "mailto",
        "letter_subject": "Pour des conventions pluriannuelles avec les associations de "
                          "Seine-et-Marne",
        "letter_body": (
            "À l'attention de {elu}\n\n"
            "Madame la Conseillère départementale, Monsieur le Conseiller départemental,\n\n"
            "Je m'engage dans une association de notre canton. Comme beaucoup d'autres, elle "
            "consacre chaque année des semaines à répondre à des appels à projets pour des "
            "financements d'un an, au détriment de son action auprès des habitants, et ne peut "
            "offrir à ses salariés que des contrats précaires.\n\n"
            "Je vous demande de soutenir, lors du prochain vote du budget départemental, des "
            "conventions pluriannuelles d'objectifs de trois ans avec les associations qui le "
            "demandent, des subventions de fonctionnement et un dossier unique.\n\n"
            "Je vous prie d'agréer l'expression de mes salutations distinguées.\n\n"
            "{signataire}"
        ),
        "officials": ["Sylvie Marchand", "Thierry Lenoir", "Hélène Ferrand"],
        "carriers": ["Entraide et partage chellois", "Secours solidaire meldois",
                     "Les Jardins partagés de Vaires"],
        "demands": [
            ("Des conventions pluriannuelles d'objectifs de trois ans",
             "Une convention de trois ans, signée avec chaque association qui le demande, "
             "finance son projet associatif et pas seulement des actions ponctuelles. La "
             "circulaire du Premier ministre du 29 septembre 2015 le recommande déjà."),
            ("Des subventions de fonctionnement, pas seulement des financements par projet",
             "Le loyer, la comptabilité, la coordination des bénévoles : ce qui fait tenir une "
             "association n'entre dans aucun appel à projets."),
            ("Un dossier unique pour la durée de la convention",
             "Un seul dossier (le Cerfa 12156), déposé une fois, puis un bilan annuel d'une page "
             "plutôt qu'un nouveau dossier chaque année."),
            ("Des versements à date fixe",
             "Le premier versement avant la fin du premier trimestre, pour que les associations "
             "n'avancent plus les salaires sur leur trésorerie."),
        ],
        "body": [
            ("heading", "Le constat"),
            ("paragraph",
             "<p>Dès nos premiers ateliers, en 2017, le même mot revenait : un <b>sentiment "
             "d'enfermement</b>. Les appels à projets se multiplient, chacun avec son dossier, "
             "ses critères et son calendrier, et les associations passent de plus en plus de "
             "temps à survivre et de moins en moins sur le terrain.</p>"),
            ("key_figures", {
                "title": "Ce que disent les associations du collectif",
                "figures": [
                    {"value": "23 jours", "label": "par an passés à répondre à des appels à "
                     "projets, en moyenne", "source": "Enquête du collectif, automne"},
                    {"value": "7 sur 10", "label": "associations employeuses ont un poste qui "
                     "dépend d'un financement d'un an", "source": "Enquête du collectif, "
                     "automne"},
                    {"value": "4 mois", "label": "d'attente du premier versement, en moyenne",
                     "source": "Enquête du collectif, automne"},
                ],
            }),
            ("quote", ("Multiplication des appels à projets pour survie qui empiètent sur "
                       "l'action de terrain.", "Synthèse des ateliers fondateurs, 2017")),
            ("heading", "Pourquoi le Département"),
            ("paragraph",
             "<p>Le Département est le premier financeur public de nos associations dans "
             "l'action sociale, l'insertion et l'accès aux droits. Son budget est voté chaque "
             "année : c'est le moment de changer la règle. Écrivez à vos conseillers "
             "départementaux, la lettre est prête.</p>"),
        ],
        "updates": [
            (-40, "Lancement de la campagne",
             "<p>Quinze associations du collectif ont adopté le texte de la campagne lors de la "
             "rencontre mensuelle du réseau.</p>"),
            (-21, "Les résultats de notre enquête",
             "<p>Quarante-deux associations ont répondu : elles passent en moyenne "
             "<b>23 jours par an</b> sur des dossiers d'appels à projets. Les chiffres sont dans "
             "l'argumentaire ci-dessous.</p>"),
            (-6, "Rendez-vous obtenu au Département",
             "<p>La vice-présidente chargée de la vie associative recevra une délégation du "
             "collectif avant le vote du budget. Continuez à signer : le nombre de signatures "
             "sera notre meilleur argument.</p>"),
        ],
        "signers": (0, 28), "signed_from": -39, "signed_until": -1,
        "hidden": [4, 10, 15, 21],
        "comments": [
            (0, "Nous avons rempli six dossiers l'an dernier pour financer le même poste. Six !",
             "approved"),
            (3, "Une convention de trois ans, c'est pouvoir enfin embaucher en CDI.",
             "approved"),
            (12, "Le jardin tient grâce aux bénévoles, mais la coordinatrice dépend d'un appel "
                 "à projets chaque printemps.", "approved"),
            (19, "Signé pour l'équipe de la distribution alimentaire de Meaux.", "pending"),
        ],
        "letters": [],
        "en": {
            "slug": "multi-year-funding-agreements",
            "title": "Multi-year funding agreements, not endless calls for projects",
            "introduction": (
                "Every year our associations spend weeks filling in calls for projects for "
                "one-year funding. That time is taken from the work on the ground, and no job "
                "can last on one-year funding. We ask the Department for multi-year funding "
                "agreements."
            ),
            "demands": [
                ("Three-year funding agreements",
                 "A three-year agreement, signed with every association that asks for one, "
                 "funds its whole project and not only one-off actions. A Prime Minister's "
                 "circular of 29 September 2015 already recommends it."),
                ("Operating grants, not only project funding",
                 "Rent, bookkeeping, coordinating volunteers: what keeps an association going "
                 "fits in no call for projects."),
                ("One application for the length of the agreement",
                 "A single application (the Cerfa 12156 form), filed once, then a one-page "
                 "yearly report instead of a new application every year."),
                ("Payments on fixed dates",
                 "The first payment before the end of the first quarter, so that associations "
                 "no longer pay salaries out of their own reserves."),
            ],
            "body": [
                ("heading", "What we see"),
                ("paragraph",
                 "<p>From our first workshops in 2017, the same words kept coming back: a "
                 "<b>feeling of being trapped</b>. Calls for projects multiply, each with its "
                 "form, its criteria and its calendar, and associations spend more and more "
                 "time surviving and less and less time in the field.</p>"),
                ("key_figures", {
                    "title": "What the associations of the collective say",
                    "figures": [
                        {"value": "23 days", "label": "a year spent answering calls for "
                         "projects, on average", "source": "The collective's autumn survey"},
                        {"value": "7 in 10", "label": "employing associations have a job that "
                         "depends on one-year funding",
                         "source": "The collective's autumn survey"},
                        {"value": "4 months", "label": "waiting for the first payment, on "
                         "average", "source": "The collective's autumn survey"},
                    ],
                }),
                ("quote", ("Ever more calls for projects, just to survive, eating into the "
                           "work on the ground.", "Founding workshops, 2017")),
                ("heading", "Why the Department"),
                ("paragraph",
                 "<p>The Department is the first public funder of our associations in social "
                 "work, integration and access to rights. Its budget is voted every year: that "
                 "is when the rule can change. Write to your departmental councillors, the "
                 "letter is ready (in French, as they read it).</p>"),
            ],
            "updates": [
                ("Campaign launched",
                 "<p>Fifteen associations of the collective adopted the campaign's text at the "
                 "monthly network meeting.</p>"),
                ("The results of our survey",
                 "<p>Forty-two associations answered: on average they spend <b>23 days a "
                 "year</b> on applications to calls for projects. The figures are below.</p>"),
                ("Meeting granted at the Department",
                 "<p>The vice-president in charge of associations will meet a delegation of "
                 "the collective before the budget vote. Keep signing: the number of "
                 "signatures is our best argument.</p>"),
            ],
        },
    },
    {
        "slug": "emplois-acces-aux-droits",
        "title": "Des emplois stables pour l'accès aux droits",
        "introduction": (
            "Juristes, travailleuses sociales, coordinateurs de bénévoles : dans nos permanences "
            "d'accès aux droits, la plupart des salariés sont en contrat aidé ou en CDD, financés "
            "projet par projet. Quand le contrat s'arrête, la permanence ferme. Écrivez à vos "
            "parlementaires : le site leur envoie votre lettre."
        ),
        "theme": "acces-aux-droits",
        "status": "open",
        "published_days": -30,
        "goal": None,
        "deadline_days": None,
        "letter_delivery": "platform",
        "letter_subject": "Pérenniser les emplois des permanences d'accès aux droits en "
                          "Seine-et-Marne",
        "letter_body": (
            "À l'attention de {elu}\n\n"
            "Madame, Monsieur le Parlementaire,\n\n"
            "Dans notre département, des associations tiennent chaque semaine des permanences "
            "où l'on aide à faire valoir ses droits : logement, titre de séjour, prestations "
            "sociales, surendettement. Ceux qui les animent sont trop souvent en contrat aidé "
            "ou en CDD, financés projet par projet. Quand le contrat s'arrête, la permanence "
            "ferme et les personnes accompagnées perdent leur interlocuteur.\n\n"
            "Je vous demande de défendre, lors du vote de la loi de finances, davantage de "
            "postes Fonjep revalorisés, des contrats aidés d'au moins trois ans et un "
            "financement de fonctionnement des permanences associatives.\n\n"
            "Je vous prie d'agréer l'expression de ma haute considération.\n\n"
            "{signataire}"
        ),
        "officials": ["Marc Delaunay", "Françoise Aubert"],
        "carriers": ["Accueil des exilés en Brie", "Entraide et partage chellois",
                     "Aide aux devoirs du quartier des Coudreaux"],
        "demands": [
            ("Plus de postes Fonjep, et revalorisés",
             "Le Fonjep cofinance des postes associatifs pour trois ans. Son montant, à peine "
             "revalorisé depuis des années, ne couvre plus qu'une petite part d'un salaire."),
            ("Des contrats aidés d'au moins trois ans",
             "Pour que les personnes accueillies retrouvent le même interlocuteur d'une année "
             "sur l'autre, et que les salariés puissent se former."),
            ("Financer les permanences au fonctionnement",
             "Reconnaître les permanences associatives d'accès aux droits comme un service "
             "d'intérêt général, financé dans la durée et non à l'appel à projets."),
        ],
        "body": [
            ("heading", "Ce que nous voyons sur le terrain"),
            ("paragraph",
             "<p>Les démarches passent en ligne, les guichets ferment, et les personnes les plus "
             "éloignées du numérique se tournent vers les associations. Nos permanences "
             "accueillent chaque mois des centaines de personnes, avec des équipes qui "
             "changent au rythme des fins de contrat.</p>"),
            ("quote", ("Quand notre juriste est partie à la fin de son contrat, nous avons dû "
                       "fermer la permanence du mardi. Quarante familles par mois n'avaient "
                       "plus personne pour les aider.",
                       "Une bénévole d'Accueil des exilés en Brie")),
            ("paragraph",
             "<p>Indiquez votre code postal en signant : le site vous propose vos "
             "parlementaires et leur envoie votre lettre, une fois votre signature "
             "confirmée.</p>"),
        ],
        "updates": [
            (-30, "Lancement de la campagne",
             "<p>Trois associations qui tiennent des permanences d'accès aux droits lancent "
             "la campagne avec le collectif.</p>"),
            (-12, "Premières lettres envoyées",
             "<p>Les premières lettres sont parties vers les parlementaires du département. "
             "Une permanence parlementaire nous a déjà proposé un rendez-vous.</p>"),
            (-2, "Rendez-vous au Forum de l'accès aux droits",
             "<p>Nous présenterons la campagne au <b>Forum de l'accès aux droits</b> de "
             "Chelles. Venez avec vos témoignages : ils nourriront le dossier remis aux "
             "parlementaires.</p>"),
        ],
        "signers": (20, 36), "signed_from": -29, "signed_until": -1,
        "hidden": [24, 29],
        "comments": [
            (22, "Trois CDD successifs en quatre ans pour notre juriste. Il faut que ça change.",
             "approved"),
            (30, "Les familles de l'aide aux devoirs ont besoin de ces permanences.",
             "approved"),
        ],
        "letters": [20, 22, 23, 27, 31, 33],
        "en": {
            "slug": "stable-jobs-for-access-to-rights",
            "title": "Stable jobs for access to rights",
            "introduction": (
                "Lawyers, social workers, volunteer coordinators: in our access-to-rights "
                "desks, most staff are on subsidised or fixed-term contracts, funded project by "
                "project. When the contract ends, the desk closes. Write to your members of "
                "Parliament: the site sends them your letter."
            ),
            "demands": [
                ("More Fonjep posts, and better funded",
                 "The Fonjep co-funds jobs in associations for three years. Its amount, hardly "
                 "raised in years, now covers only a small part of a salary."),
                ("Subsidised contracts of three years at least",
                 "So that the people we help find the same person from one year to the next, "
                 "and staff can be trained."),
                ("Fund the desks' running costs",
                 "Recognise associations' access-to-rights desks as a service of general "
                 "interest, funded over time and not through calls for projects."),
            ],
            "body": [
                ("heading", "What we see on the ground"),
                ("paragraph",
                 "<p>Procedures move online, counters close, and the people furthest from "
                 "digital tools turn to associations. Our desks see hundreds of people every "
                 "month, with teams that change as contracts end.</p>"),
                ("quote", ("When our lawyer left at the end of her contract, we had to close "
                           "the Tuesday desk. Forty families a month had no one left to help "
                           "them.", "A volunteer of Accueil des exilés en Brie")),
                ("paragraph",
                 "<p>Give your postcode when you sign: the site offers you your members of "
                 "Parliament and sends them your letter (in French) once your signature is "
                 "confirmed.</p>"),
            ],
            "updates": [
                ("Campaign launched",
                 "<p>Three associations that hold access-to-rights desks launch the campaign "
                 "with the collective.</p>"),
                ("First letters sent",
                 "<p>The first letters have gone to the department's members of Parliament. "
                 "One of their offices has already offered us a meeting.</p>"),
                ("See you at the Access to rights forum",
                 "<p>We will present the campaign at the <b>Access to rights forum</b> in "
                 "Chelles. Bring your stories: they will go into the file handed to members of "
                 "Parliament.</p>"),
            ],
        },
    },
    {
        "slug": "salles-gratuites-chelles",
        "title": "Des salles municipales gratuites pour les associations chelloises",
        "introduction": (
            "La nouvelle grille tarifaire de la ville prévoyait de faire payer aux associations "
            "les salles municipales. Pour beaucoup d'entre elles, c'était la fin des réunions, "
            "des cours de français et des répétitions. Ensemble, nous avons demandé le maintien "
            "de la gratuité, et nous l'avons obtenu."
        ),
        "theme": "vie-du-reseau",
        "status": "won",
        "published_days": -170,
        "goal": None,
        "deadline_days": -125,
        "letter_delivery": "",
        "outcome": (
            "<p>Le <b>conseil municipal de Chelles</b> a voté le maintien de la gratuité des "
            "salles municipales pour les associations de la ville, et des conventions "
            "d'occupation annuelles pour celles qui s'y réunissent chaque semaine. La Maison "
            "des associations ouvrira aussi un créneau le samedi matin. Merci à toutes celles "
            "et tous ceux qui ont signé !</p>"
        ),
        "officials": ["Pascal Renaud"],
        "carriers": ["Entraide et partage chellois", "Aide aux devoirs du quartier des Coudreaux",
                     "Les Jardins partagés de Vaires"],
        "demands": [
            ("Le maintien de la gratuité des salles municipales pour les associations",
             "Une salle pour se réunir, c'est la condition de toute vie associative, surtout "
             "pour les petites associations sans local."),
            ("Des conventions d'occupation annuelles",
             "Pour les associations qui se réunissent chaque semaine, plutôt qu'une réservation "
             "à refaire chaque mois."),
            ("Un planning des salles partagé et public",
             "Pour voir les créneaux libres et mutualiser les salles entre associations."),
        ],
        "body": [
            ("heading", "Pourquoi cette pétition"),
            ("paragraph",
             "<p>Cours de français, aide aux devoirs, réunions de bureau, répétitions : chaque "
             "semaine, des dizaines d'associations chelloises se retrouvent dans les salles "
             "municipales. Un tarif, même modeste, aurait fermé la porte aux plus petites.</p>"),
            ("quote", ("Mutualiser l'information, les compétences, les pratiques, les locaux.",
                       "Synthèse des ateliers fondateurs, 2017")),
        ],
        "updates": [
            (-170, "Lancement de la pétition",
             "<p>Six associations chelloises lancent la pétition avec le collectif.</p>"),
            (-124, "Pétition remise au maire",
             "<p>Une délégation de six associations a remis les signatures au maire lors de "
             "sa permanence, avec nos trois propositions.</p>"),
            (-95, "Le conseil municipal vote la gratuité",
             "<p>La délibération maintient la gratuité des salles et crée des conventions "
             "d'occupation annuelles. <b>Campagne gagnée.</b></p>"),
        ],
        "signers": (6, 40), "signed_from": -169, "signed_until": -126,
        "hidden": [8, 17, 25, 35],
        "comments": [
            (16, "Sans la salle Jean-Moulin, pas d'aide aux devoirs le mercredi.", "approved"),
            (34, "Notre comité de quartier se réunit depuis vingt ans dans cette salle.",
             "approved"),
            (38, "Faire payer les associations, c'est faire payer les habitants.", "rejected"),
        ],
        "letters": [],
        "en": {
            "slug": "free-meeting-rooms-in-chelles",
            "title": "Free council meeting rooms for the associations of Chelles",
            "introduction": (
                "The town's new price list would have made associations pay for council "
                "meeting rooms. For many of them, that meant the end of meetings, French "
                "lessons and rehearsals. Together we asked for the rooms to stay free, and we "
                "won."
            ),
            "outcome": (
                "<p>The <b>Chelles town council</b> voted to keep council meeting rooms free "
                "for the town's associations, with yearly agreements for those that meet every "
                "week. The Maison des associations will also open on Saturday mornings. Thank "
                "you to everyone who signed!</p>"
            ),
            "demands": [
                ("Keep council meeting rooms free for associations",
                 "A room to meet in is the condition of any association's life, above all for "
                 "small associations without premises."),
                ("Yearly agreements for regular users",
                 "For associations that meet every week, instead of a booking to renew every "
                 "month."),
                ("A shared, public room schedule",
                 "To see free slots and share rooms between associations."),
            ],
            "body": [
                ("heading", "Why this petition"),
                ("paragraph",
                 "<p>French lessons, homework help, board meetings, rehearsals: every week, "
                 "dozens of associations of Chelles meet in council rooms. A fee, however "
                 "small, would have shut the door on the smallest.</p>"),
                ("quote", ("Share information, skills, practices and premises.",
                           "Founding workshops, 2017")),
            ],
            "updates": [
                ("Petition launched",
                 "<p>Six associations of Chelles launch the petition with the collective.</p>"),
                ("Petition handed to the mayor",
                 "<p>A delegation of six associations handed the signatures to the mayor at "
                 "his office hours, with our three proposals.</p>"),
                ("The town council votes for free rooms",
                 "<p>The council's decision keeps the rooms free and creates yearly "
                 "agreements. <b>Campaign won.</b></p>"),
            ],
        },
    },
]
