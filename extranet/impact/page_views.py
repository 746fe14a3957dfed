"""What the observatory of social utility answers under its address (its routes are on
SocialUtilityPage): the open data and the stories' photos. Everything is public."""

import mimetypes

from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import get_language

from extranet.impact import figures, opendata
from extranet.impact.models.reports import ImpactReport

PHOTO_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}
PHOTO_MAX_AGE = 600  # seconds: a withdrawn consent hides the photo soon after
JSON_PARAMS = {"ensure_ascii": False, "indent": 2}


def schema_url(page):
    return page.full_url + page.reverse_subpage("schema")


def open_data(page, kind):
    """donnees.csv or donnees.json, from the cached figures."""
    data, english = figures.figures(), get_language() == "en"
    if kind == "csv":
        response = HttpResponse(opendata.csv_text(data, english),
                                content_type="text/csv; charset=utf-8")
    else:
        response = JsonResponse(
            opendata.document(data, schema_url(page), timezone.now(), english),
            json_dumps_params=JSON_PARAMS,
        )
    response["Content-Disposition"] = f'inline; filename="utilite-sociale.{kind}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def schema(page):
    response = JsonResponse(opendata.json_schema(schema_url(page)),
                            json_dumps_params=JSON_PARAMS)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def photo(report_id):
    """The photo of a story: only of a validated report whose association agreed to be
    published, else 404; shown in the page (inline), never sniffed."""
    report = ImpactReport.objects.public().exclude(photo="").filter(pk=report_id).first()
    if report is None:
        raise Http404
    content_type = mimetypes.guess_type(report.photo.name)[0]
    if content_type not in PHOTO_TYPES:
        raise Http404
    try:
        handle = report.photo.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={PHOTO_MAX_AGE}"
    return response
