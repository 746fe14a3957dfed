import factory
import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A published content page. Pass `parent=` (usually the `home_page` fixture)."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    introduction = "Une page pour présenter une action du collectif."
    live = True
