"""The people of the coordinating association are coordinators for the days of its term, and
only then (Paris dates, first and last days included)."""

import datetime

import pytest
from django.urls import reverse

from extranet.accounts.models import Role
from extranet.accounts.permissions import forget, is_coordinator
from extranet.second_factor import requires_second_factor
from tests.extranet.governance.coordination_helpers import PARIS, in_days, paris_noon
from tests.factories import CoordinationTermFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def term(entrusting_body, coordinating_association):
    """A term that starts in ten days and lasts a month."""
    return CoordinationTermFactory(body=entrusting_body, starts_on=in_days(10),
                                   ends_on=in_days(40),
                                   associations=[coordinating_association])


def rights_on(time_machine, person, when):
    time_machine.move_to(when, tick=False)
    forget(person)
    return is_coordinator(person)


def test_the_day_before_the_term_its_people_are_not_coordinators(
        time_machine, term, coordinating_member):
    assert not rights_on(time_machine, coordinating_member,
                         paris_noon(term.starts_on - datetime.timedelta(days=1)))


def test_on_the_first_day_of_the_term_its_people_are_coordinators(
        time_machine, term, coordinating_member):
    assert rights_on(time_machine, coordinating_member, paris_noon(term.starts_on))


def test_the_first_day_starts_at_midnight_in_paris(time_machine, term, coordinating_member):
    just_after_midnight = datetime.datetime.combine(term.starts_on, datetime.time(0, 30),
                                                    tzinfo=PARIS)
    assert just_after_midnight.astimezone(datetime.UTC).date() < term.starts_on
    assert rights_on(time_machine, coordinating_member, just_after_midnight)


def test_on_the_last_day_of_the_term_its_people_are_still_coordinators(
        time_machine, term, coordinating_member):
    assert rights_on(time_machine, coordinating_member, paris_noon(term.ends_on))


def test_the_day_after_the_term_its_people_are_no_longer_coordinators(
        time_machine, term, coordinating_member):
    assert not rights_on(time_machine, coordinating_member,
                         paris_noon(term.ends_on + datetime.timedelta(days=1)))


def test_the_people_of_another_association_are_not_coordinators(time_machine, term):
    other = MembershipFactory().person
    assert not rights_on(time_machine, other, paris_noon(term.starts_on))


def test_the_coordinator_role_still_makes_a_coordinator_without_any_term(db):
    assert is_coordinator(MembershipFactory(role=Role.COORDINATOR).person)


def test_a_person_who_left_the_coordinating_association_is_not_a_coordinator(
        time_machine, term, coordinating_member):
    time_machine.move_to(paris_noon(term.starts_on), tick=False)
    membership = coordinating_member.memberships.get()
    membership.ends_on = term.starts_on - datetime.timedelta(days=1)
    membership.save()
    forget(coordinating_member)
    assert not is_coordinator(coordinating_member)


def test_who_coordinates_is_read_once_per_request(
        time_machine, term, coordinating_member, django_assert_num_queries):
    time_machine.move_to(paris_noon(term.starts_on), tick=False)
    with django_assert_num_queries(2):  # the memberships, then the coordinating associations
        for _ in range(3):
            assert is_coordinator(coordinating_member)


def test_forget_reads_who_coordinates_again(time_machine, term, coordinating_member):
    time_machine.move_to(paris_noon(term.starts_on), tick=False)
    assert is_coordinator(coordinating_member)
    term.associations.clear()
    assert is_coordinator(coordinating_member)  # kept for the request
    forget(coordinating_member)
    assert not is_coordinator(coordinating_member)


def test_a_person_of_the_coordinating_association_must_set_up_a_second_factor(
        client, time_machine, term, coordinating_member):
    time_machine.move_to(paris_noon(term.starts_on), tick=False)
    assert requires_second_factor(coordinating_member)
    client.force_login(coordinating_member, second_factor=False)

    response = client.get(reverse("extranet:home"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_after_the_term_no_second_factor_is_required_any_more(
        client, time_machine, term, coordinating_member):
    time_machine.move_to(paris_noon(term.ends_on + datetime.timedelta(days=1)), tick=False)
    client.force_login(coordinating_member, second_factor=False)

    assert client.get(reverse("extranet:home")).status_code == 200


def test_during_the_term_its_people_open_the_coordinators_pages(
        client, time_machine, term, coordinating_member):
    time_machine.move_to(paris_noon(term.starts_on), tick=False)
    client.force_login(coordinating_member)

    assert client.get(reverse("extranet:invitations")).status_code == 200
    assert client.get(reverse("extranet:coordination_rotation")).status_code == 200
    assert client.get(reverse("extranet:group_create")).status_code == 200


def test_after_the_term_its_people_are_refused_the_coordinators_pages(
        client, time_machine, term, coordinating_member):
    time_machine.move_to(paris_noon(term.ends_on + datetime.timedelta(days=1)), tick=False)
    client.force_login(coordinating_member)

    assert client.get(reverse("extranet:invitations")).status_code == 403
    assert client.get(reverse("extranet:coordination_rotation")).status_code == 403
    assert client.get(reverse("extranet:group_create")).status_code == 403


def test_the_member_directory_shows_which_association_coordinates(
        client, time_machine, term, coordinating_member):
    time_machine.move_to(paris_noon(term.starts_on), tick=False)
    client.force_login(MembershipFactory().person)

    response = client.get(reverse("extranet:members"))

    section = response.text.split(f'id="member-{term.associations.get().pk}"')[1]
    assert "coordonne le collectif" in section.split("</section>")[0]
