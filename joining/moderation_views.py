"""The admin screen where a coordinator reviews a join request: what the association says,
the duplicates found, the log, and accept / decline with a message."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from joining import services
from joining.models import JoinRequest


class DecisionForm(forms.Form):
    ACCEPT, DECLINE = "accept", "decline"

    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"), widget=forms.RadioSelect,
        choices=[(ACCEPT, gettext_lazy("Accepter : l'association devient membre")),
                 (DECLINE, gettext_lazy("Refuser"))],
    )
    message = forms.CharField(
        label=gettext_lazy("Message à l'association"), required=False, widget=forms.Textarea,
        help_text=gettext_lazy("Obligatoire pour un refus : pourquoi, et ce qu'elle peut faire. "
                               "Envoyé par courriel au représentant ou à la représentante."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.DECLINE and not data.get("message", "").strip():
            self.add_error("message", _("Dites à l'association pourquoi sa demande est "
                                        "refusée."))
        return data


class ReviewView(WagtailAdminTemplateMixin, FormView):
    form_class = DecisionForm
    template_name = "joining/admin/review_join_request.html"
    header_icon = "group"
    index_url_name = None  # set by the viewset

    def dispatch(self, request, *args, **kwargs):
        if not services.can_moderate(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(
            JoinRequest.objects.select_related(
                "association", "association__commune", "proposed_commune", "sector",
                "charter_version", "decided_by", "linked_association", "invitation",
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Demande d'adhésion")

    def get_page_subtitle(self):
        return self.object.association_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url, "label": JoinRequest._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def index_url(self):
        return reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        join_request = self.object
        pending = join_request.is_pending
        return super().get_context_data(
            join_request=join_request,
            steps=join_request.steps.select_related("by"),
            pending_duplicates=join_request.pending_duplicates() if pending else [],
            directory_matches=join_request.directory_matches() if pending else [],
            index_url=self.index_url,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            if form.cleaned_data["decision"] == DecisionForm.ACCEPT:
                services.accept(self.object, self.request.user, form.cleaned_data["message"])
                messages.success(self.request, _("Demande acceptée : l'association est membre, "
                                                 "son représentant est invité."))
            else:
                services.decline(self.object, self.request.user, form.cleaned_data["message"])
                messages.success(self.request, _("Demande refusée ; l'association est "
                                                 "prévenue."))
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect(self.index_url)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
