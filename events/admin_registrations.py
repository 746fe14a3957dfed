"""Registrations in the Wagtail admin, for the team that runs the events (coordinators, see
portal/editorial.py): the list, filtered by event, state and attendance and searched by name,
address or association; its CSV/XLSX export (the filtered rows, safe to open in a
spreadsheet); attendance noted one by one (the edit form has only that field) or for several
at once (bulk action "Noter la présence"). Registrations come from the public form only and are
never deleted, not even by a superuser: they are cancelled (by their link, or by the team).
"""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView

from events.models import EventPage, Registration, RegistrationStatus
from portal.admin_bulk_actions import ConfirmedBulkAction
from portal.admin_exports import (
    FrenchSpreadsheetExportMixin,
    choice_label,
    in_both_formats,
    yes_no,
)
from portal.admin_privacy import SnippetViewSet
from portal.permission_policies import KeptRecordsPolicy

REGISTRATION_POLICY_REFUSED = {"add", "delete"}


def registration_policy():
    return KeptRecordsPolicy(Registration, REGISTRATION_POLICY_REFUSED)


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({timezone.localtime(obj.starts_at):%d/%m/%Y})"


class EventFilter(django_filters.ModelChoiceFilter):
    field_class = EventChoiceField


def events_with_registrations(request):
    """Events of the default language that take, or took, registrations; newest first."""
    return EventPage.objects.filter(locale_id=Locale.get_default().pk).filter(
        Q(registration_enabled=True) | Q(id__in=Registration.objects.values("event_id"))
    ).order_by("-starts_at").only("id", "title", "slug", "starts_at")


class RegistrationFilterSet(WagtailFilterSet):
    event = EventFilter(label=_("Événement"), queryset=events_with_registrations)
    status = django_filters.ChoiceFilter(label=_("État"), choices=RegistrationStatus.choices)
    attended = django_filters.BooleanFilter(label=_("Présence"))

    class Meta:
        model = Registration
        fields = ["event", "status", "attended"]


class RegistrationIndexView(FrenchSpreadsheetExportMixin, IndexView):
    """The list and its export, as the other exports of the admin (portal.admin_exports:
    Paris time, `;` and a BOM, every CSV cell safe against formulas), with states and
    attendance in words."""

    custom_field_preprocess = {
        "status": choice_label(RegistrationStatus),
        "attended": in_both_formats(lambda value: str(yes_no(value))),
    }

    def get_filename(self):
        """`inscriptions-<event's slug>` when the list is filtered by one event."""
        name = super().get_filename()
        if self.filters is not None and self.filters.is_valid():
            event = self.filters.form.cleaned_data.get("event")
            if event is not None:
                name = f"{name}-{event.slug}"
        return name


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Inscriptions aux événements")
    menu_name = "event-registrations"
    add_to_admin_menu = True
    menu_order = 260
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    list_display = ["name", "email", "association_name", "places", "status", "created_at",
                    "attended", "event"]
    list_export = ["event", "name", "email", "association_name", "places", "needs", "status",
                   "created_at", "promoted_at", "cancelled_at", "attended", "language"]
    export_headings = {"event": _("Événement"), "language": _("Langue")}
    export_filename = "inscriptions"
    search_fields = ["name", "email", "association_name"]
    search_backend_name = None  # plain database search
    list_per_page = 100
    ordering = ["-created_at", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["event", "name", "email", "association_name", "places", "needs",
                           "status", "created_at", "promoted_at", "cancelled_at", "reminded_at",
                           "language", "attended"]
    # Only the attendance is edited; the rest is shown as it was typed.
    edit_handler = ObjectList([
        FieldPanel("event", read_only=True),
        FieldRowPanel([FieldPanel("name", read_only=True),
                       FieldPanel("email", read_only=True)]),
        FieldRowPanel([FieldPanel("association_name", read_only=True),
                       FieldPanel("places", read_only=True),
                       FieldPanel("status", read_only=True)]),
        FieldPanel("needs", read_only=True),
        FieldPanel("attended"),
    ])

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        label=_("Présence"),
        choices=[("yes", _("Présent·e")), ("no", _("Absent·e")), ("", _("Non noté"))],
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None, required=False, widget=forms.RadioSelect, initial="yes",
    )


class RegistrationBulkAction(ConfirmedBulkAction, SnippetBulkAction):
    """A bulk action on registrations, for those who may change them, confirmed on the
    admin's shared page (portal/admin_bulk_actions.py): each registration by its name."""

    @classproperty
    def models(cls):
        return [Registration]

    def item_label(self, obj):
        return obj.name

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )


class AttendanceBulkAction(RegistrationBulkAction):
    """Note the attendance of the selected registrations at once (the day of the event)."""

    display_name = _("Noter la présence")
    action_type = "note_attendance"
    aria_label = _("Noter la présence des inscriptions choisies")
    action_priority = 20
    form_class = AttendanceForm
    question = _("Présence à noter pour :")
    no_access_text = _("Vous ne pouvez pas noter la présence de ces inscriptions :")
    action_button_text = _("Enregistrer")
    no_action_button_text = _("Ne rien changer")

    def item_details(self, obj):
        return [obj.event.title, ngettext("%(counter)s place", "%(counter)s places",
                                          obj.places) % {"counter": obj.places}]

    def get_execution_context(self):
        return {"attended": self.cleaned_form.cleaned_data["attended"]}

    @classmethod
    def execute_action(cls, objects, attended=None, **kwargs):
        count = Registration.objects.filter(pk__in=[obj.pk for obj in objects]).update(
            attended=attended
        )
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Présence notée pour %(count)d inscription.",
            "Présence notée pour %(count)d inscriptions.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def registration_button(page, user, view_name, next_url=None):
    """In the header of an event page's admin (its "…" menu): its registrations."""
    if page.specific_class is not EventPage:
        return
    if not registration_policy().user_has_any_permission(user, ["view", "change"]):
        return
    from events.registrations import source_event

    event = source_event(page)
    url = reverse("wagtailsnippets_events_registration:list") + f"?event={event.pk}"
    yield Button(_("Inscriptions"), url=url, icon_name="form", priority=25)


class CancelBulkAction(RegistrationBulkAction):
    """Cancel registrations for people who called or wrote (as their link would): their
    places go to the waiting list, whose promoted people are emailed."""

    display_name = _("Annuler")
    action_type = "cancel_registration"
    aria_label = _("Annuler les inscriptions choisies")
    action_priority = 30
    classes = {"serious"}
    confirmation_title = _("Annuler des inscriptions")
    question = _(
        "Ces inscriptions seront annulées (elles restent dans la liste, marquées annulées) ; "
        "leurs places iront à la liste d'attente, dans l'ordre, et les personnes qui en "
        "sortent recevront un courriel. Celles d'un événement déjà commencé ne changent pas."
    )
    no_access_text = _("Vous ne pouvez pas annuler ces inscriptions :")
    action_button_text = _("Oui, annuler")
    no_action_button_text = _("Non, garder")

    def item_details(self, obj):
        return [obj.event.title, obj.get_status_display()]

    @classmethod
    def execute_action(cls, objects, **kwargs):
        from django.core.exceptions import ValidationError

        from events.registrations import cancel

        count = 0
        for registration in objects:
            try:
                count += bool(cancel(registration))
            except ValidationError:
                continue  # the event has started
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d inscription annulée ; la liste d'attente en profite.",
            "%(count)d inscriptions annulées ; la liste d'attente en profite.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
