"""The value of an hour of volunteering, year by year, in the Wagtail admin: a snippet under
Settings (« Paramètres »), for whoever holds the model's permissions (Wagtail's standard:
superusers, or a group given them). Saving or deleting one changes the observatory's euro
figures at once (extranet/impact/signals.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from extranet.impact.models import HourlyValue
from portal.admin_privacy import SnippetViewSet


class HourlyValueViewSet(SnippetViewSet):
    model = HourlyValue
    icon = "time"
    menu_label = _("Valeur de l'heure de bénévolat")
    menu_name = "impact-hourly-values"
    add_to_settings_menu = True
    list_display = ["year", "amount", "source"]
    ordering = ["-year"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [FieldPanel("year"), FieldPanel("amount"), FieldPanel("source"),
              FieldPanel("source_url")]


register_snippet(HourlyValueViewSet)
