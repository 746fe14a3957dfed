"""Changes an association proposes to its public record wait for an editor, who accepts or
refuses them; each step is kept, logged in the admin history and told by email."""

import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image as PillowImage
from wagtail.models import ModelLogEntry

from directory import moderation
from directory.models import AssociationChangeRequest
from portal.editorial import setup_editorial_roles
from tests.factories import AssociationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(db):
    return setup_editorial_roles()


@pytest.fixture
def coordinator(roles):
    return UserFactory(username="coordinatrice", groups=[roles.coordinators])


@pytest.fixture
def editor(roles):
    return UserFactory(username="redacteur", groups=[roles.editors])


@pytest.fixture
def representative(db):
    return UserFactory(username="representante", email="representante@example.org")


@pytest.fixture
def association(db):
    return AssociationFactory(name="Entraide chelloise", description="Ancienne présentation.",
                              website="https://ancien.example.org", phone="01 60 00 00 00")


def propose(association, person, **changes):
    change_request = moderation.draft_for(association)
    for name, value in changes.items():
        setattr(change_request, name, value)
    return moderation.submit(change_request, person)


def png(size=(120, 120), name="logo.png"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_proposal_changes_nothing_public_before_review(association, representative):
    propose(association, representative, description="Nouvelle présentation.")

    association.refresh_from_db()
    assert association.description == "Ancienne présentation."


def test_a_proposal_keeps_what_the_record_said_and_lists_only_what_changed(association,
                                                                          representative):
    change_request = propose(association, representative, description="Nouvelle présentation.")

    assert [(field.name, before, after) for field, before, after in change_request.changes()] == [
        ("description", "Ancienne présentation.", "Nouvelle présentation.")
    ]
    assert change_request.submitted_by == representative


def test_a_proposal_that_changes_nothing_is_refused(association, representative):
    with pytest.raises(ValidationError):
        propose(association, representative)

    assert not AssociationChangeRequest.objects.exists()


def test_a_proposal_with_a_bad_email_is_refused(association, representative):
    with pytest.raises(ValidationError) as error:
        propose(association, representative, email="pas-une-adresse")

    assert "email" in error.value.message_dict


def test_a_position_needs_both_coordinates(association, representative):
    with pytest.raises(ValidationError) as error:
        propose(association, representative, latitude="48.879")

    assert "longitude" in error.value.message_dict


def test_a_second_proposal_edits_the_pending_one(association, representative):
    propose(association, representative, description="Première version.")

    propose(association, representative, description="Seconde version.")

    assert AssociationChangeRequest.objects.get().description == "Seconde version."


def test_the_database_refuses_two_pending_proposals_for_one_association(association,
                                                                         representative):
    propose(association, representative, description="Première version.")

    with pytest.raises(IntegrityError), transaction.atomic():
        AssociationChangeRequest.objects.create(association=association, description="Autre")


def test_the_editors_are_told_of_a_proposal(association, representative, coordinator, editor,
                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        propose(association, representative, description="Nouvelle présentation.")

    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "Entraide chelloise" in mail.outbox[0].subject
    assert "/admin/snippets/directory/associationchangerequest/review/" in mail.outbox[0].body


def test_accepting_publishes_what_the_association_changed(association, representative,
                                                          coordinator):
    change_request = propose(association, representative, description="Nouvelle présentation.",
                             latitude="48.879", longitude="2.591")

    moderation.approve(change_request, coordinator)

    association.refresh_from_db()
    assert association.description == "Nouvelle présentation."
    assert str(association.latitude) == "48.879000"
    change_request.refresh_from_db()
    assert change_request.status == AssociationChangeRequest.Status.APPROVED
    assert change_request.reviewed_by == coordinator
    assert change_request.reviewed_at is not None


def test_accepting_leaves_alone_a_field_the_association_did_not_touch(association,
                                                                     representative,
                                                                     coordinator):
    change_request = propose(association, representative, description="Nouvelle présentation.")
    association.website = "https://corrige-par-la-redaction.example.org"
    association.save()

    moderation.approve(change_request, coordinator)

    association.refresh_from_db()
    assert association.website == "https://corrige-par-la-redaction.example.org"


def test_accepting_is_written_to_the_association_history(association, representative,
                                                         coordinator):
    change_request = propose(association, representative, phone="01 64 00 00 00")

    moderation.approve(change_request, coordinator)

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(association.pk))
        .order_by("timestamp").values_list("action", "user_id")
    )
    assert actions == [(moderation.SUBMITTED, representative.pk),
                       (moderation.APPROVED, coordinator.pk)]


