"""The addresses of the members' pages of a report (extranet.impact's form pages), as the
coordinators' pages and the emails link to them. Each is None (or falls back) while those
pages are not installed, so that the review works without them."""

from django.urls import NoReverseMatch, reverse

from portal.emails import absolute_url


def _first(name, *candidates):
    for args in candidates:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def report_form_url(association_id, year):
    """The absolute address where the association's people fill (or correct) the report of
    `year`: its form, else the reports' home page, else the extranet's home page."""
    path = (_first("extranet:impact_report_edit", [association_id, year])
            or _first("extranet:impact_home", [])
            or reverse("extranet:home"))
    return absolute_url(path)


def photo_url(report):
    """Where a signed-in person sees the report's photo, or None."""
    if not report.photo:
        return None
    return _first("extranet:impact_report_photo", [report.pk])
