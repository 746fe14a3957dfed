"""The forms of mutual aid: a post (an offer or a request), the first answer to a post and a
message of a conversation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Association, Commune
from extranet.accounts.permissions import current_memberships
from extranet.mutual_aid.models import MESSAGE_MAX_LENGTH, Kind, Post
from portal.forms import DatePicker

KIND_PARAMETERS = {"offre": Kind.OFFER, "demande": Kind.REQUEST}


def department_communes():
    """The communes (not the delegated or associated ones) of the departments where the
    member associations are, by name."""
    departments = Commune.objects.filter(
        pk__in=Association.objects.members().values("commune_id")).values("department")
    return Commune.objects.filter(kind=Commune.Kind.COMMUNE,
                                  department__in=departments).order_by("name", "code")


class CommuneField(forms.ModelChoiceField):
    def label_from_instance(self, commune):
        return commune.name


def acting_associations(user, exclude=None):
    """The associations `user` acts for today, by name, but `exclude` (an association id)."""
    return [membership.association for membership in current_memberships(user)
            if membership.association_id != exclude]


class AssociationField(forms.TypedChoiceField):
    """One of the associations the person acts for (a choice among few, no query)."""

    def __init__(self, associations, **kwargs):
        super().__init__(choices=[(a.pk, a.name) for a in associations], coerce=int, **kwargs)
        self.associations = {a.pk: a for a in associations}

    def clean(self, value):
        return self.associations[super().clean(value)]


class PostForm(forms.ModelForm):
    """A post of one of the associations `user` acts for: the choice of the association is
    there when they act for several (a new post only)."""

    class Meta:
        model = Post
        fields = ["kind", "category", "title", "description", "commune", "starts_on",
                  "ends_on", "is_public"]
        field_classes = {"commune": CommuneField}
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 8}),
                   "starts_on": DatePicker(), "ends_on": DatePicker()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = department_communes()
        self.fields["commune"].empty_label = _("Choisir une commune")
        self.fields["kind"].choices = Kind.choices
        # No hidden copy of the date's default (a callable): it serves `has_changed` only,
        # unused here, and Django gives it the field's aria-describedby, which HTML forbids
        # on a hidden input.
        self.fields["starts_on"].show_hidden_initial = False
        self.fields["is_public"].help_text = _(
            "Pour une offre seulement : elle paraît aussi sur la page publique de l'entraide, "
            "sans nom de personne ni adresse. Une demande reste dans l'espace membres.")
        associations = acting_associations(user)
        if self.instance.pk is None and len(associations) > 1:
            self.fields["association"] = AssociationField(
                associations, label=_("Au nom de"),
                help_text=_("L'association qui offre ou demande."))
            self.order_fields(["association"])

    def clean(self):
        data = super().clean()
        if data.get("is_public") and data.get("kind") == Kind.REQUEST:
            self.add_error("is_public", _("Seule une offre peut paraître sur le site public."))
        if "association" in self.fields and data.get("association"):
            self.instance.association = data["association"]
        return data


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"), max_length=MESSAGE_MAX_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Il est envoyé par courriel à l'autre association, sans votre adresse ni "
                    "la sienne : la réponse vous parviendra par le site."),
    )


class AnswerForm(MessageForm):
    """The first answer to a post, for one of the associations `user` acts for but the
    post's (the choice is there when they are several)."""

    def __init__(self, *args, associations, **kwargs):
        super().__init__(*args, **kwargs)
        if len(associations) > 1:
            self.fields["association"] = AssociationField(
                associations, label=_("Au nom de"),
                help_text=_("L'association pour laquelle vous répondez."))
            self.order_fields(["association"])
        self.associations = associations

    def answering_association(self):
        return self.cleaned_data.get("association") or self.associations[0]
