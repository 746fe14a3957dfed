from allauth.account.forms import LoginForm
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.accounts.models import ENDS_AFTER_START, Invitation, Profile, Role
from portal.forms import DatePicker


class ProfileForm(forms.ModelForm):
    """A person's names (on their user account) and profile, in one form."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)

    class Meta:
        model = Profile
        fields = ["first_name", "last_name", "function", "phone", "show_email", "show_phone",
                  "news_notification"]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "news_notification": forms.RadioSelect,
        }

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


class InvitationForm(forms.ModelForm):
    """A coordinator invites someone to act for an association."""

    class Meta:
        model = Invitation
        fields = ["email", "association", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = Association.objects.published().active().only(
            "pk", "name"
        )


class AcceptInvitationForm(forms.Form):
    """The account of an invited person: names and a password (the address is the one the
    invitation was sent to, proven by the link)."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Nom"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    password1 = forms.CharField(label=_("Mot de passe"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Le même mot de passe, encore"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        # The rules of a password, said before one is refused (AUTH_PASSWORD_VALIDATORS).
        self.fields["password1"].help_text = " ".join(password_validators_help_texts())

    def clean(self):
        data = super().clean()
        password = data.get("password1")
        if password and password != data.get("password2"):
            self.add_error("password2", _("Les deux mots de passe diffèrent."))
        elif password:
            user = get_user_model()(email=self.email, first_name=data.get("first_name", ""),
                                    last_name=data.get("last_name", ""))
            try:
                validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class MembershipChangeForm(forms.Form):
    """A coordinator changes a person's role in an association, or ends the membership (on a
    day, today by default; ending it is never deleting it)."""

    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices)
    ends_on = forms.DateField(
        label=_("Fin du rattachement"), required=False,
        widget=DatePicker(),
        help_text=_("Dernier jour où la personne agit pour l'association ; laissez vide tant "
                    "qu'elle continue. Une fin de mandat de coordination se note ici aussi."),
    )

    def __init__(self, *args, membership, **kwargs):
        kwargs.setdefault("initial", {"role": membership.role, "ends_on": membership.ends_on})
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_ends_on(self):
        ends_on = self.cleaned_data.get("ends_on")
        if ends_on and ends_on < self.membership.starts_on:
            raise forms.ValidationError(ENDS_AFTER_START)
        return ends_on


class SignInForm(LoginForm):
    """allauth's login form, the one sign-in page: says that both identifiers work."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        field.label = _("Adresse e-mail ou identifiant")
        field.widget.attrs.pop("placeholder", None)
        field.widget.attrs["autocomplete"] = "username"
