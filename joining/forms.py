"""The public form to join the collective (crispy-forms, template pack `crispy_portal`).

The association is found without JavaScript: one search input (name, RNA id or SIRET) and a
"Chercher dans l'annuaire" button that shows the form again with the matching associations
as a list of radio buttons, plus "my association is not in the directory". An exact RNA id
or SIRET picks the association by itself. The charter's version shown travels in a hidden
field: a version published meanwhile refuses the form, which says so and keeps the rest."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import POSTCODE, Association, Commune, Sector
from directory.search import normalize, search
from directory.validators import RNA_ID, validate_rna_id, validate_siret
from portal.forms import DatePicker, HoneypotMixin

NEW = "new"
CANDIDATES = 10
FIND = "find"
SEND = "send"


def clean_identifier(value):
    """'w 771 234 567' -> 'W771234567', '123 456 789 00012' -> '12345678900012'."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def lookup(query):
    """(association picked by an exact RNA id or SIRET, or None; candidates by name)."""
    identifier = clean_identifier(query)
    directory = Association.objects.filter(published=True, dissolved_on__isnull=True)
    if RNA_ID.match(identifier):
        found = directory.filter(rna_id=identifier).select_related("commune").first()
        return found, [found] if found else []
    if identifier.isdigit() and len(identifier) == 14:
        found = directory.filter(siret=identifier).select_related("commune").first()
        return found, [found] if found else []
    if not normalize(query):
        return None, []
    return None, list(search(directory, query).select_related("commune")[:CANDIDATES])


def candidate_label(association):
    parts = [association.name]
    if association.commune_id:
        parts.append(association.commune.name)
    if association.rna_id:
        parts.append(association.rna_id)
    label = " · ".join(parts)
    if association.is_member:
        label = _("%(label)s (déjà membre du collectif)") % {"label": label}
    return label


