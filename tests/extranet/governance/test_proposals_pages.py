"""The proposals' pages: every member reads them; the representative of an association
sitting in a body proposes to it; its author association's representative (or a
coordinator) changes or withdraws it until it is put to the vote (the discussion:
test_proposal_discussion.py)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.accounts.models import Role
from extranet.governance import voting
from extranet.governance.models import Effect, Proposal
from tests.factories import (
    AssociationFactory,
    BodyFactory,
    BodySeatFactory,
    CoordinationTermFactory,
    MembershipFactory,
    PlenaryFactory,
    ProposalCommentFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("extranet:proposal_list")
CREATE_URL = reverse("extranet:proposal_create")


def url(name, proposal):
    return reverse(f"extranet:{name}", kwargs={"proposal_id": proposal.pk})


def proposal_data(body, author, **changes):
    return {"body": body.pk, "author_association": author.pk,
            "title": "Une position commune sur les locaux",
            "text": "Le collectif demande des salles municipales gratuites.",
            "rationale": "Trois associations ont perdu leur salle.", "effect": "",
            **changes}


@pytest.fixture
def plenary(db):
    return PlenaryFactory()


@pytest.fixture
def own_proposal(plenary, association):
    """The association's proposal to the plenary."""
    return ProposalFactory(body=plenary, author_association=association,
                           title="Salles municipales")


def queries_of(client, address):
    client.get(address)  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


# The list.

def test_the_list_filters_by_body(client, member, plenary):
    committee = BodyFactory()
    ProposalFactory(body=plenary, title="Pour la plénière")
    ProposalFactory(body=committee, title="Pour le comité")
    client.force_login(member)

    response = client.get(LIST_URL, {"instance": committee.slug})

    assert "Pour le comité" in response.text and "Pour la plénière" not in response.text


def test_the_list_filters_by_state(client, member, plenary):
    ProposalFactory(body=plenary, title="En discussion")
    ProposalFactory(body=plenary, title="Abandonnée", withdrawn_at=timezone.now())
    client.force_login(member)

    opened = client.get(LIST_URL, {"etat": "open"}).text
    withdrawn = client.get(LIST_URL, {"etat": "withdrawn"}).text

    assert "En discussion" in opened and "Abandonnée" not in opened
    assert "Abandonnée" in withdrawn and "En discussion" not in withdrawn


def test_the_list_runs_as_many_queries_for_thirty_proposals_as_for_three(
    client, member, plenary, django_assert_max_num_queries
):
    def busy_proposal():
        proposal = ProposalFactory(body=BodyFactory())
        ProposalCommentFactory(proposal=proposal)

    for _index in range(3):
        busy_proposal()
    client.force_login(member)
    few = queries_of(client, LIST_URL)
    for _index in range(27):
        busy_proposal()

    with django_assert_max_num_queries(few):
        response = client.get(LIST_URL)

    assert "Page 1 sur 2" in response.text


# Proposing.

def test_the_representative_proposes_to_the_plenary(client, representative, association,
                                                    plenary):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(plenary, association))

    proposal = Proposal.objects.get()
    assert response.url == proposal.get_absolute_url()
    assert (proposal.author_association, proposal.author) == (association, representative)


def test_the_body_of_the_address_is_chosen(client, representative, plenary):
    client.force_login(representative)

    response = client.get(CREATE_URL, {"instance": plenary.slug})

    assert response.context["form"].initial["body"] == plenary


def test_a_member_who_is_not_the_representative_may_not_propose(client, member, association,
                                                                plenary):
    client.force_login(member)

    response = client.post(CREATE_URL, proposal_data(plenary, association))

    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_a_representative_may_not_propose_to_a_body_where_the_association_does_not_sit(
    client, representative, association, plenary
):
    committee = BodyFactory()
    BodySeatFactory(body=committee)
    client.force_login(representative)

    refused = client.get(CREATE_URL, {"instance": committee.slug})
    forged = client.post(CREATE_URL, proposal_data(committee, association))

    assert refused.status_code == 403
    assert forged.status_code == 200 and not Proposal.objects.exists()


def test_a_representative_may_not_propose_for_another_association(client, representative,
                                                                 neighbour, plenary):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(plenary, neighbour))

    assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_a_representative_proposes_to_a_committee_where_the_association_sits(
    client, representative, association, plenary
):
    committee = BodySeatFactory(association=association).body
    client.force_login(representative)

    client.post(CREATE_URL, proposal_data(committee, association))

    assert Proposal.objects.get().body == committee


def test_an_archived_body_takes_no_proposal(client, representative, association, plenary):
    committee = BodySeatFactory(association=association,
                                body__archived_on=timezone.localdate()).body
    client.force_login(representative)

    assert client.get(CREATE_URL, {"instance": committee.slug}).status_code == 403


def test_an_empty_text_is_refused_and_what_was_typed_kept(client, representative,
                                                         association, plenary):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(plenary, association, text=""))

    assert response.status_code == 200
    assert "Trois associations ont perdu leur salle." in response.text
    assert not Proposal.objects.exists()


def test_an_exclusion_outside_the_plenary_is_refused(client, representative, association,
                                                    neighbour, plenary):
    committee = BodySeatFactory(association=association).body
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        committee, association, effect=Effect.EXCLUSION, effect_associations=[neighbour.pk],
    ))

    assert "Seule l&#x27;assemblée plénière peut exclure" in response.text
    assert not Proposal.objects.exists()


