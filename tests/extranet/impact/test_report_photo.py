"""The photo of a report: a real JPEG or PNG within the size limit, described, served only to
the association's people and the coordinators."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.impact.models import ImpactReport
from tests.extranet.impact.conftest import edit_url, image_bytes, photo, report_data
from tests.factories import MembershipFactory
from tests.factories.impact import ImpactReportFactory

pytestmark = pytest.mark.django_db


def test_a_photo_with_its_description_is_kept(client, member, association):
    client.force_login(member)

    response = client.post(edit_url(association), report_data(
        photo=photo("Notre action !.png"), photo_alt="Des bénévoles au marché."))

    assert response.status_code == 302
    report = ImpactReport.objects.get()
    assert report.photo.name.endswith(".png")
    assert "/" not in report.photo.name.removeprefix(f"impact/{report.year}/{association.pk}/")


def test_a_photo_without_description_is_refused(client, member, association):
    client.force_login(member)

    response = client.post(edit_url(association), report_data(photo=photo()))

    assert response.context["form"].has_error("photo_alt")


def test_a_photo_whose_extension_lies_is_refused(client, member, association):
    client.force_login(member)
    lying = SimpleUploadedFile("action.jpg", image_bytes("PNG"), content_type="image/jpeg")

    response = client.post(edit_url(association), report_data(
        photo=lying, photo_alt="Des bénévoles."))

    assert "n'est pas un vrai fichier JPG" in " ".join(response.context["form"].errors["photo"])
    assert not ImpactReport.objects.exists()


def test_an_image_of_another_kind_is_refused(client, member, association):
    client.force_login(member)
    gif = SimpleUploadedFile("action.gif", image_bytes("GIF"), content_type="image/gif")

    response = client.post(edit_url(association), report_data(
        photo=gif, photo_alt="Des bénévoles."))

    assert "JPEG ou PNG" in " ".join(response.context["form"].errors["photo"])


def test_an_oversize_photo_is_refused_with_its_size_and_the_limit(
        client, member, association, settings):
    settings.IMPACT_PHOTO_MAX_BYTES = 20  # a small PNG weighs some 80 bytes
    client.force_login(member)

    response = client.post(edit_url(association), report_data(
        photo=photo(), photo_alt="Des bénévoles."))

    errors = " ".join(response.context["form"].errors["photo"])
    assert "plus que les" in errors and "Mo acceptés" in errors


@pytest.fixture
def report_with_photo(association):
    report = ImpactReportFactory(association=association, photo_alt="Des bénévoles.")
    report.photo.save("action.png", ContentFile(image_bytes()), save=True)
    return report


def photo_url(report):
    return reverse("extranet:impact_report_photo", kwargs={"report_id": report.pk})


def test_the_photo_is_served_inline_to_the_associations_people(
        client, member, report_with_photo):
    client.force_login(member)

    response = client.get(photo_url(report_with_photo))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


def test_the_photo_is_served_to_coordinators(client, coordinator, report_with_photo):
    client.force_login(coordinator)

    assert client.get(photo_url(report_with_photo)).status_code == 200


def test_the_photo_is_refused_to_another_association(client, neighbour, report_with_photo):
    client.force_login(MembershipFactory(association=neighbour).person)

    assert client.get(photo_url(report_with_photo)).status_code == 403


def test_a_report_without_photo_has_none_to_serve(client, member, association):
    client.force_login(member)

    response = client.get(photo_url(ImpactReportFactory(association=association)))

    assert response.status_code == 404


def test_the_form_links_the_photo_kept_to_its_view(client, member, report_with_photo):
    client.force_login(member)

    response = client.get(edit_url(report_with_photo.association, report_with_photo.year))

    assert photo_url(report_with_photo) in response.content.decode()
