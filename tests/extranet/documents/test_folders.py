"""The library's folders, kept by the coordinators: made, renamed, moved; refused when a
public folder would sit in a closed one, the tree would grow deeper than MAX_DEPTH, a folder
would go into itself, a rule would lack its group or its body, or a name is taken."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from extranet.documents.models import MAX_DEPTH, Audience, Folder
from tests.extranet.documents.library_helpers import signed_in
from tests.factories import BodyFactory, WorkingGroupFactory
from tests.factories.documents import FolderFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("extranet:folder_create")


@pytest.fixture
def keeping(client, coordinator):
    return signed_in(client, coordinator)


def folder_data(**values):
    data = {"name": "Comptes rendus", "description": "", "parent": "",
            "audience": Audience.MEMBERS, "group": "", "body_id": ""}
    data.update({key: "" if value is None else value for key, value in values.items()})
    return data


def edit(client, folder, **values):
    values = {"name": folder.name, "parent": folder.parent_id, "audience": folder.audience,
              "group": folder.group_id, "body_id": folder.body_id, **values}
    return client.post(reverse("extranet:folder_edit", args=[folder.pk]),
                       folder_data(**values))


def chain(depth):
    """`depth` folders, each in the one before; the deepest last."""
    folders = [FolderFactory(name="Niveau 1")]
    for level in range(2, depth + 1):
        folders.append(FolderFactory(name=f"Niveau {level}", parent=folders[-1]))
    return folders


# Making, renaming, moving.

def test_a_coordinator_creates_a_folder_at_the_root(keeping, coordinator):
    response = keeping.post(CREATE, folder_data(name="Statuts et charte",
                                                description="Les textes fondateurs"))

    folder = Folder.objects.get()
    assert response["Location"] == reverse("extranet:folder_detail", args=[folder.pk])
    assert (folder.name, folder.parent, folder.audience, folder.created_by) == (
        "Statuts et charte", None, Audience.MEMBERS, coordinator)


def test_a_coordinator_creates_a_subfolder(keeping):
    parent = FolderFactory(name="Assemblées")

    keeping.post(CREATE, folder_data(name="2026", parent=parent.pk))

    assert Folder.objects.get(name="2026").parent == parent


def test_the_form_of_a_subfolder_starts_in_its_parent(keeping):
    parent = FolderFactory(name="Assemblées")

    response = keeping.get(CREATE, {"parent": parent.pk})

    assert response.context["form"].initial["parent"] == parent


def test_a_coordinator_creates_a_folder_for_a_working_group(keeping):
    group = WorkingGroupFactory()

    keeping.post(CREATE, folder_data(audience=Audience.GROUP, group=group.pk))

    assert Folder.objects.get().group == group


def test_a_coordinator_creates_a_folder_for_a_body(keeping):
    body = BodyFactory(name="Comité de coordination")

    keeping.post(CREATE, folder_data(audience=Audience.BODY, body_id=body.pk))

    folder = Folder.objects.get()
    assert folder.body_id == body.pk
    assert folder.audience_label() == "Instance « Comité de coordination »"


def test_a_coordinator_renames_a_folder(keeping):
    folder = FolderFactory(name="Compte-rendus")

    response = edit(keeping, folder, name="Comptes rendus")

    assert response.status_code == 302
    folder.refresh_from_db()
    assert folder.name == "Comptes rendus"


def test_a_coordinator_moves_a_folder_with_its_subfolders(keeping):
    moved = FolderFactory(name="2025")
    inside = FolderFactory(name="Bureau", parent=moved)
    archives = FolderFactory(name="Archives")

    edit(keeping, moved, parent=archives.pk)

    moved.refresh_from_db()
    assert moved.parent == archives
    assert inside.ancestors() == [archives, moved]


def test_a_coordinator_moves_a_folder_back_to_the_root(keeping):
    moved = FolderFactory(name="2025", parent=FolderFactory(name="Archives"))

    edit(keeping, moved, parent=None)

    moved.refresh_from_db()
    assert moved.parent is None


def test_changing_a_folder_s_rule_to_members_forgets_its_group(keeping):
    folder = FolderFactory(audience=Audience.GROUP, group=WorkingGroupFactory())

    edit(keeping, folder, audience=Audience.MEMBERS)

    folder.refresh_from_db()
    assert (folder.audience, folder.group) == (Audience.MEMBERS, None)


def test_a_member_cannot_create_a_folder(client, member):
    response = signed_in(client, member).post(CREATE, folder_data())

    assert response.status_code == 403
    assert not Folder.objects.exists()


# Refusals.

def refused(response, field):
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    return " ".join(errors[field])


def test_a_public_folder_cannot_sit_in_a_folder_for_members(keeping):
    parent = FolderFactory(audience=Audience.MEMBERS)

    response = keeping.post(CREATE, folder_data(parent=parent.pk, audience=Audience.PUBLIC))

    assert "Un dossier public doit être rangé" in refused(response, "audience")
    assert Folder.objects.count() == 1


def test_a_public_folder_may_sit_in_a_public_folder(keeping):
    parent = FolderFactory(audience=Audience.PUBLIC)

    keeping.post(CREATE, folder_data(parent=parent.pk, audience=Audience.PUBLIC))

    assert Folder.objects.get(parent=parent).audience == Audience.PUBLIC


def test_a_public_folder_cannot_be_moved_into_a_closed_folder(keeping):
    public = FolderFactory(audience=Audience.PUBLIC)
    closed = FolderFactory(audience=Audience.COORDINATORS)

    response = edit(keeping, public, parent=closed.pk)

    refused(response, "audience")
    public.refresh_from_db()
    assert public.parent is None


def test_a_public_folder_with_public_subfolders_cannot_be_closed(keeping):
    public = FolderFactory(audience=Audience.PUBLIC)
    FolderFactory(audience=Audience.PUBLIC, parent=public)

    response = edit(keeping, public, audience=Audience.MEMBERS)

    assert "Des sous-dossiers de ce dossier sont publics" in refused(response, "audience")
    public.refresh_from_db()
    assert public.audience == Audience.PUBLIC


def test_a_folder_cannot_go_deeper_than_max_depth(keeping):
    deepest = chain(MAX_DEPTH)[-1]

    response = keeping.post(CREATE, folder_data(name="Trop loin", parent=deepest.pk))

    assert f"Au plus {MAX_DEPTH} niveaux" in refused(response, "parent")
    assert not Folder.objects.filter(name="Trop loin").exists()


def test_a_folder_may_sit_at_max_depth(keeping):
    parent = chain(MAX_DEPTH - 1)[-1]

    keeping.post(CREATE, folder_data(name="Au fond", parent=parent.pk))

    assert Folder.objects.get(name="Au fond").ancestors()[-1] == parent


def test_a_folder_with_subfolders_cannot_be_moved_where_they_would_be_too_deep(keeping):
    target = chain(MAX_DEPTH - 1)[-1]
    moved = FolderFactory(name="Déplacé")
    FolderFactory(name="Son sous-dossier", parent=moved)

    response = edit(keeping, moved, parent=target.pk)

    assert f"Au plus {MAX_DEPTH} niveaux" in refused(response, "parent")
    moved.refresh_from_db()
    assert moved.parent is None


def test_a_folder_cannot_go_into_itself(keeping):
    folder = FolderFactory()

    response = edit(keeping, folder, parent=folder.pk)

    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    folder.refresh_from_db()
    assert folder.parent is None


def test_a_folder_cannot_go_into_its_own_subfolder(keeping):
    top, _middle, bottom = chain(3)

    response = edit(keeping, top, parent=bottom.pk)

    assert "rangé dans lui-même" in refused(response, "parent")
    top.refresh_from_db()
    assert top.parent is None


def test_a_folder_for_a_group_needs_its_group(keeping):
    response = keeping.post(CREATE, folder_data(audience=Audience.GROUP))

    assert "Choisissez le groupe de travail" in refused(response, "group")
    assert not Folder.objects.exists()


def test_a_folder_for_a_body_needs_its_body(keeping):
    response = keeping.post(CREATE, folder_data(audience=Audience.BODY))

    assert "Choisissez l'instance" in refused(response, "body_id")
    assert not Folder.objects.exists()


def test_a_folder_for_an_unknown_body_is_refused(keeping):
    body = BodyFactory()

    response = keeping.post(CREATE, folder_data(audience=Audience.BODY, body_id=body.pk + 1))

    refused(response, "body_id")
    assert not Folder.objects.exists()


def test_the_model_refuses_a_body_that_does_not_exist():
    folder = Folder(name="Instance disparue", audience=Audience.BODY, body_id=999_999)

    with pytest.raises(ValidationError) as refusal:
        folder.full_clean()

    assert "Cette instance n'existe pas." in refusal.value.message_dict["body_id"]


def test_two_folders_at_the_root_cannot_share_a_name_whatever_its_case(keeping):
    FolderFactory(name="Comptes rendus")

    response = keeping.post(CREATE, folder_data(name="COMPTES RENDUS"))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert Folder.objects.count() == 1


def test_two_folders_in_one_folder_cannot_share_a_name_whatever_its_case(keeping):
    parent = FolderFactory(name="Assemblées")
    FolderFactory(name="Bureau", parent=parent)

    response = keeping.post(CREATE, folder_data(name="bureau", parent=parent.pk))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert parent.children.count() == 1


def test_two_folders_in_different_folders_may_share_a_name(keeping):
    FolderFactory(name="2026", parent=FolderFactory(name="Assemblées"))
    other = FolderFactory(name="Bureau")

    keeping.post(CREATE, folder_data(name="2026", parent=other.pk))

    assert Folder.objects.filter(name="2026").count() == 2


def test_a_folder_keeps_its_own_name_when_renamed_in_another_case(keeping):
    folder = FolderFactory(name="comptes rendus")

    edit(keeping, folder, name="Comptes rendus")

    folder.refresh_from_db()
    assert folder.name == "Comptes rendus"
