"""What the public forms share: a trap for robots."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


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
