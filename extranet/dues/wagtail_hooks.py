"""The dues scale, year by year, in the Wagtail admin: a snippet under Settings
(« Paramètres › Barème des cotisations »), with its brackets inline, for whoever holds the
model's permissions (the Coordinateurs group: portal/editorial.py). A scale without a bracket
from 0 €, or with two brackets from the same budget, is refused (models.scale.check_brackets).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet

from extranet.dues.models import DuesBracket, DuesScale
from extranet.dues.models.scale import check_brackets
from portal.admin_privacy import SnippetViewSet


class DuesScaleForm(WagtailAdminModelForm):
    """The scale's form: its brackets, once the deleted ones are left out, make a scale."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("brackets")
        if formset is None:
            return cleaned_data
        kept = [
            DuesBracket(budget_from=form.cleaned_data["budget_from"])
            for form in formset.forms
            if form.is_valid() and form.cleaned_data.get("budget_from") is not None
            and not form.cleaned_data.get("DELETE")
        ]
        try:
            check_brackets(kept)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned_data


class DuesScaleViewSet(SnippetViewSet):
    model = DuesScale
    icon = "list-ol"
    menu_label = _("Barème des cotisations")
    menu_name = "dues-scales"
    add_to_settings_menu = True
    list_display = ["year", "fund_share"]
    ordering = ["-year"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList([
        FieldPanel("year"),
        InlinePanel("brackets", label=_("Tranches"), min_num=1,
                    heading=_("Tranches du barème")),
        FieldPanel("fund_share"),
        FieldPanel("note"),
    ], base_form_class=DuesScaleForm)


register_snippet(DuesScaleViewSet)
