"""Who changes the library: the coordinators make, change and remove folders; the people of
a document's association (and the coordinators) change it, add a version and bin it; a
member adds documents only to folders they read and that are not public, for their own
association, whatever the posted form says."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.accounts.models import Role
from extranet.documents import library
from extranet.documents.models import Audience, Document, EventKind, Folder
from tests.extranet.documents.conftest import two_versions
from tests.factories import (
    AssociationFactory,
    FolderFactory,
    MembershipFactory,
    make_document,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(db):
    return FolderFactory(name="Comptes rendus", audience=Audience.MEMBERS)


@pytest.fixture
def neighbours_representative(neighbour):
    """The representative of another member association."""
    return MembershipFactory(association=neighbour, role=Role.REPRESENTATIVE).person


def a_pdf(name="statuts.pdf"):
    return SimpleUploadedFile(name, pdf_bytes())


# Folders: the coordinators'.

FOLDER_FORM = {"name": "Archives", "description": "", "parent": "", "audience": "members",
               "group": "", "body_id": ""}


@pytest.mark.parametrize("visitor", ["member", "representative"])
def test_a_member_cannot_create_a_folder(client, request, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(reverse("extranet:folder_create"), FOLDER_FORM)

    assert response.status_code == 403
    assert not Folder.objects.exists()


@pytest.mark.parametrize("visitor", ["member", "representative"])
def test_a_member_cannot_change_a_folder(client, request, folder, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(reverse("extranet:folder_edit", kwargs={"folder_id": folder.pk}),
                           {**FOLDER_FORM, "audience": "public"})

    assert response.status_code == 403
    folder.refresh_from_db()
    assert (folder.name, folder.audience) == ("Comptes rendus", Audience.MEMBERS)


@pytest.mark.parametrize("visitor", ["member", "representative"])
def test_a_member_cannot_delete_a_folder(client, request, folder, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(reverse("extranet:folder_delete", kwargs={"folder_id": folder.pk}))

    assert response.status_code == 403
    assert Folder.objects.filter(pk=folder.pk).exists()


def test_a_coordinator_creates_changes_and_deletes_a_folder(client, coordinator):
    client.force_login(coordinator)

    client.post(reverse("extranet:folder_create"), FOLDER_FORM)
    folder = Folder.objects.get()
    client.post(reverse("extranet:folder_edit", kwargs={"folder_id": folder.pk}),
                {**FOLDER_FORM, "name": "Archives 2025", "audience": "coordinators"})
    folder.refresh_from_db()
    changed = (folder.name, folder.audience)
    client.post(reverse("extranet:folder_delete", kwargs={"folder_id": folder.pk}))

    assert changed == ("Archives 2025", Audience.COORDINATORS)
    assert not Folder.objects.exists()


def test_a_public_folder_cannot_sit_in_a_folder_for_members(client, coordinator, folder):
    client.force_login(coordinator)

    response = client.post(reverse("extranet:folder_create"),
                           {**FOLDER_FORM, "parent": folder.pk, "audience": "public"})

    assert "audience" in response.context["form"].errors
    assert Folder.objects.count() == 1


# A document: its association's people and the coordinators change it.

@pytest.fixture
def neighbours_document(folder, neighbour, neighbours_representative):
    return make_document(folder=folder, owner_association=neighbour,
                         by=neighbours_representative)


@pytest.fixture
def own_document(folder, association, representative):
    return make_document(folder=folder, owner_association=association, by=representative)


@pytest.mark.parametrize("visitor", ["member", "representative"])
def test_another_association_cannot_change_a_document(client, request, neighbours_document,
                                                      folder, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(
        reverse("extranet:document_edit", kwargs={"document_id": neighbours_document.pk}),
        {"folder": folder.pk, "title": "Changé", "description": "", "tags": ""})

    assert response.status_code == 403
    neighbours_document.refresh_from_db()
    assert neighbours_document.title != "Changé"


@pytest.mark.parametrize("visitor", ["member", "representative"])
def test_another_association_cannot_add_a_version(client, request, neighbours_document,
                                                  visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(
        reverse("extranet:version_create", kwargs={"document_id": neighbours_document.pk}),
        {"note": "", "file": a_pdf()})

    assert response.status_code == 403
    assert neighbours_document.versions.count() == 1


@pytest.mark.parametrize("visitor", ["member", "representative"])
def test_another_association_cannot_bin_a_document(client, request, neighbours_document,
                                                   visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(
        reverse("extranet:document_bin", kwargs={"document_id": neighbours_document.pk}))

    assert response.status_code == 403
    neighbours_document.refresh_from_db()
    assert not neighbours_document.in_bin


def test_another_association_is_not_offered_the_buttons_to_change(client, member,
                                                                  neighbours_document):
    client.force_login(member)

    response = client.get(reverse("extranet:document_detail",
                                  kwargs={"document_id": neighbours_document.pk}))

    assert not response.context["can_change"]
    assert reverse("extranet:version_create",
                   kwargs={"document_id": neighbours_document.pk}) not in response.text


def test_a_member_of_its_association_changes_adds_a_version_and_bins_it(client, member,
                                                                        own_document,
                                                                        folder):
    client.force_login(member)
    kwargs = {"document_id": own_document.pk}

    client.post(reverse("extranet:document_edit", kwargs=kwargs),
                {"folder": folder.pk, "title": "Statuts révisés", "description": "",
                 "tags": ""})
    client.post(reverse("extranet:version_create", kwargs=kwargs),
                {"note": "Révision", "file": a_pdf("statuts-revises.pdf")})
    client.post(reverse("extranet:document_bin", kwargs=kwargs))

    own_document.refresh_from_db()
    assert own_document.title == "Statuts révisés"
    assert own_document.versions.count() == 2
    assert own_document.in_bin
    assert [event.kind for event in own_document.events.order_by("at", "pk")] == [
        EventKind.ADDED, EventKind.CHANGED, EventKind.NEW_VERSION, EventKind.BINNED]


def test_a_coordinator_changes_any_association_s_document(client, coordinator,
                                                          neighbours_document):
    client.force_login(coordinator)
    kwargs = {"document_id": neighbours_document.pk}

    client.post(reverse("extranet:version_create", kwargs=kwargs),
                {"note": "", "file": a_pdf()})
    client.post(reverse("extranet:document_bin", kwargs=kwargs))

    neighbours_document.refresh_from_db()
    assert neighbours_document.versions.count() == 2
    assert neighbours_document.in_bin


def test_its_association_cannot_change_a_document_of_a_public_folder(client, representative,
                                                                     association):
    document = make_document(folder=FolderFactory(audience=Audience.PUBLIC),
                             owner_association=association)
    client.force_login(representative)

    response = client.post(reverse("extranet:version_create",
                                   kwargs={"document_id": document.pk}),
                           {"note": "", "file": a_pdf()})

    assert response.status_code == 403
    assert document.versions.count() == 1


def test_a_member_cannot_move_a_document_to_a_folder_they_cannot_fill(client, member,
                                                                      own_document):
    closed = FolderFactory(audience=Audience.COORDINATORS)
    public = FolderFactory(audience=Audience.PUBLIC)
    client.force_login(member)
    url = reverse("extranet:document_edit", kwargs={"document_id": own_document.pk})
    form = {"title": own_document.title, "description": "", "tags": ""}

    to_closed = client.post(url, {**form, "folder": closed.pk})
    to_public = client.post(url, {**form, "folder": public.pk})

    assert "folder" in to_closed.context["form"].errors
    assert "folder" in to_public.context["form"].errors
    assert Document.objects.get().folder_id == own_document.folder_id


# The bin and the journal: the coordinators'.

def test_a_member_cannot_restore_a_document_of_their_association(client, representative,
                                                                 own_document):
    library.move_to_bin(own_document, representative)
    client.force_login(representative)

    response = client.post(reverse("extranet:document_restore",
                                   kwargs={"document_id": own_document.pk}))

    assert response.status_code == 403
    own_document.refresh_from_db()
    assert own_document.in_bin


def test_a_coordinator_restores_a_binned_document(client, coordinator, representative,
                                                  own_document):
    library.move_to_bin(own_document, representative)
    client.force_login(coordinator)

    client.post(reverse("extranet:document_restore", kwargs={"document_id": own_document.pk}))

    own_document.refresh_from_db()
    assert not own_document.in_bin


def test_restoring_takes_a_post_only(client, coordinator, representative, own_document):
    library.move_to_bin(own_document, representative)
    client.force_login(coordinator)

    response = client.get(reverse("extranet:document_restore",
                                  kwargs={"document_id": own_document.pk}))

    assert response.status_code == 405
    own_document.refresh_from_db()
    assert own_document.in_bin


# Adding a document: to a folder one reads and fills, for one's own association.

@pytest.fixture
def group_folder(working_group):
    return FolderFactory(name="Groupe accès aux droits", audience=Audience.GROUP,
                         group=working_group)


def post_document(client, folder, association, **data):
    return client.post(reverse("extranet:document_create"), {
        "folder": folder.pk, "title": "Statuts", "description": "", "tags": "",
        "owner_association": association.pk, "file": a_pdf(), **data,
    })


def test_a_member_cannot_add_a_document_to_a_folder_they_cannot_read(client, member,
                                                                     association, folder,
                                                                     group_folder):
    client.force_login(member)

    response = post_document(client, group_folder, association)

    assert "folder" in response.context["form"].errors
    assert not Document.objects.exists()


def test_a_member_cannot_open_the_form_for_a_folder_they_cannot_read(client, member, folder,
                                                                     group_folder):
    client.force_login(member)

    response = client.get(reverse("extranet:document_create"),
                          {"dossier": group_folder.pk})

    assert response.status_code == 403


def test_a_member_cannot_add_a_document_to_a_public_folder(client, member, association,
                                                           folder):
    public = FolderFactory(name="Documents publics", audience=Audience.PUBLIC)
    client.force_login(member)

    refused_form = client.get(reverse("extranet:document_create"), {"dossier": public.pk})
    response = post_document(client, public, association)

    assert refused_form.status_code == 403
    assert "folder" in response.context["form"].errors
    assert not Document.objects.exists()


def test_a_member_with_only_public_folders_gets_no_form(client, member, association):
    FolderFactory(audience=Audience.PUBLIC)
    client.force_login(member)

    response = client.get(reverse("extranet:document_create"))

    assert response.status_code == 403


def test_a_coordinator_adds_a_document_to_a_public_folder(client, coordinator, association):
    public = FolderFactory(name="Documents publics", audience=Audience.PUBLIC)
    client.force_login(coordinator)

    post_document(client, public, association)

    assert Document.objects.get().folder == public


def test_a_participant_adds_a_document_to_the_group_folder(client, participant,
                                                           group_folder):
    association = participant.memberships.get().association
    client.force_login(participant)

    post_document(client, group_folder, association)

    assert Document.objects.get().folder == group_folder


def test_a_member_cannot_add_a_document_for_another_association(client, member, folder,
                                                                neighbour):
    client.force_login(member)

    response = post_document(client, folder, neighbour)

    assert "owner_association" in response.context["form"].errors
    assert not Document.objects.exists()


def test_a_document_cannot_belong_to_an_association_that_is_not_a_member(client,
                                                                         coordinator,
                                                                         folder):
    outsider = AssociationFactory(is_member=False)
    client.force_login(coordinator)

    response = post_document(client, folder, outsider)

    assert "owner_association" in response.context["form"].errors
    assert not Document.objects.exists()


def test_a_coordinator_adds_a_document_for_any_member_association(client, coordinator,
                                                                  folder, neighbour):
    client.force_login(coordinator)

    post_document(client, folder, neighbour)

    assert Document.objects.get().owner_association == neighbour


def test_a_document_of_two_versions_is_changed_by_its_association_only(client, unseated,
                                                                       representative,
                                                                       association, folder):
    document = two_versions(folder, owner_association=association)
    url = reverse("extranet:document_edit", kwargs={"document_id": document.pk})

    client.force_login(unseated)
    refused = client.get(url).status_code
    client.force_login(representative)
    allowed = client.get(url).status_code

    assert (refused, allowed) == (403, 200)
