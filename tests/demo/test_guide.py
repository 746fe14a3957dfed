"""`seed_demo` makes the guide for elected officials and the members page, in both
languages, and leaves alone a guide made as a content page before the guide had its type."""

import io

import pytest
from django.core.management import call_command

from demo import guide as demo_guide
from directory.models import Association, MembersPage
from home.guide import GuidePage
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_the_demo_guide_is_a_guide_page_in_french_with_its_chapters(client):
    seed()

    guide = GuidePage.objects.get(slug=demo_guide.GUIDE_SLUG, locale__language_code="fr")
    titles = [entry["title"] for entry in guide.table_of_contents()]
    assert len(titles) == 6
    assert titles[0] == "Qu'est-ce qu'une association loi 1901 ?"
    response = client.get(guide.url)
    assert response.status_code == 200
    assert "subvention de fonctionnement pluriannuelle" in response.text


def test_the_demo_guide_and_members_page_have_english_versions(client):
    seed()

    guide = GuidePage.objects.get(locale__language_code="en")
    members = MembersPage.objects.get(locale__language_code="en")
    assert guide.title == demo_guide.GUIDE["en"]["title"]
    assert members.title == demo_guide.MEMBERS["en"]["title"]
    assert client.get(guide.url).status_code == 200
    assert client.get(members.url).status_code == 200


def test_the_demo_members_page_lists_the_demo_member_associations(client):
    seed()

    response = client.get(f"/{demo_guide.MEMBERS_SLUG}/")

    assert response.status_code == 200
    assert "Entraide et partage chellois" in response.text
    members = Association.objects.members().count()
    assert f"{members} associations membres du collectif" in client.get("/").text


def test_an_older_content_page_at_the_guide_address_is_left_alone_and_reported():
    home = HomePage.objects.get(locale__language_code="fr")
    old = StandardPage(title="Guide pour les élus", slug=demo_guide.GUIDE_SLUG)
    home.add_child(instance=old)
    old.save_revision().publish()

    output = seed()

    assert StandardPage.objects.filter(pk=old.pk).exists()
    assert not GuidePage.objects.exists()
    assert "Left as it is" in output
