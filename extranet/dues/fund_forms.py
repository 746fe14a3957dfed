"""The forms of the solidarity fund's pages: the ledger's year filter, and the coordinators'
three writings (a gift, an aid decided by the register, a correction). They only read what
is typed: the rules (signs, links, never below zero) are the model's and extranet.dues.fund's,
which every form's view calls."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.dues.models import FundEntry
from extranet.governance.models import Decision, Outcome
from portal import dates

CENT = Decimal("0.01")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DecisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number} · {obj.title}"


class LedgerYearForm(forms.Form):
    """The ledger's year filter, read from the query string: a shareable address."""

    annee = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False,
                                   empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = [day.year for day in FundEntry.objects.dates("entry_date", "year",
                                                              order="DESC")]
        self.fields["annee"].choices = [("", _("toutes")), *((y, y) for y in years)]

    def year(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data["annee"]
        return None


def amount_field(label, help_text, positive=True):
    return forms.DecimalField(label=label, help_text=help_text, max_digits=10,
                              decimal_places=2, min_value=CENT if positive else None)


def entry_date_field(help_text):
    return forms.DateField(label=_("Date"), initial=timezone.localdate, widget=DateInput(),
                           help_text=help_text)


def past_or_today(value):
    if value > timezone.localdate():
        raise forms.ValidationError(_("Cette date est à venir : inscrivez l'écriture le jour "
                                      "où l'argent entre ou sort."))
    return value


class GiftForm(forms.Form):
    amount = amount_field(_("Montant (€)"), _("Ce que le fonds a reçu, en euros."))
    entry_date = entry_date_field(_("Le jour où le don est arrivé (aujourd'hui ou avant)."))
    label = forms.CharField(label=_("Objet"), max_length=300,
                            help_text=_("D'où vient le don : « Don de la fête de quartier ». "
                                        "Il paraît dans les comptes publics du fonds."))

    def clean_entry_date(self):
        return past_or_today(self.cleaned_data["entry_date"])


class AidForm(forms.Form):
    amount = amount_field(_("Montant (€)"), _("Ce que le fonds verse, en euros."))
    association = forms.ModelChoiceField(
        label=_("Association aidée"), queryset=Association.objects.none(),
        help_text=_("Une association membre du collectif."),
    )
    decision = DecisionChoiceField(
        label=_("Décision"), queryset=Decision.objects.none(),
        help_text=_("La décision adoptée du registre qui accorde cette aide (la plus "
                    "récente d'abord)."),
    )
    label = forms.CharField(
        label=_("Objet de l'aide"), max_length=300,
        help_text=_("Pourquoi : « Aide au loyer de septembre ». Il paraît dans les comptes "
                    "publics du fonds ; l'association n'y est nommée que si la décision est "
                    "publique : ne la nommez pas ici."),
    )
    entry_date = entry_date_field(_("Le jour où l'aide est versée (aujourd'hui ou avant)."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = (Association.objects.members().order_by("name")
                                               .only("pk", "name"))
        self.fields["decision"].queryset = (Decision.objects.filter(outcome=Outcome.ADOPTED)
                                            .order_by("-year", "-sequence")
                                            .only("pk", "number", "title", "decided_on"))

    def clean_entry_date(self):
        return past_or_today(self.cleaned_data["entry_date"])

    def clean(self):
        cleaned = super().clean()
        decision, entry_date = cleaned.get("decision"), cleaned.get("entry_date")
        if decision and entry_date and entry_date < decision.decided_on:
            self.add_error("entry_date", _("L'aide ne peut être versée avant la décision qui "
                                           "l'accorde (le %(date)s).")
                           % {"date": dates.long_date(decision.decided_on)})
        return cleaned


class CorrectionForm(forms.Form):
    amount = amount_field(
        _("Montant de la correction (€)"),
        _("Ce que le fonds gagne (positif) ou perd (négatif, avec un signe moins) pour que "
          "ses comptes soient justes : un don de 500 € saisi 5000 € se corrige de -4500."),
        positive=False,
    )
    label = forms.CharField(label=_("Objet"), max_length=300,
                            help_text=_("Ce qui était faux : « Correction : montant mal saisi »."))

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount == 0:
            raise forms.ValidationError(_("Une correction de 0 € ne corrige rien."))
        return amount
