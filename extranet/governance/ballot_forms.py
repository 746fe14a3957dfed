"""The forms of the ballot pages: opening an online ballot, an association's vote, and a
proxy for one ballot. The rules are the models' and extranet.governance.voting's; these
forms say what a person may pick."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.governance.models import Choice
from extranet.groups.forms import DateTimeLocalInput


class BallotOpenForm(forms.Form):
    """An online ballot's window, typed in Paris time, and whether it is secret."""

    opens_at = forms.DateTimeField(
        label=_("Ouverture"), required=False, widget=DateTimeLocalInput(),
        help_text=_("Heure de Paris. Vide : le vote ouvre tout de suite."),
    )
    closes_at = forms.DateTimeField(
        label=_("Clôture"), widget=DateTimeLocalInput(),
        help_text=_("Heure de Paris. Jusqu'à cette heure, chaque association peut changer son "
                    "vote ; après, le vote est dépouillé et plus rien ne change."),
    )
    secret = forms.BooleanField(
        label=_("Vote à bulletin secret"), required=False,
        help_text=_("On saura quelles associations ont voté, jamais comment."),
    )

    def clean(self):
        cleaned = super().clean()
        opens_at = cleaned.get("opens_at") or timezone.now()
        closes_at = cleaned.get("closes_at")
        if closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("La clôture doit suivre l'ouverture."))
        if closes_at and closes_at <= timezone.now():
            self.add_error("closes_at", _("La clôture doit être à venir."))
        return cleaned


class VoteForm(forms.Form):
    """One association's vote: which association (among those the person may vote for: the
    service checks it) and the choice."""

    association = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(label=_("Votre vote"), choices=Choice.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": _("Choisissez pour, contre ou "
                                                             "abstention."),
                                               "invalid_choice": _("Choisissez pour, contre "
                                                                   "ou abstention.")})


class HolderField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ProxyForm(forms.Form):
    """The association that gives its proxy (one of those the person represents) and the one
    that will vote in its name (another association called to the ballot)."""

    giver = HolderField(label=_("Association qui donne sa voix"), queryset=Association.objects,
                        empty_label=None,
                        help_text=_("L'association que vous représentez."))
    holder = HolderField(label=_("Association qui votera en son nom"),
                         queryset=Association.objects,
                         help_text=_("Une autre association appelée à ce vote. Son ou sa "
                                     "représentant·e votera pour la vôtre."))

    def __init__(self, *args, givers, electors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["giver"].queryset = givers.order_by("name").only("pk", "name")
        self.fields["holder"].queryset = electors.order_by("name").only("pk", "name")
        if len(self.fields["giver"].queryset) == 1:
            self.fields["giver"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("giver") and cleaned.get("giver") == cleaned.get("holder"):
            self.add_error("holder", _("Une association ne se donne pas procuration."))
        return cleaned
