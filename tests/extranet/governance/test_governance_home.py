"""The governance's screen and the extranet home's block of votes waiting for my
association."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.governance import voting, waiting
from extranet.governance.models import Choice, Proxy
from tests.extranet.governance.conftest import association_of
from tests.factories import BodyMeetingFactory, ProposalFactory

pytestmark = pytest.mark.django_db

AMICALE = "Amicale laïque de Chelles"
RESTOS = "Les Restos du cœur de Torcy"
URL = reverse("extranet:governance_home")


def test_the_screen_shows_open_ballots_with_their_participation(client, member, online_ballot,
                                                                 voters):
    voting.cast_vote(online_ballot, association_of(voters[AMICALE]), Choice.FOR,
                     by=voters[AMICALE])
    client.force_login(member)

    response = client.get(URL)

    assert response.context["open_ballots"] == [online_ballot]
    assert "1 association a voté sur 5" in response.content.decode()  # and the member's


def test_coordinators_see_the_button_to_count_a_ballot_whose_window_is_over(
    client, coordinator, member, online_ballot, time_machine
):
    time_machine.move_to(online_ballot.closes_at + datetime.timedelta(minutes=1))
    button = reverse("extranet:ballot_close", kwargs={"ballot_id": online_ballot.pk})

    client.force_login(coordinator)
    assert button in client.get(URL).content.decode()
    client.force_login(member)
    response = client.get(URL)

    assert response.context["due_ballots"] == [online_ballot]
    assert button not in response.content.decode()


def test_the_screen_lists_proposals_waiting_for_a_vote(client, coordinator, plenary, voters,
                                                       online_ballot):
    waiting_one = ProposalFactory(body=plenary, title="En attente")
    client.force_login(coordinator)

    response = client.get(URL)

    assert response.context["proposals"] == [waiting_one]
    assert reverse("extranet:ballot_open", kwargs={"proposal_id": waiting_one.pk}) in \
        response.content.decode()


def test_the_screen_lists_the_bodies_next_meetings(client, member, plenary):
    body_meeting = BodyMeetingFactory(body=plenary)
    client.force_login(member)

    assert client.get(URL).context["body_meetings"] == [body_meeting]


def test_the_screen_reads_as_many_queries_with_many_items_as_with_few(
    client, coordinator, plenary, voters, django_assert_max_num_queries
):
    def fill(count):
        for _number in range(count):
            voting.open_ballot(ProposalFactory(body=plenary), by=coordinator,
                               closes_at=timezone.now() + datetime.timedelta(days=2))
            ProposalFactory(body=plenary)
            BodyMeetingFactory(body=plenary)

    client.force_login(coordinator)
    fill(1)
    client.get(URL)
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    fill(9)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)

    assert len(response.context["open_ballots"]) == 10


# The extranet's home


def test_home_lists_the_votes_waiting_for_my_association(client, online_ballot, voters):
    client.force_login(voters[AMICALE])

    response = client.get(reverse("extranet:home"))

    assert [item.ballot for item in response.context["votes_waiting"]] == [online_ballot]
    assert "Votes en attente pour mon association" in response.content.decode()


def test_a_ballot_leaves_the_home_block_once_my_association_voted(online_ballot, voters):
    person = voters[AMICALE]
    voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person)

    assert waiting.votes_waiting(person) == []


def test_the_home_block_counts_the_associations_whose_proxy_i_hold(online_ballot, voters):
    person = voters[AMICALE]
    voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person)
    Proxy.objects.create(ballot=online_ballot, giver=association_of(voters[RESTOS]),
                         holder=association_of(person))

    [item] = waiting.votes_waiting(person)

    assert item.association_ids == {association_of(voters[RESTOS]).pk}
    assert waiting.votes_waiting(voters[RESTOS]) == []


def test_a_member_who_is_not_a_representative_has_no_vote_waiting(online_ballot, member,
                                                                   django_assert_num_queries):
    member.memberships.get()  # loads nothing the function needs
    with django_assert_num_queries(1):  # their memberships
        assert waiting.votes_waiting(member) == []


def test_the_home_block_reads_a_bounded_number_of_queries(coordinator, plenary, voters,
                                                          django_assert_max_num_queries):
    for _number in range(12):
        voting.open_ballot(ProposalFactory(body=plenary), by=coordinator,
                           closes_at=timezone.now() + datetime.timedelta(days=2))

    with django_assert_max_num_queries(6):  # memberships, then five
        found = waiting.votes_waiting(voters[AMICALE])

    assert len(found) == waiting.WAITING
