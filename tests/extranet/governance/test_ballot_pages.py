"""The online ballots' pages: putting a proposal to the vote, the list, one ballot where a
representative votes, and counting it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.accounts.models import Role
from extranet.governance import voting
from extranet.governance.models import Ballot, Choice, Outcome, Paper, Vote
from tests.extranet.governance.conftest import association_of
from tests.factories import MembershipFactory, ProposalFactory

pytestmark = pytest.mark.django_db

AMICALE = "Amicale laïque de Chelles"
RESTOS = "Les Restos du cœur de Torcy"
JARDINS = "Jardins de Vaires"


def detail(ballot):
    return reverse("extranet:ballot_detail", kwargs={"ballot_id": ballot.pk})


def vote(client, ballot, association, choice):
    return client.post(detail(ballot), {"association": association.pk, "choice": choice},
                       follow=True)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


# Opening a ballot


def test_a_coordinator_puts_a_proposal_to_an_online_vote(client, coordinator, proposal):
    client.force_login(coordinator)
    closes_at = timezone.now() + datetime.timedelta(days=7)

    response = client.post(reverse("extranet:ballot_open", kwargs={"proposal_id": proposal.pk}),
                           {"closes_at": local(closes_at), "secret": "on"})

    ballot = Ballot.objects.get()
    assert response.url == detail(ballot)
    assert ballot.secret and ballot.electors.count() == 4  # the three voters and the author
    assert timezone.localtime(ballot.closes_at).strftime("%H:%M") == \
        timezone.localtime(closes_at).strftime("%H:%M")


def test_a_proposal_already_at_the_vote_is_not_put_to_it_again(client, coordinator,
                                                                online_ballot):
    client.force_login(coordinator)
    url = reverse("extranet:ballot_open", kwargs={"proposal_id": online_ballot.proposal_id})

    response = client.post(url, {"closes_at": local(timezone.now()
                                                    + datetime.timedelta(days=3))})

    assert "Cette proposition est déjà au vote." in response.content.decode()
    assert Ballot.objects.count() == 1


def test_a_withdrawn_proposal_is_not_put_to_the_vote(client, coordinator, proposal):
    proposal.withdrawn_at = timezone.now()
    proposal.save()
    client.force_login(coordinator)
    url = reverse("extranet:ballot_open", kwargs={"proposal_id": proposal.pk})

    response = client.post(url, {"closes_at": local(timezone.now()
                                                    + datetime.timedelta(days=3))})

    assert "Cette proposition a été retirée." in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_closing_time_in_the_past_is_refused(client, coordinator, proposal):
    client.force_login(coordinator)
    url = reverse("extranet:ballot_open", kwargs={"proposal_id": proposal.pk})

    response = client.post(url, {"closes_at": local(timezone.now()
                                                    - datetime.timedelta(days=1))})

    assert "La clôture doit être à venir." in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_representative_cannot_open_a_ballot(client, voters, proposal):
    client.force_login(voters[AMICALE])
    url = reverse("extranet:ballot_open", kwargs={"proposal_id": proposal.pk})

    response = client.post(url, {"closes_at": local(timezone.now()
                                                    + datetime.timedelta(days=3))})

    assert response.status_code == 403
    assert not Ballot.objects.exists()


# Voting through the page


def test_a_representative_votes_through_the_page(client, online_ballot, voters):
    person = voters[AMICALE]
    client.force_login(person)

    response = vote(client, online_ballot, association_of(person), Choice.FOR)

    assert Vote.objects.get().choice == Choice.FOR
    assert "Vote enregistré : <strong>pour</strong>" in response.content.decode()


def test_a_representative_changes_the_vote_through_the_page(client, online_ballot, voters):
    person = voters[AMICALE]
    client.force_login(person)
    vote(client, online_ballot, association_of(person), Choice.FOR)

    response = vote(client, online_ballot, association_of(person), Choice.AGAINST)

    assert Vote.objects.get().choice == Choice.AGAINST
    assert "Vote enregistré : <strong>contre</strong>" in response.content.decode()


def test_the_page_shows_one_form_per_association_the_person_votes_for(client, online_ballot,
                                                                        voters):
    from extranet.governance.models import Proxy

    Proxy.objects.create(ballot=online_ballot, giver=association_of(voters[RESTOS]),
                         holder=association_of(voters[AMICALE]))
    client.force_login(voters[AMICALE])

    content = client.get(detail(online_ballot)).content.decode()

    assert f"Pour {AMICALE}" in content
    assert "Pour Les Restos du cœur de Torcy" in content
    assert "par procuration, via Amicale laïque de Chelles" in content


def test_a_secret_vote_is_said_recorded_without_its_choice(client, coordinator, proposal,
                                                           voters):
    ballot = voting.open_ballot(proposal, by=coordinator, secret=True,
                                closes_at=timezone.now() + datetime.timedelta(days=2))
    person = voters[AMICALE]
    client.force_login(person)
    vote(client, ballot, association_of(person), Choice.AGAINST)

    content = client.get(detail(ballot)).content.decode()

    assert "<strong>Vote enregistré.</strong>" in content
    assert "Vote enregistré : <strong>" not in content
    assert Paper.objects.get().choice == Choice.AGAINST
    assert Vote.objects.get().choice == ""


def test_a_vote_without_a_choice_changes_nothing(client, online_ballot, voters):
    person = voters[AMICALE]
    client.force_login(person)

    response = vote(client, online_ballot, association_of(person), "maybe")

    assert "rien n&#x27;a changé" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_member_who_is_not_the_representative_is_refused(client, online_ballot, voters):
    association = association_of(voters[AMICALE])
    member = MembershipFactory(association=association, role=Role.MEMBER).person
    client.force_login(member)

    response = client.post(detail(online_ballot), {"association": association.pk,
                                                   "choice": Choice.FOR})

    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_a_representative_cannot_vote_for_another_association(client, online_ballot, voters):
    client.force_login(voters[AMICALE])

    response = client.post(detail(online_ballot), {
        "association": association_of(voters[RESTOS]).pk, "choice": Choice.FOR,
    })

    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_a_non_member_is_refused(client, online_ballot, voters, non_member):
    client.force_login(non_member)

    response = client.post(detail(online_ballot), {
        "association": association_of(voters[RESTOS]).pk, "choice": Choice.FOR,
    })

    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, online_ballot, voters):
    response = client.post(detail(online_ballot), {
        "association": association_of(voters[RESTOS]).pk, "choice": Choice.FOR,
    })

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Vote.objects.exists()


def test_a_vote_after_the_window_is_refused_through_the_page(client, online_ballot, voters,
                                                             time_machine):
    person = voters[AMICALE]
    client.force_login(person)
    time_machine.move_to(online_ballot.closes_at + datetime.timedelta(minutes=1))

    response = vote(client, online_ballot, association_of(person), Choice.FOR)

    assert "Ce vote n&#x27;est pas ouvert" in response.content.decode()
    assert not Vote.objects.exists()


def test_the_page_tells_participation_but_not_the_tally_before_closing(client, online_ballot,
                                                                       voters, member):
    person = voters[AMICALE]
    voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person)
    client.force_login(member)

    content = client.get(detail(online_ballot)).content.decode()

    assert "1 association a voté sur 4 appelées à voter" in content
    assert "Le décompte" not in content


# After counting


def closed(ballot, voters, choices):
    for name, choice in choices.items():
        voting.cast_vote(ballot, association_of(voters[name]), choice, by=voters[name])
    return voting.close_ballot(ballot, now=ballot.closes_at)


def test_a_counted_ballot_shows_its_tally_quorum_outcome_and_decision(client, online_ballot,
                                                                      voters, member):
    ballot = closed(online_ballot, voters, {AMICALE: Choice.FOR, RESTOS: Choice.FOR,
                                            JARDINS: Choice.AGAINST})
    client.force_login(member)

    content = client.get(detail(ballot)).content.decode()

    assert ballot.outcome == Outcome.ADOPTED
    assert "Quorum atteint : 3 associations sur 4, pour un quorum de 50 %." in content
    assert f"Lire la décision {ballot.decision.number} au registre" in content
    assert "<td>Contre</td>" in content


def test_a_counted_secret_ballot_lists_who_voted_not_how(client, coordinator, proposal, voters,
                                                         member):
    ballot = voting.open_ballot(proposal, by=coordinator, secret=True,
                                closes_at=timezone.now() + datetime.timedelta(days=2))
    ballot = closed(ballot, voters, {AMICALE: Choice.FOR, RESTOS: Choice.AGAINST})
    client.force_login(member)

    content = client.get(detail(ballot)).content.decode()

    assert "Les associations qui ont voté" in content
    assert AMICALE in content
    assert "<td>Pour</td>" not in content and "<td>Contre</td>" not in content


def test_a_coordinator_counts_a_ballot_whose_window_is_over(client, coordinator, online_ballot,
                                                            voters, time_machine):
    person = voters[AMICALE]
    voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person)
    time_machine.move_to(online_ballot.closes_at + datetime.timedelta(minutes=1))
    client.force_login(coordinator)

    client.post(reverse("extranet:ballot_close", kwargs={"ballot_id": online_ballot.pk}))

    online_ballot.refresh_from_db()
    assert online_ballot.is_closed
    assert online_ballot.outcome == Outcome.NO_DECISION  # 1 of 4: no quorum


def test_a_ballot_still_open_is_not_counted(client, coordinator, online_ballot):
    client.force_login(coordinator)

    response = client.post(reverse("extranet:ballot_close",
                                   kwargs={"ballot_id": online_ballot.pk}), follow=True)

    online_ballot.refresh_from_db()
    assert not online_ballot.is_closed
    assert "Ce vote reste ouvert jusqu&#x27;à sa clôture." in response.content.decode()


def test_a_representative_cannot_count_a_ballot(client, online_ballot, voters, time_machine):
    time_machine.move_to(online_ballot.closes_at + datetime.timedelta(minutes=1))
    client.force_login(voters[AMICALE])

    response = client.post(reverse("extranet:ballot_close",
                                   kwargs={"ballot_id": online_ballot.pk}))

    assert response.status_code == 403
    online_ballot.refresh_from_db()
    assert not online_ballot.is_closed


# The list


def test_the_list_marks_the_ballots_where_my_association_has_not_voted(client, online_ballot,
                                                                       voters):
    client.force_login(voters[AMICALE])

    content = client.get(reverse("extranet:ballot_list")).content.decode()

    assert "votre association n'a pas encore voté" in content


def test_the_list_no_longer_marks_a_ballot_once_voted(client, online_ballot, voters):
    person = voters[AMICALE]
    voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person)
    client.force_login(person)

    content = client.get(reverse("extranet:ballot_list")).content.decode()

    assert "votre association n'a pas encore voté" not in content
    assert "1 association a voté sur 4" in content


def test_the_list_shows_open_ballots_before_counted_ones(client, coordinator, plenary, voters,
                                                         member):
    old = voting.open_ballot(ProposalFactory(body=plenary, title="Ancienne"), by=coordinator,
                             closes_at=timezone.now() + datetime.timedelta(hours=1))
    voting.close_ballot(old, now=old.closes_at)
    voting.open_ballot(ProposalFactory(body=plenary, title="En cours"), by=coordinator,
                       closes_at=timezone.now() + datetime.timedelta(days=9))
    client.force_login(member)

    content = client.get(reverse("extranet:ballot_list")).content.decode()

    assert content.index("En cours") < content.index("Ancienne")
    assert "Pas de décision : quorum non atteint" in content


def open_ballots(count, plenary, coordinator, voters):
    for number in range(count):
        ballot = voting.open_ballot(ProposalFactory(body=plenary), by=coordinator,
                                    closes_at=timezone.now() + datetime.timedelta(days=1))
        if number % 2:
            closed(ballot, voters, {AMICALE: Choice.FOR, RESTOS: Choice.FOR})


def test_the_list_reads_as_many_queries_with_12_ballots_as_with_2(
    client, coordinator, plenary, voters, django_assert_max_num_queries
):
    url = reverse("extranet:ballot_list")
    client.force_login(voters[AMICALE])
    open_ballots(2, plenary, coordinator, voters)
    client.get(url)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    open_ballots(10, plenary, coordinator, voters)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert len(response.context["ballots"]) == 12


def test_the_ballot_page_reads_a_bounded_number_of_queries(
    client, coordinator, online_ballot, voters, django_assert_max_num_queries
):
    from extranet.governance.models import Proxy

    client.force_login(voters[AMICALE])
    client.get(detail(online_ballot))
    with django_assert_max_num_queries(25) as few:
        client.get(detail(online_ballot))
    Proxy.objects.create(ballot=online_ballot, giver=association_of(voters[RESTOS]),
                         holder=association_of(voters[AMICALE]))
    voting.cast_vote(online_ballot, association_of(voters[RESTOS]), Choice.FOR,
                     by=voters[AMICALE])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(detail(online_ballot))

    assert len(response.context["vote_forms"]) == 2


def test_a_counted_ballot_page_reads_a_bounded_number_of_queries(
    client, online_ballot, voters, member, django_assert_max_num_queries
):
    closed(online_ballot, voters, {AMICALE: Choice.FOR, RESTOS: Choice.FOR,
                                   JARDINS: Choice.AGAINST})
    client.force_login(member)
    client.get(detail(online_ballot))

    with django_assert_max_num_queries(25):
        response = client.get(detail(online_ballot))

    assert len(response.context["votes"]) == 3
