"""The home page tells how many associations are members, and leads to their list."""

import datetime

import pytest

from tests.factories import AssociationFactory, MembersPageFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_one_member_in_the_singular(client, home_page):
    AssociationFactory(is_member=True)

    response = client.get("/")

    assert "1 association membre du collectif" in response.text


def test_the_home_page_counts_several_members_in_the_plural(client, home_page):
    AssociationFactory.create_batch(3, is_member=True)

    response = client.get("/")

    assert "3 associations membres du collectif" in response.text


def test_without_members_the_home_page_says_the_collective_is_being_built(client, home_page):
    AssociationFactory()  # in the directory, not a member

    response = client.get("/")

    assert response.context["members_count"] == 0
    assert "Aucune association membre pour l'instant" in response.text
    assert "0 association" not in response.text


def test_dissolved_and_unpublished_members_are_not_counted(client, home_page):
    AssociationFactory(is_member=True)
    AssociationFactory(is_member=True, published=False)
    AssociationFactory(is_member=True, created_on=datetime.date(2000, 1, 1),
                       dissolved_on=datetime.date(2019, 1, 1))

    response = client.get("/")

    assert response.context["members_count"] == 1


def test_the_count_links_to_the_members_page(client, home_page):
    members_page = MembersPageFactory(parent=home_page)
    AssociationFactory(is_member=True)

    response = client.get("/")

    assert f'href="{members_page.url}"' in response.text


def test_without_a_members_page_the_count_links_nowhere(client, home_page):
    AssociationFactory(is_member=True)

    response = client.get("/")

    assert response.context["members_page"] is None
    assert "Voir les associations membres" not in response.text


def test_the_count_costs_one_query_and_the_members_page_one(home_page,
                                                            django_assert_num_queries):
    AssociationFactory.create_batch(3, is_member=True)

    with django_assert_num_queries(2):
        context = home_page.members_context()

    assert context["members_count"] == 3
