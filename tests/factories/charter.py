"""The charter: its page (published, so that its first version exists), and signatures."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from charter.models import CharterPage, CharterSignature, CharterVersion
from tests.factories.directory import AssociationFactory

ADOPTED_ON = datetime.date(2026, 3, 14)


def chapters(*parts):
    """StreamField data from (part title, [(article title, article HTML), ...]) pairs."""
    return [
        ("chapter", {"title": title,
                     "articles": [{"title": article_title, "text": RichText(text)}
                                  for article_title, text in articles]})
        for title, articles in parts
    ]


DEFAULT_CHAPTERS = (
    ("Nos valeurs", [
        ("Une association, une voix", "<p>Chaque association pèse le même poids.</p>"),
        ("L'intérêt général", "<p>Nous agissons pour le bien commun.</p>"),
    ]),
    ("Les engagements des membres", [
        ("Participer", "<p>Chaque membre participe aux assemblées.</p>"),
    ]),
)


class CharterPageFactory(wagtail_factories.PageFactory):
    """The French charter, published: its version 1 exists. Pass `parent=` (usually the
    `home_page` fixture); `publish=False` to leave it without a version."""

    class Meta:
        model = CharterPage
        skip_postgeneration_save = True

    title = "Charte du collectif"
    slug = "charte"
    introduction = "Ce qui nous rassemble."
    preamble = "<p>Les associations du département se rassemblent.</p>"
    chapters = factory.LazyFunction(lambda: chapters(*DEFAULT_CHAPTERS))
    adopted_on = ADOPTED_ON
    adopted_by = "Assemblée générale constitutive du 14 mars 2026"
    change_summary = "Première version."
    live = True

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.save_revision().publish()


class CharterVersionFactory(factory.django.DjangoModelFactory):
    """A published version of the charter (pass `page=`), numbered in sequence."""

    class Meta:
        model = CharterVersion

    number = factory.Sequence(lambda n: n + 1)
    title = "Charte du collectif"
    preamble = "Ensemble, les associations se font entendre."
    published_at = factory.LazyFunction(timezone.now)


class CharterSignatureFactory(factory.django.DjangoModelFactory):
    """A signature of `version=` (required) by a new association."""

    class Meta:
        model = CharterSignature

    association = factory.SubFactory(AssociationFactory)
    signed_on = ADOPTED_ON


def amend_charter(page, parts=None, adopted_on=None, adopted_by=None, **fields):
    """Publish a changed text of `page` (a new version): `parts` in the form of
    DEFAULT_CHAPTERS (default: article 1 amended), adopted a month after the last version."""
    page = CharterPage.objects.get(pk=page.pk)
    latest = page.latest_version()
    if parts is None:
        parts = (
            ("Nos valeurs", [
                ("Une association, une voix",
                 "<p>Chaque association membre pèse exactement le même poids.</p>"),
                ("L'intérêt général", "<p>Nous agissons pour le bien commun.</p>"),
            ]),
            ("Les engagements des membres", [
                ("Participer", "<p>Chaque membre participe aux assemblées.</p>"),
            ]),
        )
    page.chapters = chapters(*parts)
    page.adopted_on = adopted_on or latest.adopted_on + datetime.timedelta(days=30)
    page.adopted_by = adopted_by or f"Assemblée générale, décision n° {latest.number + 1}"
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page
