"""The email that tells an association's people how the coordinators answered its report:
validated (with their comment, if any), or sent back with what to correct and the link to
the form. It goes to every person acting today for the association (extranet.impact.
recipients), in French, one message each over one connection."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from extranet.impact import links, years
from extranet.impact.models import ImpactReport, Status
from extranet.impact.recipients import people_of
from portal.emails import one_line

TEMPLATES = {Status.VALIDATED: "validated", Status.RETURNED: "returned"}


def message(report, person, connection=None):
    kind = TEMPLATES[report.status]
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report, "association": report.association, "person": person,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "url": links.report_form_url(report.association_id, report.year),
            "due_date": years.due_date(report.year),
        }
        subject = one_line(render_to_string(
            f"extranet/impact/emails/report_{kind}_subject.txt", context))
        body = render_to_string(f"extranet/impact/emails/report_{kind}.txt", context)
    return EmailMessage(f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body, None,
                        [person.email], connection=connection)


def send(report_id):
    """Send the answer to the report's association; the number sent (none if the report
    is no longer validated or sent back: it moved on meanwhile)."""
    report = ImpactReport.objects.select_related("association").filter(pk=report_id).first()
    if report is None or report.status not in TEMPLATES:
        return 0
    sent = 0
    with get_connection() as connection:
        for person in people_of([report.association_id]).get(report.association_id, []):
            sent += message(report, person, connection).send()
    return sent
