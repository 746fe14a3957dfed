"""A person without a name is shown by a neutral label, « Personne sans nom », never by their
email address nor their user name: one helper (portal.people.person_name) everywhere."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from extranet.accounts.models import Role
from portal.people import person_name
from tests.factories import (
    CommentFactory,
    GroupMemberFactory,
    MembershipFactory,
    PersonFactory,
    PostFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NAMELESS = {"first_name": "", "last_name": "", "username": "dominique.secret",
            "email": "dominique.secret@example.org"}


def test_a_person_is_named_by_their_names():
    assert person_name(UserFactory(first_name="Camille", last_name="Martin")) == "Camille Martin"


def test_a_person_without_a_name_gets_the_neutral_label():
    assert person_name(UserFactory(**NAMELESS)) == "Personne sans nom"


def test_the_neutral_label_is_translated():
    with translation.override("en"):
        assert person_name(UserFactory(**NAMELESS)) == "Person without a name"


def test_no_person_gives_nothing():
    assert person_name(None) == ""


def test_a_membership_names_a_nameless_person_by_the_label():
    membership = MembershipFactory(person=PersonFactory(**NAMELESS))

    assert membership.person_name == "Personne sans nom"
    assert "secret" not in str(membership)


def test_the_extranet_never_shows_a_nameless_member_by_their_address(client):
    person = MembershipFactory(person=PersonFactory(**NAMELESS), role=Role.MEMBER).person
    post = PostFactory(author=person)
    CommentFactory(post=post, author=person)
    client.force_login(MembershipFactory(role=Role.MEMBER).person)

    pages = [client.get("/extranet/"), client.get(f"/extranet/actualites/{post.pk}/"),
             client.get("/extranet/membres/")]

    for response in pages:
        assert response.status_code == 200
        assert "dominique.secret" not in response.text
    assert "Personne sans nom" in pages[1].text


def test_a_nameless_member_sees_the_label_in_the_extranet_menu(client):
    person = MembershipFactory(person=PersonFactory(**NAMELESS), role=Role.MEMBER).person
    client.force_login(person)

    response = client.get("/extranet/")

    assert "Connecté·e : Personne sans nom" in response.text
    assert "Bonjour." in response.text


def test_the_admin_lists_of_group_members_show_the_label(client):
    GroupMemberFactory(person=PersonFactory(**NAMELESS))
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get("/admin/snippets/workgroups/groupmember/")

    assert response.status_code == 200
    assert "Personne sans nom" in response.text
    assert "dominique.secret" not in response.text


def test_no_code_names_a_person_its_own_way():
    """Names come from portal.people only: no `get_full_name` fallback elsewhere."""
    root = Path(settings.BASE_DIR)
    offenders = []
    for folder in ["templates", *sorted({path.parent.name for path in root.glob("*/apps.py")}),
                   "extranet"]:
        for path in (root / folder).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or path == root / "portal/people.py":
                continue
            if re.search(r"get_full_name|\|default:[\w.]*\.email\b|or \w+\.email\b",
                         path.read_text(encoding="utf-8")):
                offenders.append(path.relative_to(root).as_posix())
    assert offenders == []
