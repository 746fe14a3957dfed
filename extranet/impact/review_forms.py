"""The forms of the coordinators' review: the tracking list's filters (year, status) and the
two answers to a submitted report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from extranet.impact import review, years


class TrackingFilterForm(forms.Form):
    """The tracking list's filters, read from the query string: a shareable address."""

    annee = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False,
                                   empty_value=None)
    etat = forms.ChoiceField(label=_("État"), required=False,
                             choices=[("", _("tous")), *review.STATUSES])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [(year, year) for year in review.report_years()]

    def year(self):
        if self.is_bound and self.is_valid() and self.cleaned_data["annee"]:
            return self.cleaned_data["annee"]
        return years.open_year()

    def status(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data["etat"] or None
        return None


class ValidateForm(forms.Form):
    comment = forms.CharField(
        label=_("Commentaire (facultatif)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Envoyé à l'association avec la validation : un merci, une remarque "
                    "pour l'an prochain."),
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Ce qu'il faut corriger"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Envoyé à l'association, qui peut de nouveau modifier son rapport, puis "
                    "le soumettre."),
    )
