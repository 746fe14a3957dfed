import factory
import wagtail_factories

from home.models import GuidePage, StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A published content page. Pass `parent=` (usually the `home_page` fixture)."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    introduction = "Une page pour présenter une action du collectif."
    live = True


class GuidePageFactory(wagtail_factories.PageFactory):
    """A published guide for elected officials; pass `chapters=` as StreamField data."""

    class Meta:
        model = GuidePage

    title = "Guide pour les élus"
    slug = "guide-des-elus"
    introduction = "Comprendre le fonctionnement associatif."
    live = True
