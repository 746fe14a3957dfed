"""The editors' explorer and choosers name the roots of the page tree and of the
collections in French (migration portal 0004), not Wagtail's "Root"."""

import pytest
from wagtail.models import Collection, Page

pytestmark = pytest.mark.django_db


def test_the_root_of_the_pages_is_named_in_french():
    assert Page.objects.get(depth=1).title == "Racine"


def test_the_root_of_the_collections_is_named_in_french():
    assert Collection.get_first_root_node().name == "Racine"


def test_the_explorer_shows_the_french_root(admin_client):
    response = admin_client.get(f"/admin/pages/{Page.objects.get(depth=1).pk}/")

    assert "Racine" in response.text
    assert ">Root<" not in response.text
