"""The admin screen where an editor reviews a change an association proposed: what the
record says, what the association wants instead, and accept / refuse with a message."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directory import moderation
from directory.models import AssociationChangeRequest


class ReviewForm(forms.Form):
    APPROVE, REJECT = "approve", "reject"

    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"), widget=forms.RadioSelect,
        choices=[(APPROVE, gettext_lazy("Accepter et publier")),
                 (REJECT, gettext_lazy("Refuser"))],
    )
    note = forms.CharField(
        label=gettext_lazy("Message à l'association"), required=False, widget=forms.Textarea,
        help_text=gettext_lazy("Obligatoire pour un refus : ce qu'il faut corriger. "
                               "Il est envoyé par courriel à la personne qui a proposé."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REJECT and not data.get("note", "").strip():
            self.add_error("note", _("Dites à l'association pourquoi, et ce qu'elle peut "
                                     "corriger."))
        return data


class ReviewView(WagtailAdminTemplateMixin, FormView):
    form_class = ReviewForm
    template_name = "directory/admin/review_change_request.html"
    header_icon = "group"
    index_url_name = None  # set by the viewset
    logo_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not moderation.can_review(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(
            AssociationChangeRequest.objects.select_related(
                "association", "submitted_by", "reviewed_by", "association__logo"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Relire la modification proposée")

    def get_page_subtitle(self):
        return self.object.association.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url, "label": AssociationChangeRequest._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def index_url(self):
        return reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        now = moderation.current_values(self.object.association)
        changes = [
            {"field": field, "before": before, "after": after, "now": now[field.name],
             "moved": now[field.name] != before}
            for field, before, after in self.object.changes()
        ]
        logo_url = (
            reverse(self.logo_url_name, args=[self.object.pk]) if self.object.logo else ""
        )
        return super().get_context_data(
            change_request=self.object, changes=changes, index_url=self.index_url,
            logo_url=logo_url, **kwargs,
        )

    def form_valid(self, form):
        if not self.object.is_pending:
            messages.error(self.request, _("Cette proposition a déjà été relue."))
            return redirect(self.index_url)
        try:
            if form.cleaned_data["decision"] == ReviewForm.APPROVE:
                moderation.approve(self.object, self.request.user, form.cleaned_data["note"])
                messages.success(self.request, _("Modification publiée ; l'association est "
                                                 "prévenue."))
            else:
                moderation.reject(self.object, self.request.user, form.cleaned_data["note"])
                messages.success(self.request, _("Modification refusée ; l'association est "
                                                 "prévenue."))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect(self.index_url)


LOGO_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


def proposed_logo(request, pk):
    """The logo a proposal carries, for those who review it only (it is not public)."""
    if not moderation.can_review(request.user):
        raise PermissionDenied
    change_request = get_object_or_404(AssociationChangeRequest, pk=pk)
    if not change_request.logo:
        raise Http404
    extension = change_request.logo.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(change_request.logo.open("rb"),
                            content_type=LOGO_TYPES.get(extension, "application/octet-stream"))
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response
