"""`python manage.py seed_demo`: a believable French demo site with its English home page.

Idempotent: what already exists is left as it is, so running it twice gives the same database.
Prints the demo accounts at the end (also listed in README.md). Never run it in production.

The site's pages, settings, menus and accounts are made here; each part of the site has its
own module in demo/ (events.py, campaigns.py, charter.py, guide.py, joining.py, network.py for
the extranet, governance.py, documents.py for the shared documents, impact.py for the impact
reports, mutual_aid.py for the mutual aid between associations, dues.py for the dues and the
solidarity fund), and the text of most of them is in the TOML files of demo/data/ (read by
demo/content.py).
"""

from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from demo import (
    campaigns,
    charter,
    content,
    documents,
    dues,
    events,
    governance,
    guide,
    impact,
    mutual_aid,
    network,
    photos,
)
from demo.joining import seed as seed_joining
from demo.streamfield import key_figure, stream
from directory.models import Association, Commune, DirectoryPage, ObservatoryPage, Sector
from extranet.accounts.models import Role
from extranet.accounts.services import add_membership
from home.models import HomePage, StandardPage
from portal.editorial import (
    COORDINATORS,
    EDITORS,
    MissingRootPage,
    setup_editorial_roles,
)
from portal.models import Menu, SiteSettings
from portal.site_setup import configure_default_site, ensure_locales

DEMO_ACCOUNTS = [
    # username, email, password, role, groups, superuser
    ("admin", "admin@example.org", "demo-admin-2026", "superutilisateur", [], True),
    ("redactrice", "redactrice@example.org", "demo-redaction-2026", "rédactrice bénévole",
     [EDITORS], False),
    ("coordinateur", "coordinateur@example.org", "demo-coordination-2026", "coordinateur",
     [COORDINATORS], False),
]

# People of the extranet (they sign in with their email at /extranet/): username, email,
# password, first name, last name, association, role. Not editors of the public site.
DEMO_MEMBERS = [
    ("representante", "representante@example.org", "demo-representation-2026", "Fatou",
     "Diallo", "Entraide et partage chellois", Role.REPRESENTATIVE),
    ("membre", "membre@example.org", "demo-membre-2026", "Lucas", "Bernard",
     "Les Jardins partagés de Vaires", Role.MEMBER),
    ("coordination", "coordination@example.org", "demo-coordination-reseau-2026", "Nadia",
     "Benali", "Accueil des exilés en Brie", Role.COORDINATOR),
]


