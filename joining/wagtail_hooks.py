"""Join requests in the Wagtail admin: the queue (pending first, by default), the review
screen where a coordinator accepts or declines, the adhesions, and a panel on the admin's
home page saying how many requests wait."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    SnippetViewSetGroup,
)

from joining import services
from joining.models import CollectiveMembership, JoinRequest, JoinStatus
from joining.moderation_views import ReviewView
from portal.admin_privacy import SnippetViewSet
from portal.pending_panels import register_pending_items
from portal.permission_policies import KeptRecordsPolicy

# Requests and adhesions are the record of who asked, who decided and who is a member: never
# deleted; requests are decided on the review screen, adhesions made by accepting one
# (listed here, read only).
register_permission_policy(JoinRequest,
                           KeptRecordsPolicy(JoinRequest, {"add", "change", "delete"}))
register_permission_policy(CollectiveMembership,
                           KeptRecordsPolicy(CollectiveMembership, {"add", "change", "delete"}))

REVIEW_URL = "wagtailsnippets_joining_joinrequest:review"
LIST_URL = "wagtailsnippets_joining_joinrequest:list"


class JoinRequestIndexView(IndexView):
    """Pending requests unless another status is asked for; each row opens its review."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "status" not in self.request.GET:
            data = self.request.GET.copy()
            data["status"] = JoinStatus.PENDING
            kwargs["data"] = data
        return kwargs

    def get_inspect_url(self, instance):
        return reverse(REVIEW_URL, args=[instance.pk])


class JoinRequestEditView(EditView):
    """A request is decided on the review screen, never edited as a form."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(REVIEW_URL, pk=kwargs["pk"])


class JoinRequestCreateView(CreateView):
    """Requests come from the public form only."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(LIST_URL)


class JoinRequestViewSet(SnippetViewSet):
    model = JoinRequest
    icon = "group"
    menu_label = _("Demandes d'adhésion")
    index_view_class = JoinRequestIndexView
    edit_view_class = JoinRequestEditView
    add_view_class = JoinRequestCreateView
    list_display = ["association_name", "representative_name", "email", "status",
                    "submitted_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["association__name", "proposed_name", "email"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-submitted_at"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_queryset(self, request):
        return JoinRequest.objects.select_related("association", "decided_by")

    @property
    def review_view(self):
        return ReviewView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path("review/<id:pk>/", self.review_view, name="review")]


class CollectiveMembershipViewSet(SnippetViewSet):
    model = CollectiveMembership
    icon = "tick"
    menu_label = _("Adhésions au collectif")
    list_display = ["association", "starts_on", "ends_on", "end_reason"]
    list_filter = ["end_reason"]
    search_fields = ["association__name"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    # How it ended, and on whose word (joining/leaving.py), shown with the rest.
    inspect_view_fields = ["association", "starts_on", "join_request", "ends_on",
                           "end_reason", "end_note", "decision", "ended_by", "ended_at",
                           "created_at"]

    def get_queryset(self, request):
        return CollectiveMembership.objects.select_related("association")


class JoiningViewSetGroup(SnippetViewSetGroup):
    items = (JoinRequestViewSet, CollectiveMembershipViewSet)
    menu_icon = "group"
    menu_label = _("Adhésions")
    menu_order = 310


register_snippet(JoiningViewSetGroup)


def pending_requests(user):
    """How many join requests wait, for those who decide."""
    return services.can_moderate(user) and JoinRequest.objects.pending().count()


# On the admin's home page (portal/pending_panels.py).
register_pending_items(
    name="joining_pending_requests", order=80, title=_("Demandes d'adhésion"),
    count=pending_requests,
    message=lambda count: ngettext(
        "Une association demande à rejoindre le collectif.",
        "%(counter)s associations demandent à rejoindre le collectif.", count,
    ) % {"counter": count},
    link_text=_("Les examiner"), url=lambda: reverse(LIST_URL),
)