def test_the_association_is_told_when_its_proposal_is_accepted(
    association, representative, coordinator, django_capture_on_commit_callbacks
):
    change_request = propose(association, representative, phone="01 64 00 00 00")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(change_request, coordinator)

    assert [message.to for message in mail.outbox] == [["representante@example.org"]]
    assert "à jour" in mail.outbox[0].subject


class Rollback(Exception):
    pass


def test_no_email_leaves_when_the_decision_is_rolled_back(
    association, representative, coordinator, django_capture_on_commit_callbacks
):
    change_request = propose(association, representative, phone="01 64 00 00 00")
    mail.outbox.clear()

    with (django_capture_on_commit_callbacks(execute=True) as callbacks,
          pytest.raises(Rollback), transaction.atomic()):
        moderation.approve(change_request, coordinator)
        raise Rollback

    assert callbacks == []
    assert mail.outbox == []


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_no_task_is_queued_in_the_database_when_the_decision_is_rolled_back(
    association, representative, coordinator
):
    change_request = propose(association, representative, phone="01 64 00 00 00")
    told = DBTaskResult.objects.filter(task_path__endswith="tell_the_association_of_the_decision")

    with pytest.raises(Rollback), transaction.atomic():
        moderation.approve(change_request, coordinator)
        assert told.count() == 1  # queued with the decision, in its transaction
        raise Rollback

    assert told.count() == 0
    change_request.refresh_from_db()
    assert change_request.is_pending


def test_refusing_needs_a_message(association, representative, coordinator):
    change_request = propose(association, representative, phone="01 64 00 00 00")

    with pytest.raises(ValidationError):
        moderation.reject(change_request, coordinator, "  ")

    change_request.refresh_from_db()
    assert change_request.is_pending


def test_refusing_changes_nothing_and_sends_the_message(
    association, representative, coordinator, django_capture_on_commit_callbacks
):
    change_request = propose(association, representative, phone="01 64 00 00 00")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.reject(change_request, coordinator, "Ce numéro est celui d'un particulier.")

    association.refresh_from_db()
    assert association.phone == "01 60 00 00 00"
    assert "Ce numéro est celui d'un particulier." in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action=moderation.REJECTED).count() == 1


def test_a_decided_proposal_cannot_be_decided_again(association, representative, coordinator):
    change_request = propose(association, representative, phone="01 64 00 00 00")
    moderation.reject(change_request, coordinator, "Numéro personnel.")

    with pytest.raises(ValidationError):
        moderation.approve(change_request, coordinator)


def test_an_editor_without_the_directory_right_cannot_decide(association, representative,
                                                             editor):
    change_request = propose(association, representative, phone="01 64 00 00 00")

    with pytest.raises(PermissionDenied):
        moderation.approve(change_request, editor)


def test_an_accepted_logo_joins_the_image_library(association, representative, coordinator):
    change_request = propose(association, representative, logo=png())

    moderation.approve(change_request, coordinator)

    association.refresh_from_db()
    assert association.logo.title == "Logo de Entraide chelloise"
    assert association.logo.collection.name == moderation.LOGO_COLLECTION
    assert association.logo.width == 120


def test_a_logo_over_two_megabytes_is_refused(association, representative):
    heavy = SimpleUploadedFile("logo.png", b"0" * (2 * 1024 * 1024 + 1),
                               content_type="image/png")

    with pytest.raises(ValidationError) as error:
        propose(association, representative, logo=heavy)

    assert "logo" in error.value.message_dict


