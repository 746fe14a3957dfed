"""The forms of the dues' pages: declaring the annual budget, recording (or correcting) a
payment, and the treasurer's list's filters (year, state)."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.dues import services, tracking
from extranet.dues.models import Dues, Means
from portal.forms import DatePicker


class DeclareForm(forms.Form):
    budget = forms.DecimalField(
        label=_("Budget annuel (€)"), max_digits=12, decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Le total des produits du dernier exercice clos, en euros : il donne la "
                    "tranche du barème, donc le montant de la cotisation."),
    )


class PaymentForm(forms.Form):
    paid_on = forms.DateField(
        label=_("Payée le"), widget=DatePicker(),
        help_text=_("Le jour où le collectif a reçu le paiement."),
    )
    means = forms.ChoiceField(label=_("Moyen de paiement"), choices=Means.choices)
    reference = forms.CharField(
        label=_("Référence (facultatif)"), max_length=100, required=False,
        help_text=_("Numéro de chèque, libellé du virement…"),
    )

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError(_("La date du paiement ne peut être dans le futur."))
        return paid_on

    @classmethod
    def of(cls, dues, data=None):
        """The form, filled with the payment of `dues` when it is recorded."""
        initial = ({"paid_on": dues.paid_on, "means": dues.means, "reference": dues.reference}
                   if dues.is_paid else {"paid_on": timezone.localdate()})
        return cls(data, initial=initial)


class TrackingFilterForm(forms.Form):
    """The treasurer's list's filters, read from the query string: a shareable address."""

    annee = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False,
                                   empty_value=None)
    etat = forms.ChoiceField(label=_("État"), required=False,
                             choices=[("", _("tous")), *tracking.STATES])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = set(Dues.objects.order_by().values_list("year", flat=True).distinct())
        years.add(services.current_year())
        self.fields["annee"].choices = [(year, year) for year in sorted(years, reverse=True)]

    def year(self):
        if self.is_bound and self.is_valid() and self.cleaned_data["annee"]:
            return self.cleaned_data["annee"]
        return services.current_year()

    def state(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data["etat"] or None
        return None
