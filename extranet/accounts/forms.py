from django import forms
from django.utils.translation import gettext_lazy as _

from extranet.accounts.models import Profile


class ProfileForm(forms.ModelForm):
    """A person's names (on their user account) and profile, in one form."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)

    class Meta:
        model = Profile
        fields = ["first_name", "last_name", "phone", "show_email", "show_phone"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.instance.person
        self.fields["first_name"].initial = person.first_name
        self.fields["last_name"].initial = person.last_name
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def save(self, commit=True):
        profile = super().save(commit=False)
        person = profile.person
        person.first_name = self.cleaned_data["first_name"]
        person.last_name = self.cleaned_data["last_name"]
        if commit:
            person.save(update_fields=["first_name", "last_name"])
            profile.save()
        return profile