def test_a_change_accepted_by_hand_survives_the_next_rna_import(tmp_path, representative,
                                                                coordinator):
    from tests.directory.test_rna_import import SAMPLE, import_rna

    import_rna(SAMPLE, "--department", "77")
    from directory.models import Association

    association = Association.objects.get(rna_id="W771000001")
    change_request = propose(association, representative, website="https://entraide.example.org")
    moderation.approve(change_request, coordinator)

    import_rna(SAMPLE, "--department", "77")

    association.refresh_from_db()
    assert association.website == "https://entraide.example.org"


class TestTheReviewScreen:
    def url(self, change_request):
        return f"/admin/snippets/directory/associationchangerequest/review/{change_request.pk}/"

    def test_a_coordinator_sees_the_difference(self, client, association, representative,
                                               coordinator):
        change_request = propose(association, representative, phone="01 64 00 00 00")
        client.force_login(coordinator)

        response = client.get(self.url(change_request))

        assert response.status_code == 200
        assert "01 60 00 00 00" in response.text
        assert "01 64 00 00 00" in response.text

    def test_a_coordinator_accepts_from_the_admin(self, client, association, representative,
                                                  coordinator):
        change_request = propose(association, representative, phone="01 64 00 00 00")
        client.force_login(coordinator)

        response = client.post(self.url(change_request), {"decision": "approve", "note": ""})

        assert response.status_code == 302
        association.refresh_from_db()
        assert association.phone == "01 64 00 00 00"

    def test_refusing_from_the_admin_without_a_message_is_sent_back(self, client, association,
                                                                    representative,
                                                                    coordinator):
        change_request = propose(association, representative, phone="01 64 00 00 00")
        client.force_login(coordinator)

        response = client.post(self.url(change_request), {"decision": "reject", "note": ""})

        assert response.status_code == 200
        change_request.refresh_from_db()
        assert change_request.is_pending

    def test_an_editor_is_refused_the_review_screen(self, client, association, representative,
                                                    editor):
        change_request = propose(association, representative, phone="01 64 00 00 00")
        client.force_login(editor)

        response = client.get(self.url(change_request))

        assert response.status_code in (302, 403)
        assert not response.get("Location", "").endswith(self.url(change_request))

    def test_the_list_opens_the_review_screen(self, client, association, representative,
                                              coordinator):
        change_request = propose(association, representative, phone="01 64 00 00 00")
        client.force_login(coordinator)

        listing = client.get("/admin/snippets/directory/associationchangerequest/")
        edit = client.get(
            f"/admin/snippets/directory/associationchangerequest/edit/{change_request.pk}/"
        )

        assert listing.status_code == 200
        assert "Entraide chelloise" in listing.text
        assert edit.status_code == 302
        assert edit["Location"] == self.url(change_request)


def test_the_admin_home_tells_a_coordinator_what_waits(client, association, representative,
                                                       coordinator):
    propose(association, representative, phone="01 64 00 00 00")
    client.force_login(coordinator)

    response = client.get("/admin/")

    assert "Une modification proposée par une association attend votre relecture." in (
        response.text
    )


def test_the_admin_home_says_nothing_when_nothing_waits(client, coordinator):
    client.force_login(coordinator)

    response = client.get("/admin/")

    assert "attend votre relecture" not in response.text


def test_a_stale_copy_of_a_decided_proposal_cannot_reopen_it(association, representative,
                                                             coordinator):
    change_request = propose(association, representative, phone="01 64 00 00 00")
    stale = AssociationChangeRequest.objects.get(pk=change_request.pk)
    moderation.approve(change_request, coordinator)

    stale.phone = "01 65 00 00 00"
    with pytest.raises(ValidationError):
        moderation.submit(stale, representative)

    change_request.refresh_from_db()
    assert change_request.status == AssociationChangeRequest.Status.APPROVED
    assert change_request.reviewed_by == coordinator


def test_what_the_form_showed_decides_what_is_proposed(association, representative,
                                                       coordinator):
    seen = moderation.seen_values(association, moderation.seen_token(association))
    association.phone = "01 99 99 99 99"  # corrected by an editor while the form was open
    association.save()
    change_request = moderation.draft_for(association)
    change_request.phone = "01 60 00 00 00"  # the form sends back what it showed
    change_request.description = "Nouvelle présentation."

    moderation.submit(change_request, representative, seen=seen)
    moderation.approve(change_request, coordinator)

    association.refresh_from_db()
    assert association.phone == "01 99 99 99 99"
    assert association.description == "Nouvelle présentation."


