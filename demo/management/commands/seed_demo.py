"""`python manage.py seed_demo`: a believable French demo site with its English home page.

Idempotent: what already exists is left as it is, so running it twice gives the same database.
Prints the demo accounts at the end (also listed in README.md). Never run it in production.
"""

import datetime
import io
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from campaigns.letters import fill, officials_for
from campaigns.models import (
    DEFAULT_CONSENT_TEXT,
    CampaignAssociation,
    CampaignIndexPage,
    CampaignPage,
    CampaignUpdate,
    ElectedOfficial,
    Letter,
    LetterStatus,
    Signature,
)
from demo import charter, content, guide
from demo.joining import seed as seed_joining
from directory.models import Association, Commune, DirectoryPage, ObservatoryPage, Sector
from events.models import (
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventSpeaker,
    Recurrence,
    Theme,
    Venue,
)
from extranet.accounts.models import Role
from extranet.accounts.services import add_membership
from extranet.groups.models import GroupMember, Meeting, Task, WorkingGroup
from extranet.news.models import Category, Comment, Post
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


def stream(blocks):
    """Turn the demo content's compact tuples into StreamField data."""
    data = []
    for block_type, value in blocks:
        if block_type == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        elif block_type == "paragraph":
            data.append(("paragraph", RichText(value)))
        elif block_type == "quote":
            quote, attribution = value
            data.append(("quote", {"quote": quote, "attribution": attribution}))
        elif block_type == "accordion":
            items = [{"question": q, "answer": RichText(a)} for q, a in value]
            data.append(("accordion", {"title": "", "items": items}))
        else:
            data.append((block_type, value))
    return data


def demands(items):
    """A campaign's demands as StreamField data, from (title, detail) pairs."""
    return [("demand", {"title": title, "detail": detail}) for title, detail in items]


def demo_email(first_name, last_name):
    """A demo signer's address: never a real one (example.org)."""
    return f"{slugify(first_name)}.{slugify(last_name)}@example.org"