class JoinForm(HoneypotMixin, forms.Form):
    search = forms.CharField(
        label=gettext_lazy("Nom, numéro RNA ou SIRET de votre association"), max_length=250,
        required=False,
        help_text=gettext_lazy("Par exemple « Jardins partagés », W771234567 (numéro RNA) ou "
                               "les quatorze chiffres du SIRET, puis « Chercher dans "
                               "l'annuaire »."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    choice = forms.ChoiceField(
        label=gettext_lazy("Votre association"), required=False, widget=forms.RadioSelect,
        error_messages={"invalid_choice": gettext_lazy(
            "Cette association ne correspond plus à la recherche : choisissez-la à nouveau.")},
    )
    proposed_name = forms.CharField(
        label=gettext_lazy("Nom de l'association"), max_length=250, required=False,
        help_text=gettext_lazy("Tel que déclaré en préfecture."),
    )
    proposed_rna_id = forms.CharField(
        label=gettext_lazy("Numéro RNA (facultatif)"), max_length=14, required=False,
        help_text=gettext_lazy("W suivi de neuf chiffres, sur le récépissé de la préfecture."),
    )
    proposed_siret = forms.CharField(
        label=gettext_lazy("SIRET (facultatif)"), max_length=20, required=False,
        help_text=gettext_lazy("Quatorze chiffres, si l'association en a un."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    proposed_postcode = forms.CharField(
        label=gettext_lazy("Code postal du siège"), max_length=5, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    proposed_commune = forms.CharField(
        label=gettext_lazy("Commune du siège"), max_length=150, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    sector = forms.ModelChoiceField(
        label=gettext_lazy("Secteur d'activité principal"), queryset=Sector.objects.all(),
        empty_label=gettext_lazy("Choisissez un secteur"),
    )
    first_name = forms.CharField(
        label=gettext_lazy("Prénom"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=gettext_lazy("Nom"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Adresse électronique"), max_length=254,
        help_text=gettext_lazy("La réponse, puis l'invitation à l'espace membres, y sont "
                               "envoyées."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    role = forms.CharField(
        label=gettext_lazy("Votre fonction dans l'association"), max_length=120,
        help_text=gettext_lazy("Par exemple présidente, trésorier, coordinatrice."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    motivation = forms.CharField(
        label=gettext_lazy("Pourquoi votre association veut-elle rejoindre le collectif ?"),
        max_length=4000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Ce que vous en attendez, ce que vous pouvez y apporter."),
    )
    charter_version = forms.IntegerField(widget=forms.HiddenInput)
    accept_charter = forms.BooleanField(
        label=gettext_lazy("J'ai lu et j'accepte la charte"),
        error_messages={"required": gettext_lazy(
            "Cochez cette case pour adhérer : l'adhésion au collectif passe par "
            "l'acceptation de sa charte.")},
    )

    refusal = gettext_lazy("La demande n'est pas enregistrée : le champ « Laissez ce champ "
                           "vide » doit rester vide.")

    def __init__(self, *args, version, charter_url="", action="", **kwargs):
        kwargs.setdefault("auto_id", "adhesion-%s")
        super().__init__(*args, **kwargs)
        self.version = version
        query = (self.data.get("search") if self.is_bound
                 else self.initial.get("search", "")) or ""
        self.exact, self.candidates = lookup(query)
        self.searched = bool(query.strip())
        self.fields["choice"].choices = [
            *[(str(association.pk), candidate_label(association))
              for association in self.candidates],
            (NEW, _("Mon association n'est pas dans l'annuaire")),
        ]
        self.fields["charter_version"].initial = version.pk
        self.fields["accept_charter"].label = _(
            "J'ai lu et j'accepte la charte du collectif (version %(number)s)"
        ) % {"number": version.number}
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.form_id = "join-form"
        self.helper.attrs = {"novalidate": ""}
        self.charter_url = charter_url
        if self.exact is not None and not self.is_bound:
            self.initial["choice"] = str(self.exact.pk)
        self.helper.layout = Layout(
            Fieldset(
                _("Votre association"),
                "search",
                Submit(FIND, _("Chercher dans l'annuaire")),
                HTML('{% include "joining/includes/search_result.html" %}'),
                "choice",
                Fieldset(_("Si votre association n'est pas dans l'annuaire"),
                         "proposed_name", "proposed_rna_id", "proposed_siret",
                         "proposed_postcode", "proposed_commune",
                         css_class="form__fieldset--nested"),
                "sector",
            ),
            Fieldset(_("Vous, qui la représentez"), "first_name", "last_name", "email", "role"),
            Fieldset(_("Pourquoi adhérer"), "motivation"),
            Fieldset(_("La charte"),
                     HTML('{% include "joining/includes/charter_notice.html" %}'),
                     "charter_version", "accept_charter"),
            Div("website", hidden="hidden"),
        )
        self.helper.add_input(Submit(SEND, _("Envoyer la demande d'adhésion")))

    def clean_proposed_rna_id(self):
        value = clean_identifier(self.cleaned_data["proposed_rna_id"])
        if value:
            validate_rna_id(value)
        return value

    def clean_proposed_siret(self):
        value = clean_identifier(self.cleaned_data["proposed_siret"])
        if value:
            validate_siret(value)
        return value

    def clean_proposed_postcode(self):
        value = self.cleaned_data["proposed_postcode"].strip()
        if value:
            POSTCODE(value)
        return value

    def clean(self):
        cleaned_data = super().clean()
        self._clean_charter(cleaned_data)
        choice = cleaned_data.get("choice") or ""
        association = None
        if choice and choice != NEW:
            association = next(candidate for candidate in self.candidates
                               if str(candidate.pk) == choice)
        elif not choice and self.exact is not None:
            association = self.exact
        elif choice == NEW or (not choice and cleaned_data.get("proposed_name", "").strip()):
            association = self._clean_proposed(cleaned_data)
        elif self.candidates:
            self.add_error("choice", _("Choisissez votre association dans la liste, ou « Mon "
                                       "association n'est pas dans l'annuaire »."))
        else:
            self.add_error("search", _("Cherchez votre association dans l'annuaire (son nom, "
                                       "son numéro RNA ou son SIRET), ou donnez son nom "
                                       "ci-dessous si elle n'y est pas."))
        cleaned_data["association"] = association
        return cleaned_data

    def _clean_charter(self, cleaned_data):
        shown = cleaned_data.get("charter_version")
        cleaned_data["charter_version"] = self.version
        if shown is None or shown == self.version.pk:
            return
        # A newer version was published since the form was shown: say so, show it, and ask
        # for the box to be ticked again (everything else typed is kept).
        data = self.data.copy()
        data["charter_version"] = str(self.version.pk)
        data.pop("accept_charter", None)
        self.data = data
        self.add_error("accept_charter", _(
            "La charte a changé pendant que vous remplissiez le formulaire : la version "
            "%(number)s est maintenant en vigueur. Lisez-la, puis cochez à nouveau la case "
            "pour l'accepter."
        ) % {"number": self.version.number})

    def _clean_proposed(self, cleaned_data):
        """The association named in the "not in the directory" fields: one of the directory
        when its RNA id or SIRET is there, else None (it will be proposed)."""
        rna_id = cleaned_data.get("proposed_rna_id") or ""
        siret = cleaned_data.get("proposed_siret") or ""
        existing = None
        if rna_id:
            existing = Association.objects.filter(rna_id=rna_id).first()
        if existing is None and siret:
            existing = Association.objects.filter(siret=siret).first()
        if existing is not None:
            return existing
        if not cleaned_data.get("proposed_name", "").strip():
            self.add_error("proposed_name", _("Donnez le nom de votre association."))
        postcode = cleaned_data.get("proposed_postcode")
        if not postcode and "proposed_postcode" not in self.errors:
            self.add_error("proposed_postcode", _("Donnez le code postal du siège."))
        name = normalize(cleaned_data.get("proposed_commune"))
        if not name:
            self.add_error("proposed_commune", _("Donnez la commune du siège."))
        elif postcode:
            communes = [commune for commune in
                        Commune.objects.filter(postcodes__contains=postcode)
                        if normalize(commune.name) == name]
            if not communes:
                self.add_error("proposed_commune", _(
                    "Aucune commune de ce nom n'a le code postal %(postcode)s : vérifiez "
                    "l'un et l'autre.") % {"postcode": postcode})
            else:
                cleaned_data["proposed_commune"] = communes[0]
        return None


class LeaveForm(forms.Form):
    """An association's departure at its own request: when, why (optional), and the box
    that says the representative understood (joining.leaving_views)."""

    ends_on = forms.DateField(
        label=gettext_lazy("Dernier jour d'adhésion"),
        widget=DatePicker(),
        help_text=gettext_lazy("Aujourd'hui ou un jour à venir : jusqu'à ce jour inclus, "
                               "vos membres gardent leur accès."),
    )
    note = forms.CharField(
        label=gettext_lazy("Pourquoi l'association quitte le collectif (facultatif)"),
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Lu par la coordination seulement."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("J'ai compris : l'association ne sera plus membre du collectif "
                           "après cette date, et ses membres perdront leur accès."),
        error_messages={"required": gettext_lazy("Cochez la case pour confirmer le départ.")},
    )

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < timezone.localdate():
            raise forms.ValidationError(_("La date de fin ne peut pas être passée."))
        return ends_on