def test_a_tampered_form_snapshot_is_ignored(association):
    token = moderation.seen_token(association)

    assert moderation.seen_values(association, token[:-2] + "xx") is None
    assert moderation.seen_values(AssociationFactory(), token) is None


def test_a_proposed_logo_is_kept_out_of_the_public_media(association, representative,
                                                         settings):
    change_request = propose(association, representative, logo=png(name="photo-perso.png"))

    path = change_request.logo.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "photo-perso" not in path


def test_a_new_logo_replaces_the_file_of_the_previous_one(association, representative,
                                                          django_capture_on_commit_callbacks):
    first = propose(association, representative, logo=png())
    first_path = first.logo.path

    with django_capture_on_commit_callbacks(execute=True):
        second = moderation.draft_for(association)
        second.logo = png(name="autre.png")
        moderation.submit(second, representative)

    import os

    assert not os.path.exists(first_path)
    assert os.path.exists(second.logo.path)


def test_an_association_may_withdraw_its_proposal(association, representative):
    change_request = propose(association, representative, phone="01 64 00 00 00")

    moderation.withdraw(change_request, representative)

    change_request.refresh_from_db()
    assert change_request.status == AssociationChangeRequest.Status.WITHDRAWN
    assert ModelLogEntry.objects.filter(action=moderation.WITHDRAWN).count() == 1


def test_email_subjects_keep_apostrophes_and_stay_on_one_line(
    representative, coordinator, django_capture_on_commit_callbacks
):
    association = AssociationFactory(name="Amis de l'école\nde Chelles")

    with django_capture_on_commit_callbacks(execute=True):
        propose(association, representative, phone="01 64 00 00 00")

    assert mail.outbox[0].subject == (
        "Modification proposée pour la fiche de Amis de l'école de Chelles"
    )


class TestTheProposedLogo:
    def url(self, change_request):
        return f"/admin/snippets/directory/associationchangerequest/logo/{change_request.pk}/"

    def test_a_reviewer_sees_the_proposed_logo(self, client, association, representative,
                                               coordinator):
        change_request = propose(association, representative, logo=png())
        client.force_login(coordinator)

        response = client.get(self.url(change_request))

        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert "no-store" in response["Cache-Control"]

    def test_an_editor_cannot_see_the_proposed_logo(self, client, association, representative,
                                                    editor):
        change_request = propose(association, representative, logo=png())
        client.force_login(editor)

        assert client.get(self.url(change_request)).status_code in (302, 403)

    def test_an_anonymous_visitor_cannot_see_the_proposed_logo(self, client, association,
                                                               representative):
        change_request = propose(association, representative, logo=png())

        response = client.get(self.url(change_request))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_nobody_deletes_a_proposal_not_even_a_superuser(client, association, representative,
                                                        django_user_model):
    change_request = propose(association, representative, phone="01 64 00 00 00")
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))

    client.post(
        f"/admin/snippets/directory/associationchangerequest/delete/{change_request.pk}/"
    )

    assert AssociationChangeRequest.objects.filter(pk=change_request.pk).exists()


def test_the_metadata_of_a_proposed_photo_is_not_kept(client, association, representative):
    from directory.forms import AssociationChangeForm

    buffer = io.BytesIO()
    exif = PillowImage.Exif()
    exif[0x010E] = "Prise chez moi"  # ImageDescription
    PillowImage.new("RGB", (50, 50), "teal").save(buffer, "JPEG", exif=exif)
    upload = SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
    form = AssociationChangeForm({"description": "x"}, {"logo": upload},
                                 instance=moderation.draft_for(association))

    assert form.is_valid(), form.errors
    cleaned = form.cleaned_data["logo"]
    cleaned.seek(0)
    assert b"Prise chez moi" not in cleaned.read()
    assert b"Prise chez moi" in buffer.getvalue()
