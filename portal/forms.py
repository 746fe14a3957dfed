"""What the forms share: a trap for robots, the browser's date picker."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


class DatePicker(forms.DateInput):
    """The browser's date picker (`<input type="date">`). Its value is always written
    yyyy-mm-dd, whatever the language: a date in the French format (07/12/2026) is not a
    valid value, and the browser shows an empty field."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class HoneypotMixin(forms.Form):
    """A field hidden from people (the template hides its block, see `trap`), left empty by
    them; robots fill every field. A filled trap refuses the form with `refusal`."""

    website = forms.CharField(
        label=_("Laissez ce champ vide"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    refusal = _("Le formulaire n'est pas enregistré : le champ « Laissez ce champ vide » doit "
                "rester vide.")

    @property
    def visible_fields_but_trap(self):
        return [self[name] for name in self.fields if name != HONEYPOT]

    @property
    def trap(self):
        return self[HONEYPOT]

    @property
    def trapped(self):
        return bool(self.cleaned_data.get(HONEYPOT)) if hasattr(self, "cleaned_data") else False

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT):
            raise forms.ValidationError(self.refusal, code="trap")
        return cleaned_data


class PersonalDataRequestForm(forms.Form):
    """The page /donnees-personnelles/: an address, and what to do with its data."""

    email = forms.EmailField(
        label=_("Votre adresse électronique"), max_length=254,
        help_text=_("Celle que vous avez donnée en signant, en vous inscrivant ou pour votre "
                    "compte. Nous y enverrons un lien pour confirmer la demande."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    action = forms.ChoiceField(
        label=_("Votre demande"), widget=forms.RadioSelect,
        choices=[
            ("export", _("Recevoir une copie de mes données (fichier JSON, par courriel)")),
            ("erase", _("Effacer mes données et fermer mon compte éventuel (définitif)")),
        ],
    )

    @cached_property
    def helper(self):
        helper = FormHelper()
        helper.form_id = "personal-data-form"
        helper.attrs = {"novalidate": ""}
        helper.add_input(Submit("send", _("Recevoir le lien de confirmation")))
        return helper
