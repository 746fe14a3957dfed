"""The library's visitors beyond those of tests/extranet/conftest.py: a participant of a
working group, a person of an association seated in a committee, a person of a member
association seated nowhere; and a document with two versions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from extranet.documents import library
from tests.factories import (
    AssociationFactory,
    BodyFactory,
    BodySeatFactory,
    GroupMemberFactory,
    MembershipFactory,
    WorkingGroupFactory,
    make_document,
    pdf_bytes,
)


@pytest.fixture
def working_group(db):
    return WorkingGroupFactory(name="Accès aux droits")


@pytest.fixture
def committee(db):
    return BodyFactory(name="Comité de coordination")


@pytest.fixture
def participant(working_group):
    """Acts for a member association and takes part in the working group."""
    person = MembershipFactory(
        association=AssociationFactory(name="Amicale laïque de Chelles", is_member=True),
    ).person
    GroupMemberFactory(group=working_group, person=person)
    return person


@pytest.fixture
def seated(committee):
    """Acts for a member association seated in the committee."""
    association = AssociationFactory(name="Les Restos du cœur de Torcy", is_member=True)
    BodySeatFactory(body=committee, association=association)
    return MembershipFactory(association=association).person


@pytest.fixture
def unseated(neighbour, committee):
    """Acts for a member association that has no seat in the committee (the committee
    exists, with a seat for another association)."""
    BodySeatFactory(body=committee)
    return MembershipFactory(association=neighbour).person


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


FIRST_VERSION = pdf_bytes("Statuts, première version")
SECOND_VERSION = pdf_bytes("Statuts, deuxième version")


def two_versions(folder, owner_association=None, **kwargs):
    """A document of `folder` with two versions (FIRST_VERSION, then SECOND_VERSION)."""
    document = make_document(
        folder=folder, title="Statuts du collectif", owner_association=owner_association,
        upload=upload("statuts.pdf", FIRST_VERSION, "application/pdf"), **kwargs)
    library.add_version(document, upload("statuts.pdf", SECOND_VERSION, "application/pdf"),
                        by=document.created_by, note="Article 4 modifié")
    return document
