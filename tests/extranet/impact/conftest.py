"""Helpers of the impact reports' tests: the form's POST data and images to upload."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from extranet.impact import years
from tests.factories.impact import sector

FIGURES = {
    "volunteers": "18", "staff_permanent": "2", "staff_fixed_term": "1",
    "staff_subsidised": "0", "staff_part_time": "1", "public_grants_share": "40",
    "calls_for_projects_share": "30",
}


def image_bytes(kind="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, kind)
    return buffer.getvalue()


def photo(name="action.png", kind="PNG"):
    content_type = "image/png" if kind == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, image_bytes(kind), content_type=content_type)


def activities(*lines, initial=0):
    """The formset's data: `lines` are dicts of an activity's fields (sector as a code)."""
    data = {"activities-TOTAL_FORMS": str(len(lines)),
            "activities-INITIAL_FORMS": str(initial),
            "activities-MIN_NUM_FORMS": "0", "activities-MAX_NUM_FORMS": "1000"}
    for index, line in enumerate(lines):
        for name, value in line.items():
            if name == "sector":
                value = sector(value).pk
            data[f"activities-{index}-{name}"] = str(value)
    return data


def report_data(button="save", figures=None, lines=None, initial=0, **extra):
    """A whole POST of the form: the figures (FIGURES unless given), one activity unless
    `lines` says otherwise, the button."""
    if lines is None:
        lines = [{"sector": "006000", "description": "Accompagnement", "volunteer_hours": 900,
                  "people_reached": 120}]
    return {**(FIGURES if figures is None else figures), **activities(*lines, initial=initial),
            "story": "Nos bénévoles ont accompagné quarante familles.",
            button: "1", **extra}


def edit_url(association, year=None):
    return reverse("extranet:impact_report_edit", kwargs={
        "association_id": association.pk, "year": year or years.open_year()})


@pytest.fixture
def open_year():
    return years.open_year()
