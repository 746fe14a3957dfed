from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

# Registrations (events/admin_registrations.py): the list, export and attendance.
from events.admin_registrations import (
    AttendanceBulkAction,
    CancelBulkAction,
    RegistrationViewSet,
    registration_button,
    registration_policy,
)
from events.models import Registration

register_permission_policy(Registration, registration_policy())
register_snippet(RegistrationViewSet)
hooks.register("register_bulk_action", AttendanceBulkAction)
hooks.register("register_bulk_action", CancelBulkAction)
hooks.register("register_page_header_buttons", registration_button)
