"""Events in the Wagtail admin: themes, venues and registrations, under one menu *Événements*
(the event pages themselves are pages, edited in the page tree).

A theme or a venue that an event uses cannot be deleted (on_delete=PROTECT): Wagtail's delete
screen says so from its reference index; should that index lag behind the database, the
delete is refused with a message instead of an error page."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSetGroup

from events.admin_registrations import (
    AttendanceBulkAction,
    CancelBulkAction,
    RegistrationViewSet,
    registration_button,
    registration_policy,
)
from events.models import EventPage, Registration, Theme, Venue
from portal.admin_privacy import SnippetViewSet
from portal.page_records import keep_pages_with_records

# Before any viewset of registrations is made (they read it): never added nor deleted here.
register_permission_policy(Registration, registration_policy())


class ProtectedDeleteView(DeleteView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(self.request, _(
                "« %(object)s » sert à des événements : changez-les avant de le supprimer."
            ) % {"object": self.object})
            return redirect(self.index_url_name)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Thèmes")
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    search_backend_name = None  # plain database search: a handful of rows
    ordering = ["name"]
    copy_view_enabled = False
    delete_view_class = ProtectedDeleteView


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = gettext_lazy("Lieux")
    list_display = ["name", "street_address", "commune", "capacity", "wheelchair_accessible"]
    list_filter = ["wheelchair_accessible", "hearing_loop"]
    search_fields = ["name", "street_address", "postcode"]
    search_backend_name = None
    ordering = ["name"]
    delete_view_class = ProtectedDeleteView

    def get_queryset(self, request):
        return Venue.objects.select_related("commune")


class EventsViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, VenueViewSet, RegistrationViewSet)
    menu_icon = "date"
    menu_label = gettext_lazy("Événements")
    menu_order = 250


register_snippet(EventsViewSetGroup)


# Registrations (events/admin_registrations.py): the list, its export, attendance, and the
# event page's button to its registrations.
hooks.register("register_bulk_action", AttendanceBulkAction)
hooks.register("register_bulk_action", CancelBulkAction)
hooks.register("register_page_header_buttons", registration_button)


# Event pages that hold registrations are kept (portal/page_records.py): deleting one (or a
# page above it) would lose the registrations (the database refuses it anyway, which the bulk
# deletion of the page listing shows as an error). Editors unpublish them instead.
KEEP_MESSAGE = gettext_lazy(
    "« %(title)s » a des inscriptions (ou contient un événement qui en a) : dépubliez-le "
    "plutôt que de le supprimer, les inscriptions sont gardées."
)

keep_pages_with_records(EventPage, Registration.objects, "event", KEEP_MESSAGE)
