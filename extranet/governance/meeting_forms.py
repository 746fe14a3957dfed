"""The forms of a body's meetings: convening (and moving), the proxy for a meeting, the
attendance sheet, a vote in the meeting, the minutes. The rules are the models' and the
services' (extranet.governance.meetings); these forms choose what a person sees and which
records they may pick."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from directory.forms import https_by_default
from extranet.accounts.models import Membership
from extranet.documents.forms import LibraryDocumentsField
from extranet.governance.models import AttendanceStatus, Choice, Proposal
from extranet.groups.forms import DateTimeLocalInput
from extranet.groups.models import Meeting
from portal import uploads
from portal.people import person_name

MAX_DOCUMENTS = 10  # per meeting


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field: cleans to a list, empty when nothing was chosen."""

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_file_clean(item, initial) for item in data if item]
        return [single_file_clean(data, initial)] if data else []


class ProposalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)


class BodyMeetingForm(forms.ModelForm):
    """A body's meeting: its date and times in Paris time, its place or link, its agenda
    (one point a line, then the proposals put to the vote), its documents (uploaded, and
    from the library: those `user` reads), its secretary."""

    agenda_lines = forms.CharField(
        label=_("Ordre du jour"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Un point par ligne, dans l'ordre."),
    )
    proposals = ProposalChoiceField(
        label=_("Propositions mises au vote"), required=False, queryset=Proposal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Chacune devient un point de l'ordre du jour, votée pendant la réunion."),
    )
    documents = MultipleFileField(
        label=_("Documents joints"), required=False,
        widget=MultipleFileInput(attrs={
            "accept": ",".join(f".{extension}" for extension in uploads.CONTENT_TYPES),
        }),
    )
    secretary = PersonChoiceField(
        label=_("Secrétaire de séance"), required=False,
        queryset=get_user_model().objects.none(),
        help_text=_("Une personne d'une association membre : elle tient la feuille de "
                    "présence, note les votes et écrit le compte rendu."),
    )

    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_url"]
        formfield_callback = https_by_default
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}

    def __init__(self, *args, body, user, body_meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body, self.body_meeting = body, body_meeting
        self.fields["proposals"].queryset = Proposal.objects.open().filter(body=body).exclude(
            ballots__closed_at__isnull=False
        ).distinct().order_by("title")
        self.fields["secretary"].queryset = get_user_model().objects.filter(
            pk__in=Membership.objects.current().filter(
                association__in=body.member_associations()
            ).values("person")
        ).order_by("last_name", "first_name", "pk")
        self.fields["documents"].help_text = _(
            "%(count)s fichiers au plus, de %(size)s Mo chacun au plus. Formats acceptés : "
            "%(formats)s."
        ) % {"count": MAX_DOCUMENTS, "size": uploads.MAX_ATTACHMENT_BYTES // (1024 * 1024),
             "formats": uploads.accepted_formats()}
        self.fields["library_documents"] = LibraryDocumentsField(user=user)
        self.order_fields([name for name in self.fields if name != "secretary"])
        if body_meeting is not None:
            items = list(body_meeting.agenda_items.all())
            self.initial.setdefault("agenda_lines", "\n".join(
                item.title for item in items if item.proposal_id is None
            ))
            self.initial.setdefault("proposals", [i.proposal_id for i in items if i.proposal_id])
            self.initial.setdefault("secretary", body_meeting.secretary_id)
            self.initial.setdefault("library_documents", list(
                body_meeting.library_documents.values_list("pk", flat=True)))

    def clean_documents(self):
        documents = self.cleaned_data["documents"]
        already = self.body_meeting.documents.count() if self.body_meeting else 0
        if already + len(documents) > MAX_DOCUMENTS:
            raise ValidationError(_("%(count)s documents au plus par réunion.")
                                  % {"count": MAX_DOCUMENTS})
        errors = []
        for upload in documents:
            try:
                uploads.check(upload)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return documents

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("place") and not cleaned.get("online_url") and not (
            self.errors.get("place") or self.errors.get("online_url")
        ):
            raise ValidationError(_("Donnez un lieu, un lien de visioconférence, ou les deux."))
        return cleaned

    def agenda(self):
        """[(title, proposal or None)], in order: the lines, then the proposals."""
        lines = [line.strip() for line in self.cleaned_data["agenda_lines"].splitlines()]
        return [(line, None) for line in lines if line] + [
            (str(_("Vote : %(title)s") % {"title": proposal.title}), proposal)
            for proposal in self.cleaned_data["proposals"]
        ]


class ProxyForm(forms.Form):
    """An association (of those the representative acts for) hands its vote to another."""

    giver = forms.ModelChoiceField(label=_("Association qui donne sa voix"), queryset=None)
    holder = forms.ModelChoiceField(
        label=_("Association qui votera en son nom"), queryset=None,
        help_text=_("Une autre association de l'instance."),
    )

    def __init__(self, *args, givers, sitting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["giver"].queryset = givers
        self.fields["holder"].queryset = sitting

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("giver") and cleaned.get("giver") == cleaned.get("holder"):
            raise ValidationError(_("Une association ne se donne pas procuration."))
        return cleaned


class AttendanceForm(forms.Form):
    """One line per association of the body: its presence and, when it is represented, the
    association that holds its proxy."""

    def __init__(self, *args, associations, initial_lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.associations = list(associations)
        for association in self.associations:
            status, holder = initial_lines.get(association.pk, ("", None))
            self.fields[f"status_{association.pk}"] = forms.ChoiceField(
                label=_("Présence de %(name)s") % {"name": association.name},
                choices=[("", "—"), *AttendanceStatus.choices], required=False,
                initial=status,
            )
            self.fields[f"holder_{association.pk}"] = forms.ModelChoiceField(
                label=_("%(name)s représentée par") % {"name": association.name},
                queryset=associations, required=False, initial=holder,
            )

    def rows(self):
        """[(association, status field, holder field)] for the template."""
        return [(a, self[f"status_{a.pk}"], self[f"holder_{a.pk}"]) for a in self.associations]

    def clean(self):
        cleaned = super().clean()
        for association in self.associations:
            status = cleaned.get(f"status_{association.pk}")
            holder = cleaned.get(f"holder_{association.pk}")
            if status == AttendanceStatus.REPRESENTED and holder is None:
                self.add_error(f"holder_{association.pk}", _(
                    "Dites quelle association la représente."))
            elif status == AttendanceStatus.REPRESENTED and holder == association:
                self.add_error(f"holder_{association.pk}", _(
                    "Une association ne se représente pas elle-même."))
        return cleaned

    def lines(self):
        """[(association, status, holder)] of the lines filled in."""
        return [
            (association, self.cleaned_data[f"status_{association.pk}"],
             self.cleaned_data[f"holder_{association.pk}"])
            for association in self.associations
            if self.cleaned_data.get(f"status_{association.pk}")
        ]


class MeetingVoteForm(forms.Form):
    association = forms.ModelChoiceField(label=_("Association"), queryset=None)
    choice = forms.ChoiceField(label=_("Vote"), choices=Choice.choices,
                               widget=forms.RadioSelect)

    def __init__(self, *args, voters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = voters


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Compte rendu"), widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Ce qui a été dit et décidé ; approuvé à la réunion suivante, il ne "
                    "change plus ensuite."),
    )