def next_second_tuesday(today):
    """The second Tuesday of this month if it is still to come, else of the next month."""
    day = today.replace(day=1)
    while True:
        first_tuesday = day + datetime.timedelta(days=(1 - day.weekday()) % 7)
        second = first_tuesday + datetime.timedelta(days=7)
        if second >= today:
            return second
        day = (day + datetime.timedelta(days=32)).replace(day=1)


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
        image = self.image("Rencontre du collectif à Chelles", "hero", (11, 85, 99))
        pages = self.pages(home)
        pages["annuaire"] = self.directory(home)
        pages["observatoire"] = self.section_page(home, ObservatoryPage, content.OBSERVATORY)
        pages["agenda"] = self.events(home)
        pages["campagnes"] = self.campaigns(home)
        self.fill_home(home, image, pages)
        self.settings(site, pages)
        home_en = self.translate_home(home, english)
        self.translate_about(pages["le-collectif"], english)
        self.translate_events(pages["agenda"], english)
        self.translate_campaigns(pages["campagnes"], english)
        pages["charte"] = charter.seed(self, home)
        pages.update(guide.seed(self, home, english))  # the guide and the members page
        self.menus(french, english, pages)
        self.accounts(roles)
        self.members()
        self.network()
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

    def image(self, title, name, colour):
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is not None:
            return image
        picture = PILImage.new("RGB", (1600, 900), colour)
        draw = ImageDraw.Draw(picture)
        for index in range(12):
            radius = 60 + index * 35
            centre = (300 + index * 90, 450 + (index % 3) * 60)
            draw.ellipse(
                [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
                outline=(255, 255, 255), width=6,
            )
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=85)
        image = Image(title=title, focal_point_x=800, focal_point_y=450,
                      focal_point_width=400, focal_point_height=300)
        image.file = ImageFile(buffer, name=f"demo-{name}.jpg")
        image.save()
        self.created += 1
        return image

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
        return page

    # Events

    def events(self, home):
        """The events page, its themes and venues, four events to come and two past ones."""
        page = self.section_page(home, EventIndexPage, content.EVENTS_PAGE["fr"])
        themes = {}
        for name, name_en, slug in content.EVENT_THEMES:
            themes[slug], created = Theme.objects.get_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en})
            self.created += created
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
                self.created += 1
            venues[venue.name] = venue
        for data in content.EVENTS:
            if not page.get_children().filter(slug=data["slug"]).exists():
                self.event(page, data, themes, venues)
        return page

    def event(self, parent, data, themes, venues):
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
            page.summary_documents = [("document", {"document": self.document(data["summary"]),
                                                    "label": ""})]
        page.speakers = [EventSpeaker(name=name, description=description)
                         for name, description in data.get("speakers", [])]
        page.organisers = [EventOrganiser(association=Association.objects.get(name=name))
                           for name in data["organisers"]]
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def document(self, title):
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            text = (f"{title}\n\nPrésent·es : quinze associations du réseau.\n"
                    "Décisions : un agenda commun, une rencontre thématique par trimestre.\n")
            document = Document(title=title)
            document.file = ContentFile(text.encode(), name="compte-rendu.txt")
            document.save()
            self.created += 1
        return document

    def translate_events(self, agenda, english):
        """The events page in English, and the events that have an English version."""
        agenda_en = agenda.get_translation_or_none(english)
        if agenda_en is None:
            text = content.EVENTS_PAGE["en"]
            agenda_en = agenda.copy_for_translation(english)
            agenda_en.title, agenda_en.slug = text["title"], text["slug"]
            agenda_en.introduction = text["introduction"]
            agenda_en.save_revision().publish()
            self.created += 1
        for data in content.EVENTS:
            page = agenda.get_children().filter(slug=data["slug"]).specific().first()
            if not data["en"] or page is None or page.get_translation_or_none(english):
                continue
            page_en = page.copy_for_translation(english)
            page_en.title, page_en.slug = data["en"]["title"], data["en"]["slug"]
            page_en.introduction = data["en"]["introduction"]
            page_en.save_revision().publish()
            self.created += 1

    # Campaigns

    def campaigns(self, home):
        """The campaigns page, the officials the campaigns address, two open campaigns and a
        won one, with their carriers, updates and confirmed signatures."""
        page = self.section_page(home, CampaignIndexPage, content.CAMPAIGNS_PAGE["fr"])
        officials = {}
        for data in content.ELECTED_OFFICIALS:
            official = ElectedOfficial.objects.filter(name=data["name"], body=data["body"]).first()
            if official is None:
                official = ElectedOfficial(**data)
                official.full_clean()
                official.save()
                self.created += 1
            officials[official.name] = official
        for data in content.CAMPAIGNS:
            campaign = page.get_children().filter(slug=data["slug"]).specific().first()
            if campaign is None:
                campaign = self.campaign(page, data, officials)
            if not campaign.signatures.exists():  # else signed since, or erased: leave them
                self.signatures(campaign, data)
        return page

    def campaign(self, parent, data, officials):
        now, today = timezone.now(), timezone.localdate()
        deadline = None
        if data["deadline_days"] is not None:
            deadline = datetime.datetime.combine(
                today + datetime.timedelta(days=data["deadline_days"]), datetime.time(23, 59),
                tzinfo=timezone.get_default_timezone(),
            )
        with translation.override("fr"):
            consent_text = str(DEFAULT_CONSENT_TEXT)
        page = CampaignPage(
            title=data["title"], slug=data["slug"], introduction=data["introduction"],
            theme=Theme.objects.get(slug=data["theme"]), status=data["status"],
            outcome=data.get("outcome", ""), body=stream(data["body"]),
            demands=demands(data["demands"]), goal=data["goal"], deadline=deadline,
            consent_text=consent_text, letter_delivery=data["letter_delivery"],
            letter_subject=data.get("letter_subject", ""),
            letter_body=data.get("letter_body", ""),
            first_published_at=now + datetime.timedelta(days=data["published_days"]),
        )
        page.officials = [officials[name] for name in data["officials"]]
        page.associations = [CampaignAssociation(association=Association.objects.get(name=name))
                             for name in data["carriers"]]
        # In the order given (sort_order, as the admin sets it): the translation follows it.
        page.updates = [
            CampaignUpdate(date=today + datetime.timedelta(days=days), title=title, text=text,
                           sort_order=position)
            for position, (days, title, text) in enumerate(data["updates"])
        ]
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def signatures(self, campaign, data):
        """The campaign's demo signers, confirmed, spread over its signing days, and the
        letters the site sent for some of them."""
        start, stop = data["signers"]
        people = content.SIGNERS[start:stop]
        directory = {association.name: association for association in
                     Association.objects.filter(name__in=[person[3] for person in people])}
        comments = {index: (text, status) for index, text, status in data["comments"]}
        span = data["signed_until"] - data["signed_from"]
        now = timezone.now()
        signatures = {}
        for number, (first_name, last_name, postcode, association) in enumerate(people):
            index = start + number
            days = data["signed_from"] + span * number / max(len(people) - 1, 1)
            signed_at = (now + datetime.timedelta(days=days)).replace(
                hour=8 + (number * 5) % 13, minute=(number * 17) % 60, second=0, microsecond=0)
            comment, comment_status = comments.get(index, ("", ""))
            signatures[index] = Signature.objects.create(
                campaign=campaign, first_name=first_name, last_name=last_name,
                email=demo_email(first_name, last_name), postcode=postcode,
                association=directory.get(association),
                association_name="" if association in directory else association,
                comment=comment, comment_status=comment_status,
                show_publicly=index not in data["hidden"],
                consent_text=campaign.consent_text, created_at=signed_at,
                confirmation_sent_at=signed_at, confirmation_emailed_at=signed_at,
                confirmed_at=signed_at + datetime.timedelta(minutes=3 + number % 20),
            )
            self.created += 1
        for index in data["letters"]:
            self.letters(campaign, signatures[index])

    def letters(self, campaign, signature):
        written_at = signature.confirmed_at + datetime.timedelta(minutes=2)
        for official in officials_for(campaign, signature.postcode):
            if official.email:
                Letter.objects.create(
                    signature=signature, official=official, subject=campaign.letter_subject,
                    body=fill(campaign.letter_body, official.name, signature.full_name),
                    status=LetterStatus.SENT, created_at=written_at,
                    sent_at=written_at + datetime.timedelta(seconds=30),
                )
                self.created += 1

    def translate_campaigns(self, index, english):
        """The campaigns page in English, and each campaign's English version (its signatures
        stay with the French page, which counts them for both)."""
        index_en = index.get_translation_or_none(english)
        if index_en is None:
            text = content.CAMPAIGNS_PAGE["en"]
            index_en = index.copy_for_translation(english)
            index_en.title, index_en.slug = text["title"], text["slug"]
            index_en.introduction = text["introduction"]
            index_en.save_revision().publish()
            self.created += 1
        for data in content.CAMPAIGNS:
            page = index.get_children().filter(slug=data["slug"]).specific().first()
            if page is None or page.get_translation_or_none(english):
                continue
            text = data["en"]
            page_en = page.copy_for_translation(english)
            page_en.title, page_en.slug = text["title"], text["slug"]
            page_en.introduction = text["introduction"]
            page_en.outcome = text.get("outcome", "")
            page_en.body = stream(text["body"])
            page_en.demands = demands(text["demands"])
            page_en.consent_text = content.CONSENT_EN
            page_en.updates = [
                CampaignUpdate(date=update.date, title=title, text=update_text,
                               sort_order=update.sort_order)
                for update, (title, update_text) in zip(
                    page.updates.order_by("sort_order"), text["updates"], strict=True)
            ]
            page_en.first_published_at = page.first_published_at
            page_en.save_revision().publish()
            self.created += 1

    def home_body(self, language, image, about_page):
        text = content.HOME[language]
        figures = [{"value": v, "label": label, "source": s} for v, label, s in text["figures"]]
        return [
            ("key_figures", {"title": text["figures_title"], "figures": figures}),
            ("heading", {"text": text["why_title"], "level": "h2"}),
            ("paragraph", RichText(text["why"])),
            ("image", {"image": image, "alt_text": "", "decorative": True,
                       "caption": "", "credit": ""}),
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
        home.body = self.home_body("fr", image, pages["le-collectif"])
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
            home_en.body = self.home_body("en", home.hero_image, about)
            home_en.save_revision().publish()
            self.created += 1
        return home_en

    def translate_about(self, about, english):
        if about.get_translation_or_none(english) is not None:
            return
        text = content.ABOUT["en"]
        about_en = about.copy_for_translation(english)
        about_en.title = text["title"]
        about_en.slug = text["slug"]
        about_en.introduction = text["introduction"]
        about_en.body = stream(text["body"])
        about_en.save_revision().publish()
        self.created += 1

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
        site_settings.privacy_page = pages["donnees-personnelles"]
        site_settings.accessibility_page = pages["accessibilite"]
        site_settings.save()
        self.created += 1

    def menus(self, french, english, pages):
        for location, slugs in ((Menu.Location.MAIN, content.MAIN_MENU),
                                (Menu.Location.FOOTER, content.FOOTER_MENU)):
            menu_fr = Menu.objects.filter(location=location, locale=french).first()
            if menu_fr is None:
                items = [("link", {"page": pages[slug], "url": "", "label": ""}) for slug in slugs]
                menu_fr = Menu.objects.create(location=location, locale=french, items=items)
                self.created += 1
            if not Menu.objects.filter(location=location, locale=english).exists():
                menu_en = menu_fr.copy_for_translation(english)
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

    def network(self):
        """The extranet's working groups, tasks, meetings and news (once)."""
        if Category.objects.exists():
            return
        User = get_user_model()
        people = {user.username: user for user in User.objects.filter(
            username__in=[member[0] for member in DEMO_MEMBERS])}
        categories = {slug: Category.objects.create(name=name, slug=slug)
                      for name, slug in content.NEWS_CATEGORIES}
        now = timezone.now()

        def at(days, hour):
            day = timezone.localtime(now) + datetime.timedelta(days=days)
            return day.replace(hour=hour, minute=0, second=0, microsecond=0)

        groups = {}
        for data in content.WORKING_GROUPS:
            group = WorkingGroup.objects.create(
                name=data["name"], description=data["description"],
                lead_association=Association.objects.get(name=data["lead"]),
            )
            groups[group.name] = group
            for username in data["members"]:
                GroupMember.objects.create(group=group, person=people[username])
            for title, association, assignee, days, status in data["tasks"]:
                Task.objects.create(
                    group=group, title=title, status=status,
                    responsible_association=Association.objects.get(name=association),
                    assignee=people.get(assignee),
                    due_on=timezone.localdate() + datetime.timedelta(days=days),
                )
            for title, days, hour, place in data["meetings"]:
                Meeting.objects.create(group=group, title=title, starts_at=at(days, hour),
                                       ends_at=at(days, hour + 2), place=place)
        for title, days, hour, place in content.NETWORK_MEETINGS:
            Meeting.objects.create(title=title, starts_at=at(days, hour),
                                   ends_at=at(days, hour + 2), place=place)
        for data in content.NEWS_POSTS:
            author = people[data["author"]]
            published_at = now - datetime.timedelta(days=data["days_ago"])
            post = Post.objects.create(
                title=data["title"], body=data["body"], author=author,
                association=author.memberships.first().association,
                category=categories[data["category"]], group=groups.get(data.get("group")),
                pinned=data.get("pinned", False), published_at=published_at,
            )
            for username, body in data["comments"]:
                Comment.objects.create(post=post, author=people[username], body=body,
                                       created_at=published_at + datetime.timedelta(hours=3))
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
