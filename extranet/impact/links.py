"""The addresses of the members' pages of a report, as the coordinators' pages and the
emails link to them."""

from django.urls import reverse

from portal.emails import absolute_url


def report_form_url(association_id, year):
    """The absolute address where the association's people fill (or correct) the report of
    `year`."""
    return absolute_url(reverse("extranet:impact_report_edit", args=[association_id, year]))


def photo_url(report):
    """Where a signed-in person sees the report's photo, or None without a photo."""
    if not report.photo:
        return None
    return reverse("extranet:impact_report_photo", args=[report.pk])