def test_an_exclusion_names_exactly_one_association(client, representative, association,
                                                   neighbour, plenary):
    other = AssociationFactory(is_member=True)
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        plenary, association, effect=Effect.EXCLUSION,
        effect_associations=[neighbour.pk, other.pk],
    ))

    assert "nomme une seule association" in response.text
    assert not Proposal.objects.exists()


def test_an_association_does_not_propose_its_own_exclusion(client, representative,
                                                          association, plenary):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        plenary, association, effect=Effect.EXCLUSION, effect_associations=[association.pk],
    ))

    assert "sa propre exclusion" in response.text
    assert not Proposal.objects.exists()


def test_an_exclusion_of_an_association_that_is_not_a_member_is_refused(
    client, representative, association, plenary
):
    outsider = AssociationFactory(is_member=False)
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        plenary, association, effect=Effect.EXCLUSION, effect_associations=[outsider.pk],
    ))

    assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_an_exclusion_proposal_is_put_to_the_plenary(client, representative, association,
                                                    neighbour, plenary):
    client.force_login(representative)

    client.post(CREATE_URL, proposal_data(
        plenary, association, effect=Effect.EXCLUSION, effect_associations=[neighbour.pk],
    ))

    assert list(Proposal.objects.get().effect_associations.all()) == [neighbour]


def test_a_coordination_in_a_body_that_does_not_give_it_is_refused(
    client, representative, association, plenary
):
    committee = BodySeatFactory(association=association,
                                body__coordination_term_months=None).body
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        committee, association, effect=Effect.COORDINATION,
        effect_associations=[association.pk],
        effect_starts_on=timezone.localdate().isoformat(),
    ))

    assert "ne confie pas la coordination" in response.text
    assert not Proposal.objects.exists()


def test_a_coordination_starting_in_the_past_is_refused(client, representative, association,
                                                       plenary):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        plenary, association, effect=Effect.COORDINATION,
        effect_associations=[association.pk],
        effect_starts_on=(timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
    ))

    assert "commencer dans le passé" in response.text
    assert not Proposal.objects.exists()


def test_a_coordination_names_at_least_one_association(client, representative, association,
                                                      plenary):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        plenary, association, effect=Effect.COORDINATION,
        effect_starts_on=timezone.localdate().isoformat(),
    ))

    assert "Nommez au moins une association" in response.text
    assert not Proposal.objects.exists()


# Changing and withdrawing.

def test_the_representative_changes_the_proposal(client, representative, own_proposal):
    client.force_login(representative)

    client.post(url("proposal_edit", own_proposal), {
        "title": "Salles municipales gratuites", "text": "Un nouveau texte.", "effect": "",
    })

    own_proposal.refresh_from_db()
    assert own_proposal.text == "Un nouveau texte."


def test_the_representative_of_another_association_may_not_change_it(client, plenary,
                                                                     neighbour):
    proposal = ProposalFactory(body=plenary)
    other = MembershipFactory(association=neighbour, role=Role.REPRESENTATIVE).person
    client.force_login(other)

    assert client.get(url("proposal_edit", proposal)).status_code == 403


def test_a_proposal_put_to_the_vote_no_longer_changes(client, representative, own_proposal,
                                                      coordinator):
    voting.open_ballot(own_proposal, by=coordinator,
                       closes_at=timezone.now() + datetime.timedelta(days=7))
    client.force_login(representative)

    edit = client.post(url("proposal_edit", own_proposal), {"title": "Autre", "text": "X"})
    withdraw = client.post(url("proposal_withdraw", own_proposal))

    own_proposal.refresh_from_db()
    assert edit.url == withdraw.url == own_proposal.get_absolute_url()
    assert own_proposal.title == "Salles municipales" and not own_proposal.is_withdrawn


def test_withdrawing_asks_first_then_keeps_the_proposal(client, representative,
                                                        own_proposal):
    client.force_login(representative)

    asked = client.get(url("proposal_withdraw", own_proposal))
    client.post(url("proposal_withdraw", own_proposal))

    own_proposal.refresh_from_db()
    assert "Retirer la proposition" in asked.text
    assert own_proposal.withdrawn_at is not None


def test_a_coordinator_withdraws_a_proposal(client, coordinator, own_proposal):
    client.force_login(coordinator)

    client.post(url("proposal_withdraw", own_proposal))

    own_proposal.refresh_from_db()
    assert own_proposal.is_withdrawn


def test_a_member_who_is_not_the_representative_may_not_withdraw(client, member,
                                                                 own_proposal):
    client.force_login(member)

    response = client.post(url("proposal_withdraw", own_proposal))

    own_proposal.refresh_from_db()
    assert response.status_code == 403 and not own_proposal.is_withdrawn


def test_a_withdrawn_proposal_is_shown_as_such(client, member, own_proposal):
    own_proposal.withdrawn_at = timezone.now()
    own_proposal.save()
    client.force_login(member)

    response = client.get(url("proposal_detail", own_proposal))

    assert "a été retirée" in response.text
    assert response.context["form"] is None


def test_a_coordination_over_days_already_entrusted_is_refused(client, representative,
                                                               association, plenary):
    CoordinationTermFactory(body=plenary, starts_on=timezone.localdate(),
                            ends_on=timezone.localdate() + datetime.timedelta(days=100))
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(
        plenary, association, effect=Effect.COORDINATION,
        effect_associations=[association.pk],
        effect_starts_on=(timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
    ))

    assert "couvre déjà une partie de cette période" in response.text
    assert not Proposal.objects.exists()
