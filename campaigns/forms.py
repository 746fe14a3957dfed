"""The petition's form (crispy-forms, rendered with the project's template pack
`crispy_portal`) and the letter a signer adapts before the site sends it."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from campaigns.models import POSTCODE, Signature
from directory import member_names
from directory.models import Association
from portal.forms import HoneypotMixin

MEMBER_ASSOCIATIONS_LISTED = 500


def member_associations():
    """The member associations offered in the form's list (the typed name is kept when it
    matches none)."""
    return (Association.objects.members().published()
            .order_by("name").only("pk", "name")[:MEMBER_ASSOCIATIONS_LISTED])


class PetitionForm(HoneypotMixin, forms.Form):
    first_name = forms.CharField(
        label=_("Prénom"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nom"), max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Adresse électronique"), max_length=254,
        help_text=_("Nous y envoyons le lien qui confirme votre signature : elle ne compte "
                    "qu'une fois confirmée."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    postcode = forms.CharField(
        label=_("Code postal"), max_length=5, validators=[POSTCODE],
        help_text=_("Cinq chiffres ; il sert à vous proposer vos élus."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric",
                                      "pattern": "[0-9]{5}"}),
    )
    association_name = forms.CharField(
        label=_("Association (facultatif)"), required=False, max_length=255,
        help_text=_("Choisissez-la dans la liste des associations membres, ou écrivez son "
                    "nom."),
        widget=forms.TextInput(attrs={"autocomplete": "organization",
                                      "list": "petition-associations"}),
    )
    comment = forms.CharField(
        label=_("Commentaire (facultatif)"), required=False,
        max_length=Signature._meta.get_field("comment").max_length,
        help_text=_("Publié après relecture par l'équipe, si vous acceptez d'être nommé·e."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    show_publicly = forms.BooleanField(
        label=_("J'accepte que mon prénom, l'initiale de mon nom et mon association "
                "paraissent dans la liste publique des signataires."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("J'accepte le traitement de mes données personnelles décrit ici :"),
        error_messages={"required": _("Cochez cette case pour signer : sans votre accord, "
                                      "nous ne pouvons pas enregistrer votre signature.")},
    )

    def __init__(self, *args, campaign=None, action="", members_version=None, **kwargs):
        """`members_version`: the version of the member associations' names
        (directory.member_names.VERSION_KEY), when the caller read it already."""
        kwargs.setdefault("auto_id", "petition-%s")
        super().__init__(*args, **kwargs)
        if campaign is not None:
            self.fields["consent"].help_text = campaign.consent_text
        self.action = action
        self.members_version = members_version

    @cached_property
    def helper(self):
        """How crispy-forms lays the form out: made when it is shown, not for a POST that
        succeeds (the signing burst)."""
        helper = FormHelper()
        helper.form_action = self.action
        helper.form_id = "petition-form"
        helper.attrs = {"novalidate": ""}
        helper.layout = Layout(
            Fieldset(_("Vous"), "first_name", "last_name", "email", "postcode",
                     "association_name"),
            Fieldset(_("Votre message"), "comment", "show_publicly"),
            Fieldset(_("Vos données"), "consent"),
            Div("website", hidden="hidden"),
        )
        helper.add_input(Submit("sign", _("Signer la pétition")))
        return helper

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean(self):
        """`association_id`: the member association whose name was typed, if any."""
        cleaned_data = super().clean()
        cleaned_data["association_id"] = member_names.member_association_id(
            cleaned_data.get("association_name"), self.members_version
        )
        return cleaned_data


class LetterForm(forms.Form):
    """The letter, as the signer adapts it, and the officials it goes to."""

    subject = forms.CharField(label=_("Objet"), max_length=200)
    body = forms.CharField(
        label=_("Votre lettre"), max_length=10000, widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("{elu} est remplacé par le nom de chaque élu·e dans la lettre qui lui "
                    "est envoyée."),
    )
    officials = forms.ModelMultipleChoiceField(
        label=_("Élus destinataires"), queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choisissez au moins un·e élu·e.")},
    )

    def __init__(self, *args, officials=(), **kwargs):
        kwargs.setdefault("auto_id", "lettre-%s")
        super().__init__(*args, **kwargs)
        from campaigns.models import ElectedOfficial

        self.fields["officials"].queryset = ElectedOfficial.objects.filter(
            pk__in=[official.pk for official in officials]
        )
        self.helper = FormHelper()
        self.helper.form_id = "letter-form"
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("send", _("Envoyer ma lettre")))
