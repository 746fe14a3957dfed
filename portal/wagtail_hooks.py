from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from portal import review_messages  # noqa: F401 - registers its hook
from portal.admin_privacy import SnippetViewSet
from portal.models import Menu


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus de navigation")
    menu_order = 800
    add_to_settings_menu = False
    list_display = ["__str__", "locale"]
    list_filter = ["location", "locale"]


register_snippet(MenuViewSet)
