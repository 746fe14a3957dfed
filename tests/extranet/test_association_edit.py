"""A representative proposes changes to their association's public record from the
extranet; nothing is public before an editor accepts (directory.moderation)."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from directory import moderation
from directory.models import AssociationChangeRequest
from portal.editorial import setup_editorial_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def edit_url(association):
    return reverse("extranet:association_edit", kwargs={"slug": association.slug})


def form_data(association, **changes):
    data = {name: getattr(association, name) or "" for name in AssociationChangeRequest.FIELDS}
    data.update(changes)
    return data


def image_file(name="logo.png", image_format="PNG", size=(64, 64)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "teal").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_the_form_starts_from_the_public_record(client, representative, association):
    association.phone = "01 60 00 00 00"
    association.save()
    client.force_login(representative)

    response = client.get(edit_url(association))

    assert 'value="01 60 00 00 00"' in response.text


def test_a_proposal_waits_for_the_editors(client, representative, association,
                                          django_capture_on_commit_callbacks):
    coordinator = UserFactory(groups=[setup_editorial_roles().coordinators])
    client.force_login(representative)

    with django_capture_on_commit_callbacks(execute=True):  # the email leaves on commit
        response = client.post(edit_url(association),
                               form_data(association, description="Nous cultivons ensemble."))

    assert response.status_code == 302
    change_request = AssociationChangeRequest.objects.get()
    assert change_request.is_pending
    assert change_request.submitted_by == representative
    association.refresh_from_db()
    assert association.description == ""
    assert [message.to for message in mail.outbox] == [[coordinator.email]]


def test_the_page_says_a_proposal_waits_and_offers_to_complete_it(client, representative,
                                                                  association):
    client.force_login(representative)
    client.post(edit_url(association), form_data(association, phone="01 64 00 00 00"))

    response = client.get(edit_url(association))

    assert "attend la relecture" in response.text
    assert 'value="01 64 00 00 00"' in response.text


def test_a_proposal_that_changes_nothing_is_sent_back(client, representative, association):
    client.force_login(representative)

    response = client.post(edit_url(association), form_data(association))

    assert response.status_code == 200
    assert "Vous n&#x27;avez rien changé à la fiche." in response.text
    assert not AssociationChangeRequest.objects.exists()


def test_bad_contacts_are_refused_with_a_message_and_kept_in_the_form(client, representative,
                                                                     association):
    client.force_login(representative)

    response = client.post(edit_url(association), form_data(
        association, email="pas-une-adresse", postcode="775", description="Texte gardé."
    ))

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"email", "postcode"}
    assert "Texte gardé." in response.text
    assert not AssociationChangeRequest.objects.exists()


def test_a_logo_is_sent_with_the_proposal(client, representative, association):
    client.force_login(representative)

    client.post(edit_url(association), {**form_data(association), "logo": image_file()})

    assert AssociationChangeRequest.objects.get().logo.name.endswith(".png")


@pytest.mark.parametrize("upload", [
    SimpleUploadedFile("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
    SimpleUploadedFile("logo.exe", b"MZ\x90\x00"),
])
def test_a_file_that_is_not_an_image_is_refused_as_a_logo(client, representative, association,
                                                          upload):
    client.force_login(representative)

    response = client.post(edit_url(association), {**form_data(association), "logo": upload})

    assert "logo" in response.context["form"].errors
    assert not AssociationChangeRequest.objects.exists()


def test_an_image_named_like_another_format_is_refused_as_a_logo(client, representative,
                                                                 association):
    client.force_login(representative)

    response = client.post(edit_url(association), {
        **form_data(association), "logo": image_file(name="logo.gif", image_format="GIF"),
    })

    assert response.context["form"].errors["logo"] == [
        "Le logo doit être une image JPEG, PNG ou WebP."
    ]


def test_an_oversized_logo_is_refused(client, representative, association):
    client.force_login(representative)

    response = client.post(edit_url(association), {
        **form_data(association), "logo": image_file(size=(4100, 10)),
    })

    assert "logo" in response.context["form"].errors


def test_a_member_who_is_not_the_representative_cannot_propose(client, member, association):
    client.force_login(member)

    response = client.post(edit_url(association), form_data(association, phone="01 64"))

    assert response.status_code == 403
    assert not AssociationChangeRequest.objects.exists()


def test_a_representative_cannot_propose_for_another_association(client, representative,
                                                                 neighbour):
    client.force_login(representative)

    response = client.post(edit_url(neighbour), form_data(neighbour, phone="01 64"))

    assert response.status_code == 403
    assert not AssociationChangeRequest.objects.exists()


def test_the_decision_shows_on_the_page_with_the_editors_message(client, representative,
                                                                 association):
    coordinator = UserFactory(groups=[setup_editorial_roles().coordinators])
    client.force_login(representative)
    client.post(edit_url(association), form_data(association, phone="01 64 00 00 00"))
    moderation.reject(AssociationChangeRequest.objects.get(), coordinator,
                      "Ce numéro est personnel.")

    response = client.get(edit_url(association))

    assert "refusée" in response.text
    assert "Ce numéro est personnel." in response.text
