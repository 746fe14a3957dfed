"""The forms of the proposals' pages: a proposal (its body and author association when it is
put, its text, its effect, its attachments and the library's documents it cites), a word in
its discussion, and the filters of the list. The rules that need only the proposal are
Proposal.clean()'s; those on the associations its effect names are here."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.documents.forms import LibraryDocumentsField
from extranet.governance import coordination, permissions
from extranet.governance.models import Body, CommentKind, Effect, Proposal, ProposalComment
from extranet.governance.models.proposals import MAX_ATTACHMENTS
from portal import uploads
from portal.forms import DatePicker


class ProposalForm(forms.ModelForm):
    """A proposal by `user`. When it is put (no pk yet), the body is one of those where an
    association the user represents sits, and the author association one of those; they do
    not change afterwards."""

    attachments = uploads.MultipleFileField(label=_("Pièces jointes"), required=False)

    class Meta:
        model = Proposal
        fields = ["body", "author_association", "title", "text", "rationale", "is_public",
                  "effect", "effect_associations", "effect_starts_on"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 10}),
            "rationale": forms.Textarea(attrs={"rows": 6}),
            "effect_associations": forms.CheckboxSelectMultiple,
            "effect_starts_on": DatePicker(),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            del self.fields["body"], self.fields["author_association"]
        else:
            self._choose_body_and_author()
        self.fields["effect_associations"].queryset = (
            Association.objects.members().order_by("name")
        )
        self.fields["attachments"].help_text = _(
            "%(count)s fichiers au plus par proposition, de %(size)s Mo chacun au plus. "
            "Formats acceptés : %(formats)s."
        ) % {
            "count": MAX_ATTACHMENTS,
            "size": uploads.MAX_ATTACHMENT_BYTES // (1024 * 1024),
            "formats": uploads.accepted_formats(),
        }
        self.fields["library_documents"] = LibraryDocumentsField(user=user)
        if self.instance.pk:
            self.initial.setdefault("library_documents", list(
                self.instance.library_documents.values_list("pk", flat=True)))

    def _choose_body_and_author(self):
        body = self.fields["body"]
        body.queryset = permissions.proposable_bodies(self.user).order_by("kind", "name")
        body.empty_label = None
        author = self.fields["author_association"]
        author.queryset = Association.objects.members().filter(
            pk__in=permissions.represented_ids(self.user)
        ).order_by("name")
        author.empty_label = None
        author.help_text = _("Une association que vous représentez et qui siège dans "
                             "l'instance.")

    def clean(self):
        data = super().clean()
        body, author = data.get("body"), data.get("author_association")
        if body and author and author.pk not in permissions.proposing_associations(
            self.user, body
        ):
            self.add_error("author_association", _(
                "Cette association ne siège pas dans cette instance : elle ne peut pas lui "
                "faire de proposition."
            ))
        self._clean_effect_associations(data)
        return data

    def _clean_effect_associations(self, data):
        effect, named = data.get("effect"), data.get("effect_associations")
        if named is None or "effect" in self.errors:
            return
        if effect == Effect.NONE:
            data["effect_associations"] = named.none()
        elif effect == Effect.EXCLUSION:
            author_id = (data.get("author_association") or self.instance.author_association).pk
            if len(named) != 1:
                self.add_error("effect_associations", _(
                    "Une proposition d'exclusion nomme une seule association."
                ))
            elif named[0].pk == author_id:
                self.add_error("effect_associations", _(
                    "Une association ne propose pas sa propre exclusion."
                ))
        elif effect == Effect.COORDINATION and not named:
            self.add_error("effect_associations", _(
                "Nommez au moins une association à qui confier la coordination."
            ))
        elif effect == Effect.COORDINATION and data.get("effect_starts_on"):
            # What the ballot's opening will check: members, a term length, free days.
            body = data.get("body") or (self.instance.body if self.instance.body_id else None)
            try:
                if body is not None:
                    coordination.check_coordination_effect(body, named,
                                                           data["effect_starts_on"])
            except ValidationError as error:
                self.add_error(None, error)

    def clean_attachments(self):
        new = self.cleaned_data["attachments"]
        already = self.instance.attachments.count() if self.instance.pk else 0
        if already + len(new) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Une proposition porte au plus %(count)s pièces jointes ; elle en a déjà "
                  "%(already)s.") % {"count": MAX_ATTACHMENTS, "already": already},
                code="too_many_attachments",
            )
        return uploads.check_each(new)


class CommentForm(forms.ModelForm):
    """A comment or an amendment, said for one of the user's associations that sit in the
    proposal's body."""

    class Meta:
        model = ProposalComment
        fields = ["association", "kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5}), "kind": forms.RadioSelect}

    def __init__(self, *args, user, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        association = self.fields["association"]
        association.queryset = Association.objects.filter(
            pk__in=permissions.sitting_ids(user, proposal.body)
        ).order_by("name")
        association.empty_label = None
        association.label = _("Au nom de")
        self.fields["kind"].help_text = _(
            "Un amendement propose un nouveau texte complet de la proposition : "
            "l'association autrice peut le reprendre tant que le vote n'est pas ouvert."
        )
        self.initial.setdefault("kind", CommentKind.COMMENT)


class ProposalFilterForm(forms.Form):
    """The list's filters, in the address (?instance=slug&etat=open)."""

    OPEN, WITHDRAWN = "open", "withdrawn"

    instance = forms.ModelChoiceField(
        label=_("Instance"), queryset=Body.objects.all(), to_field_name="slug",
        required=False, empty_label=_("Toutes"),
    )
    etat = forms.ChoiceField(
        label=_("État"), required=False,
        choices=[("", _("Toutes")), (OPEN, _("En cours")), (WITHDRAWN, _("Retirées"))],
    )

    def filter(self, proposals):
        """The proposals the valid filters keep (a filter that names nothing is ignored)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("instance"):
            proposals = proposals.filter(body=data["instance"])
        if data.get("etat") == self.OPEN:
            proposals = proposals.open()
        elif data.get("etat") == self.WITHDRAWN:
            proposals = proposals.filter(withdrawn_at__isnull=False)
        return proposals

    def query_string(self):
        data = getattr(self, "cleaned_data", {})
        pairs = {}
        if data.get("instance"):
            pairs["instance"] = data["instance"].slug
        if data.get("etat"):
            pairs["etat"] = data["etat"]
        return urlencode(pairs)
