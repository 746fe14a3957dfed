"""The member associations by name that each process keeps (directory.member_names), which
the petition form links a typed name to."""

import datetime
from unittest import mock

import pytest

from directory import member_names
from tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


def test_a_member_is_found_whatever_the_case_and_spaces():
    association = AssociationFactory(name="Les Jardins  Partagés", is_member=True)

    assert member_names.member_association_id("  les jardins partagés ") == association.pk


def test_an_association_that_is_not_a_member_is_not_found():
    AssociationFactory(name="Amicale du quartier", is_member=False)

    assert member_names.member_association_id("Amicale du quartier") is None


def test_an_unpublished_member_is_not_found():
    AssociationFactory(name="Amicale du quartier", is_member=True, published=False)

    assert member_names.member_association_id("Amicale du quartier") is None


def test_a_dissolved_member_is_not_found():
    AssociationFactory(name="Amicale du quartier", is_member=True,
                       dissolved_on=datetime.date(2020, 6, 1))

    assert member_names.member_association_id("Amicale du quartier") is None


def test_of_two_members_with_the_same_name_the_older_is_found():
    older = AssociationFactory(name="Entraide", is_member=True)
    AssociationFactory(name="Entraide", is_member=True)

    assert member_names.member_association_id("entraide") == older.pk


def test_no_name_finds_nothing_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert member_names.member_association_id("") is None


def test_the_names_are_loaded_once(django_assert_num_queries):
    AssociationFactory(name="Entraide", is_member=True)
    member_names.member_association_id("Entraide")

    with django_assert_num_queries(0):
        member_names.member_association_id("Entraide")
        member_names.member_association_id("Autre")


def test_a_new_member_is_found_at_once():
    association = AssociationFactory(name="Entraide", is_member=False)
    assert member_names.member_association_id("Entraide") is None

    association.name = "Entraide chelloise"
    association.save()  # what an editor does
    association.is_member = True
    association.save()

    assert member_names.member_association_id("Entraide chelloise") == association.pk


def test_a_member_refreshed_without_a_signal_is_found_within_the_lifetime():
    association = AssociationFactory(name="Entraide", is_member=True, published=False)
    with mock.patch("portal.process_cache.time.monotonic", return_value=1000.0):
        assert member_names.member_association_id("Entraide") is None
    type(association).objects.filter(pk=association.pk).update(published=True)  # no signal

    with mock.patch("portal.process_cache.time.monotonic", return_value=1000.0 + 60):
        assert member_names.member_association_id("Entraide") is None
    with mock.patch("portal.process_cache.time.monotonic",
                    return_value=1000.0 + member_names.LIFETIME + 1):
        assert member_names.member_association_id("Entraide") == association.pk
