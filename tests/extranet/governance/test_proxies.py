"""An association hands its vote to another for one ballot or one meeting, within the body's
limit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from extranet.governance import voting
from extranet.governance.models import Choice, Proxy, Vote
from tests.extranet.governance.conftest import association_of

pytestmark = pytest.mark.django_db

AMICALE = "Amicale laïque de Chelles"
RESTOS = "Les Restos du cœur de Torcy"
JARDINS = "Jardins de Vaires"


def give(ballot, voters, giver, holder):
    proxy = Proxy(ballot=ballot, giver=association_of(voters[giver]),
                  holder=association_of(voters[holder]), given_by=voters[giver])
    proxy.full_clean()
    proxy.save()
    return proxy


def test_the_proxy_holder_votes_for_the_association_that_gave_it(online_ballot, voters):
    give(online_ballot, voters, AMICALE, RESTOS)
    vote = voting.cast_vote(online_ballot, association_of(voters[AMICALE]), Choice.FOR,
                            by=voters[RESTOS])
    assert vote.proxy_holder == association_of(voters[RESTOS])


def test_an_association_that_gave_its_proxy_votes_through_its_holder_only(
    online_ballot, voters
):
    give(online_ballot, voters, AMICALE, RESTOS)
    with pytest.raises(PermissionDenied):
        voting.cast_vote(online_ballot, association_of(voters[AMICALE]), Choice.FOR,
                         by=voters[AMICALE])


def test_a_revoked_proxy_gives_the_vote_back(online_ballot, voters):
    proxy = give(online_ballot, voters, AMICALE, RESTOS)
    Proxy.objects.filter(pk=proxy.pk).update(revoked_at=proxy.given_at)
    voting.cast_vote(online_ballot, association_of(voters[AMICALE]), Choice.FOR,
                     by=voters[AMICALE])
    with pytest.raises(PermissionDenied):
        voting.cast_vote(online_ballot, association_of(voters[AMICALE]), Choice.FOR,
                         by=voters[RESTOS])
    assert Vote.objects.get().cast_by == voters[AMICALE]


def test_a_holder_carries_no_more_proxies_than_the_body_allows(online_ballot, voters):
    give(online_ballot, voters, AMICALE, RESTOS)  # the plenary's limit: one per holder
    with pytest.raises(ValidationError, match="maximum"):
        give(online_ballot, voters, JARDINS, RESTOS)


def test_a_body_may_allow_more_proxies_per_holder(online_ballot, voters):
    body = online_ballot.proposal.body
    body.max_proxies_per_holder = 2
    body.save()
    give(online_ballot, voters, AMICALE, RESTOS)
    give(online_ballot, voters, JARDINS, RESTOS)
    assert Proxy.objects.filter(holder=association_of(voters[RESTOS])).count() == 2


def test_a_body_without_proxies_refuses_them(online_ballot, voters):
    body = online_ballot.proposal.body
    body.max_proxies_per_holder = 0
    body.save()
    with pytest.raises(ValidationError):
        give(online_ballot, voters, AMICALE, RESTOS)


def test_an_association_that_gave_its_vote_cannot_hold_another(online_ballot, voters):
    give(online_ballot, voters, AMICALE, RESTOS)
    with pytest.raises(ValidationError):
        give(online_ballot, voters, JARDINS, AMICALE)


def test_an_association_cannot_give_its_proxy_to_itself(online_ballot, voters):
    with pytest.raises(ValidationError):
        give(online_ballot, voters, AMICALE, AMICALE)


def test_the_database_refuses_two_proxies_of_one_association_for_one_ballot(
    online_ballot, voters
):
    give(online_ballot, voters, AMICALE, RESTOS)
    with pytest.raises(IntegrityError):
        Proxy.objects.create(ballot=online_ballot, giver=association_of(voters[AMICALE]),
                             holder=association_of(voters[JARDINS]))
