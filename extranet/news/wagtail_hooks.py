"""The news' categories in the Wagtail admin, under "Extranet" (the group is registered in
extranet/accounts/wagtail_hooks.py): for superusers only, like the rest of that menu for
now. A category that posts use cannot be deleted (the posts protect it)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from extranet.news.models import Category
from portal.admin_privacy import SnippetViewSet


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Catégories d'actualités")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("slug")]
