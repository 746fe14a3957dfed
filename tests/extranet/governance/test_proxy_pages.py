"""The proxies of an online ballot, through its page: given, refused past the body's limit,
taken back, never after the ballot closes."""

import datetime

import pytest
from django.urls import reverse

from extranet.accounts.models import Role
from extranet.governance import voting
from extranet.governance.models import Proxy
from tests.extranet.governance.conftest import association_of
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

AMICALE = "Amicale laïque de Chelles"
RESTOS = "Les Restos du cœur de Torcy"
JARDINS = "Jardins de Vaires"


def url(ballot):
    return reverse("extranet:ballot_proxy", kwargs={"ballot_id": ballot.pk})


def give(client, ballot, voters, giver, holder):
    client.force_login(voters[giver])
    return client.post(url(ballot), {"giver": association_of(voters[giver]).pk,
                                     "holder": association_of(voters[holder]).pk},
                       follow=True)


def test_a_representative_gives_the_proxy_of_their_association(client, online_ballot, voters):
    response = give(client, online_ballot, voters, AMICALE, RESTOS)

    proxy = Proxy.objects.active().get()
    assert (proxy.giver.name, proxy.holder.name, proxy.given_by) == (AMICALE, RESTOS,
                                                                     voters[AMICALE])
    assert "a donné procuration à Les Restos du cœur de Torcy" in response.content.decode()


def test_the_holder_then_votes_for_the_giver_on_the_ballot_page(client, online_ballot, voters):
    give(client, online_ballot, voters, AMICALE, RESTOS)
    client.force_login(voters[RESTOS])

    client.post(reverse("extranet:ballot_detail", kwargs={"ballot_id": online_ballot.pk}),
                {"association": association_of(voters[AMICALE]).pk, "choice": "for"})

    vote = online_ballot.votes.get()
    assert vote.association.name == AMICALE
    assert vote.proxy_holder.name == RESTOS


def test_a_second_proxy_past_the_limit_is_refused_with_the_models_message(client, online_ballot,
                                                                          voters):
    give(client, online_ballot, voters, AMICALE, RESTOS)

    response = give(client, online_ballot, voters, JARDINS, RESTOS)

    assert "porte déjà 1 procuration(s) : c&#x27;est le maximum de cette instance." in \
        response.content.decode()
    assert Proxy.objects.count() == 1


def test_a_holder_that_gave_its_own_vote_cannot_carry_another(client, online_ballot, voters):
    give(client, online_ballot, voters, RESTOS, JARDINS)

    response = give(client, online_ballot, voters, AMICALE, RESTOS)

    assert "a elle-même donné sa voix" in response.content.decode()
    assert Proxy.objects.count() == 1


def test_a_representative_takes_the_proxy_back(client, online_ballot, voters):
    give(client, online_ballot, voters, AMICALE, RESTOS)
    proxy = Proxy.objects.get()

    response = client.post(url(online_ballot), {"take_back": proxy.pk}, follow=True)

    proxy.refresh_from_db()
    assert proxy.revoked_at is not None
    assert "a repris sa procuration" in response.content.decode()
    assert voting.voting_rights(voters[AMICALE], online_ballot) == {
        association_of(voters[AMICALE]).pk: None
    }


def test_another_association_cannot_take_the_proxy_back(client, online_ballot, voters):
    give(client, online_ballot, voters, AMICALE, RESTOS)
    proxy = Proxy.objects.get()
    client.force_login(voters[JARDINS])

    response = client.post(url(online_ballot), {"take_back": proxy.pk})

    assert response.status_code == 403
    proxy.refresh_from_db()
    assert proxy.revoked_at is None


def test_a_representative_cannot_give_the_proxy_of_another_association(client, online_ballot,
                                                                       voters):
    client.force_login(voters[AMICALE])

    response = client.post(url(online_ballot), {"giver": association_of(voters[RESTOS]).pk,
                                                "holder": association_of(voters[JARDINS]).pk})

    assert "giver" in response.context["form"].errors
    assert not Proxy.objects.exists()


def test_a_member_who_is_not_the_representative_cannot_give_a_proxy(client, online_ballot,
                                                                    voters):
    association = association_of(voters[AMICALE])
    member = MembershipFactory(association=association, role=Role.MEMBER).person
    client.force_login(member)

    response = client.post(url(online_ballot), {"giver": association.pk,
                                                "holder": association_of(voters[RESTOS]).pk})

    assert response.status_code == 403
    assert not Proxy.objects.exists()


def test_no_proxy_is_given_after_the_ballot_closes(client, online_ballot, voters, time_machine):
    time_machine.move_to(online_ballot.closes_at + datetime.timedelta(minutes=1))

    response = give(client, online_ballot, voters, AMICALE, RESTOS)

    assert "Ce vote est clos : plus aucune procuration ne s&#x27;y donne." in \
        response.content.decode()
    assert not Proxy.objects.exists()


def test_the_representative_chooses_among_the_other_associations_called_to_vote(
    client, online_ballot, voters
):
    client.force_login(voters[AMICALE])

    holders = client.get(url(online_ballot)).context["form"].fields["holder"].queryset

    assert AMICALE not in {association.name for association in holders}
    assert {RESTOS, JARDINS} <= {association.name for association in holders}


def test_every_member_sees_who_holds_proxies(client, online_ballot, voters, member):
    give(client, online_ballot, voters, AMICALE, RESTOS)
    client.force_login(member)

    response = client.get(url(online_ballot))

    assert [(p.giver.name, p.holder.name) for p in response.context["proxies"]] == [
        (AMICALE, RESTOS)
    ]
    assert "Donner la procuration" not in response.content.decode()


def test_the_proxy_page_reads_a_bounded_number_of_queries(client, plenary, online_ballot,
                                                          voters,
                                                          django_assert_max_num_queries):
    plenary.max_proxies_per_holder = 5
    plenary.save()
    give(client, online_ballot, voters, AMICALE, RESTOS)
    client.get(url(online_ballot))
    with django_assert_max_num_queries(30) as few:
        client.get(url(online_ballot))
    few = len(few.captured_queries)  # read now: the next request forgets the queries
    give(client, online_ballot, voters, JARDINS, RESTOS)
    client.force_login(voters[AMICALE])

    with django_assert_max_num_queries(few):
        response = client.get(url(online_ballot))

    assert len(response.context["proxies"]) == 2
