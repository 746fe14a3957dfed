"""Forms of the events' public pages."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from events.models import Registration
from portal.forms import HoneypotMixin


class RegistrationForm(HoneypotMixin, forms.Form):
    """Registering to an event. The rules that need the database (open, places left, one
    registration per address) are events.registrations.register's."""

    name = forms.CharField(
        label=_("Prénom et nom"), max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Adresse électronique"), max_length=254,
        help_text=_("La confirmation et le lien pour annuler y sont envoyés."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    association_name = forms.CharField(
        label=_("Association (facultatif)"), required=False, max_length=255,
        help_text=_("Celle pour laquelle vous venez, s'il y en a une."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    places = forms.IntegerField(
        label=_("Nombre de places"), min_value=1, initial=1,
        error_messages={
            "min_value": _("Au moins une place."),
            "max_value": _("Au plus %(limit_value)s places par inscription."),
        },
    )
    needs = forms.CharField(
        label=_("Besoins alimentaires ou d'accessibilité (facultatif)"), required=False,
        max_length=Registration._meta.get_field("needs").max_length,
        help_text=_("Régime alimentaire, interprétation en langue des signes, place en "
                    "fauteuil roulant… Seule l'équipe qui organise le lit."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, max_places=4, **kwargs):
        kwargs.setdefault("auto_id", "inscription-%s")
        super().__init__(*args, **kwargs)
        places = self.fields["places"]
        places.max_value = max_places
        places.validators.append(MaxValueValidator(max_places))
        places.widget.attrs.update({"min": 1, "max": max_places})
        places.help_text = _("Pour vous et les personnes qui viennent avec vous.")

    refusal = _("L'inscription n'est pas enregistrée : le champ « Laissez ce champ vide » "
                "doit rester vide.")
