"""The form that picks two versions of the charter to compare (`comparer/?de=1&a=2`)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CompareForm(forms.Form):
    de = forms.TypedChoiceField(label=_("Version de départ"), coerce=int)
    a = forms.TypedChoiceField(label=_("Version d'arrivée"), coerce=int)

    def __init__(self, versions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {version.number: version for version in versions}
        choices = [
            (version.number, _("Version %(number)s") % {"number": version.number})
            for version in versions
        ]
        error = {"invalid_choice": _("Cette version n'existe pas : choisissez-en une dans la "
                                     "liste."),
                 "required": _("Choisissez une version.")}
        for name in ("de", "a"):
            self.fields[name].choices = choices
            self.fields[name].error_messages.update(error)
        if len(versions) >= 2:
            self.initial = {"de": versions[1].number, "a": versions[0].number}

    def clean(self):
        cleaned = super().clean()
        old, new = cleaned.get("de"), cleaned.get("a")
        if old is not None and new is not None:
            if old == new:
                raise forms.ValidationError(
                    _("Choisissez deux versions différentes pour voir ce qui a changé."))
            cleaned["de"], cleaned["a"] = self.versions[old], self.versions[new]
        return cleaned
