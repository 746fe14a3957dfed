"""The forms of the register's pages: its filters (body, year) and a correcting decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from extranet.governance.models import Body, Decision


class DecisionFilterForm(forms.Form):
    """The register's filters, read from the query string: a shareable address."""

    body = forms.ModelChoiceField(label=_("Instance"), queryset=Body.objects.none(),
                                  required=False, empty_label=_("toutes"))
    year = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False,
                                  empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.order_by("kind", "name")
        years = (Decision.objects.order_by("-year").values_list("year", flat=True)
                 .distinct())
        self.fields["year"].choices = [("", _("toutes"))] + [(y, y) for y in years]

    def filter(self, decisions):
        if not self.is_valid():
            return decisions
        if self.cleaned_data.get("body"):
            decisions = decisions.filter(body=self.cleaned_data["body"])
        if self.cleaned_data.get("year"):
            decisions = decisions.filter(year=self.cleaned_data["year"])
        return decisions


class CorrectionForm(forms.Form):
    """A decision that corrects (and replaces) one of the register, written by its body."""

    title = forms.CharField(label=_("Intitulé"), max_length=200,
                            help_text=_("L'intitulé de la décision corrigée."))
    text = forms.CharField(label=_("Texte de la décision"),
                           widget=forms.Textarea(attrs={"rows": 10}),
                           help_text=_("Le texte entier, tel qu'il doit désormais se lire "
                                       "(et, si besoin, ce que la correction change)."))
    is_public = forms.BooleanField(
        label=_("Publique"), required=False,
        help_text=_("Une décision publique paraît sur le site, page « Nos décisions et "
                    "positions »."),
    )