class Command(BaseCommand):
    help = "Loads the demo content and accounts (idempotent). For development only."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Demo content (and its accounts with published passwords) is refused here: "
                "DEMO_CONTENT_ALLOWED is off, as in production settings."
            )
        try:
            home_en = self.seed()
        except MissingRootPage as error:
            raise CommandError(str(error)) from error
        self.report(home_en)

    @transaction.atomic
    def seed(self):
        self.created = 0
        locales = {locale.language_code: locale for locale in ensure_locales()}
        french, english = locales["fr"], locales["en"]
        roles = setup_editorial_roles()
        home = self.home_page(french)
        site = configure_default_site(home, site_name=content.COLLECTIVE)
        image = photos.photo("chemin")  # shown when no campaign is open
        pages = self.pages(home)
        pages["annuaire"] = self.directory(home)
        pages["observatoire"] = self.section_page(home, ObservatoryPage, content.OBSERVATORY)
        pages["agenda"] = events.seed(self, home)
        pages["campagnes"] = campaigns.seed(self, home)
        self.fill_home(home, image, pages)
        self.settings(site, pages)
        home_en = self.translate_home(home, english)
        self.translate_pages(pages, english)
        events.translate(self, pages["agenda"], english)
        campaigns.translate(self, pages["campagnes"], english)
        self.accounts(roles)
        self.members()
        # The register's decisions first: the charter's second version cites one of them.
        pages["decisions"] = governance.seed(self, home, english)
        pages["charte"] = charter.seed(self, home)
        pages.update(guide.seed(self, home, english))  # the guide and the members page
        # The impact reports after the governance, which makes the member associations.
        pages.update(impact.seed(self, home, english))
        # Mutual aid and the dues after the governance too: the fund's aid cites a decision.
        pages.update(mutual_aid.seed(self, home, english))
        pages.update(dues.seed(self, home, english))
        self.menus(french, english, pages)
        network.seed(self, [member[0] for member in DEMO_MEMBERS])
        # The library after the governance (its plenary reads a folder) and the working groups
        # (each has its folder).
        pages["documents"] = documents.seed(self, home, english)
        self.created += seed_joining(home, english)
        return home_en

    # Pages

    def home_page(self, french):
        home = HomePage.objects.filter(locale=french).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", locale=french))
            self.created += 1
        return home

    def page(self, parent, slug, title, introduction, body):
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = StandardPage(title=title, slug=slug, introduction=introduction, body=stream(body))
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def pages(self, home):
        about = content.ABOUT["fr"]
        pages = {
            about["slug"]: self.page(
                home, about["slug"], about["title"], about["introduction"], about["body"]
            )
        }
        for slug, title, introduction, body, parent_slug in content.PAGES:
            parent = pages[parent_slug] if parent_slug else home
            pages[slug] = self.page(parent, slug, title, introduction, body)
        return pages

    def section_page(self, home, model, text):
        """The home page's child of type `model` (the directory, the observatory), made from
        `text` if there is none yet."""
        existing = model.objects.child_of(home).first()
        if existing is not None:
            return existing
        page = model(title=text["title"], slug=text["slug"], introduction=text["introduction"])
        home.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def directory(self, home):
        page = self.section_page(home, DirectoryPage, content.DIRECTORY)
        for name, short_name, code, sector, description, created_on, position in (
            content.ASSOCIATIONS
        ):
            if Association.objects.filter(name=name).exists():
                continue
            commune = Commune.objects.get(code=code)
            latitude, longitude = (Decimal(str(value)) for value in position)
            association = Association(
                name=name, short_name=short_name, description=description, commune=commune,
                postcode=commune.postcodes.split()[0], created_on=created_on,
                latitude=latitude, longitude=longitude,
            )
            association.save()
            association.sectors.set([Sector.objects.get(code=sector)])
            self.created += 1
        for code, position in content.COMMUNE_CENTRES.items():
            latitude, longitude = (Decimal(str(value)) for value in position)
            Commune.objects.filter(code=code, latitude__isnull=True).update(
                latitude=latitude, longitude=longitude)
        return page

    def home_body(self, language, about_page):
        text = content.HOME[language]
        figures = [key_figure(figure) for figure in text["figures"]]
        return [
            ("key_figures", {"title": text["figures_title"], "figures": figures}),
            ("heading", {"text": text["why_title"], "level": "h2"}),
            ("paragraph", RichText(text["why"])),
            ("image", photos.block("pissenlits")),
            ("quote", {"quote": text["quote"], "attribution": text["quote_by"]}),
            ("call_to_action", {
                "title": text["cta_title"], "text": text["cta_text"],
                "link": {"page": about_page, "url": "", "label": text["cta_label"]},
            }),
        ]

    def fill_home(self, home, image, pages):
        if home.body:  # Already filled (or written by an editor): leave it alone.
            return
        text = content.HOME["fr"]
        home.title = text["title"]
        home.hero_title = text["hero_title"]
        home.introduction = text["introduction"]
        home.hero_image = image
        home.body = self.home_body("fr", pages["le-collectif"])
        home.save_revision().publish()
        self.created += 1

    def translate_home(self, home, english):
        home_en = home.get_translation_or_none(english)
        if home_en is None:
            home_en = home.copy_for_translation(english)
            text = content.HOME["en"]
            home_en.title = text["title"]
            home_en.slug = "home"
            home_en.hero_title = text["hero_title"]
            home_en.introduction = text["introduction"]
            about = home.body[-1].value["link"]["page"]
            home_en.body = self.home_body("en", about)
            home_en.save_revision().publish()
            self.created += 1
        return home_en

    def translate(self, page, english, text):
        """The English version of `page` from `text` (title, slug, introduction and, for a
        standard page, body), unless it has one."""
        if page.get_translation_or_none(english) is not None:
            return
        page_en = page.copy_for_translation(english)
        page_en.title, page_en.slug = text["title"], text["slug"]
        page_en.introduction = text["introduction"]
        if "body" in text:
            page_en.body = stream(text["body"])
        page_en.save_revision().publish()
        self.created += 1

    def translate_pages(self, pages, english):
        """The English site's standard pages, directory and observatory (a page's parent is
        translated before it: « Le collectif » first)."""
        self.translate(pages["le-collectif"], english, content.ABOUT["en"])
        for slug, text in content.PAGES_EN.items():
            self.translate(pages[slug], english, text)
        self.translate(pages["annuaire"], english, content.DIRECTORY["en"])
        self.translate(pages["observatoire"], english, content.OBSERVATORY["en"])

    # Settings, menus, accounts

    def settings(self, site, pages):
        site_settings = SiteSettings.for_site(site)
        if site_settings.contact_email:
            return
        site_settings.site_name = content.COLLECTIVE
        site_settings.tagline = content.TAGLINE
        site_settings.contact_email = "contact@collectif-associations77.example.org"
        site_settings.contact_phone = "01 60 00 00 00"
        site_settings.postal_address = "Maison des associations\n77500 Chelles"
        site_settings.social_links = [
            ("link", {"network": "mastodon", "url": "https://mastodon.example.org/@collectif77"}),
            ("link", {"network": "peertube", "url": "https://peertube.example.org/c/collectif77"}),
        ]
        site_settings.legal_notice_page = pages["mentions-legales"]
        site_settings.privacy_page = pages["confidentialite"]
        site_settings.accessibility_page = pages["accessibilite"]
        site_settings.save()
        self.created += 1

    def menus(self, french, english, pages):
        for location, entries in ((Menu.Location.MAIN, content.MAIN_MENU),
                                  (Menu.Location.FOOTER, content.FOOTER_MENU)):
            # An entry is a slug, or [slug, French label, English label].
            entries = [[entry, "", ""] if isinstance(entry, str) else entry for entry in entries]
            menu_fr = Menu.objects.filter(location=location, locale=french).first()
            if menu_fr is None:
                items = [("link", {"page": pages[slug], "url": "", "label": label_fr})
                         for slug, label_fr, _label_en in entries]
                menu_fr = Menu.objects.create(location=location, locale=french, items=items)
                self.created += 1
            if not Menu.objects.filter(location=location, locale=english).exists():
                menu_en = menu_fr.copy_for_translation(english)
                for item, (_slug, _label_fr, label_en) in zip(menu_en.items, entries,
                                                              strict=True):
                    item.value["label"] = label_en
                menu_en.save()
                self.created += 1

    def accounts(self, roles):
        User = get_user_model()
        groups = {roles.editors.name: roles.editors, roles.coordinators.name: roles.coordinators}
        for username, email, password, _role, group_names, superuser in DEMO_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            user = User(username=username, email=email, first_name=username.capitalize(),
                        is_staff=superuser, is_superuser=superuser)
            user.set_password(password)
            user.save()
            user.groups.set(groups[name] for name in group_names)
            # Editors sign in on the same page as members, with a confirmed address.
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            self.created += 1

    def members(self):
        User = get_user_model()
        for username, email, password, first_name, last_name, name, role in DEMO_MEMBERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User(username=username, email=email, first_name=first_name,
                        last_name=last_name)
            user.set_password(password)
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            add_membership(user, Association.objects.get(name=name), role, by=None)
            self.created += 1

    def report(self, home_en):
        self.stdout.write(self.style.SUCCESS(
            f"Demo content ready ({self.created} objects created, the rest already existed)."
        ))
        self.stdout.write(f"Site: {settings.WAGTAILADMIN_BASE_URL}/  (English: /en/)")
        self.stdout.write(f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write("Demo accounts (development only):")
        for username, email, password, role, _groups, _superuser in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<14} {password:<24} {role} <{email}>")
        self.stdout.write(
            f"Members' space: {settings.WAGTAILADMIN_BASE_URL}/extranet/ (sign in with the email)"
        )
        for _username, email, password, _first, _last, name, role in DEMO_MEMBERS:
            self.stdout.write(f"  {email:<28} {password:<30} {role.label}, {name}")
