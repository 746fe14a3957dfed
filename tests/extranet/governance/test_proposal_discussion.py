"""The discussion of a proposal: the people of the body's associations comment and amend it,
oldest first; its author association's representative takes an amendment into the text
until the vote; a comment is withdrawn by its author or a coordinator, never deleted."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.governance import voting
from extranet.governance.models import CommentKind, ProposalComment
from tests.factories import (
    BodyFactory,
    PlenaryFactory,
    ProposalCommentFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def url(name, proposal):
    return reverse(f"extranet:{name}", kwargs={"proposal_id": proposal.pk})


@pytest.fixture
def own_proposal(association):
    """The association's proposal to the plenary."""
    return ProposalFactory(body=PlenaryFactory(), author_association=association,
                           title="Salles municipales")


def queries_of(client, address):
    client.get(address)  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def test_a_member_comments_for_an_association_sitting_in_the_body(client, member,
                                                                  association, own_proposal):
    client.force_login(member)

    client.post(url("proposal_detail", own_proposal), {
        "association": association.pk, "kind": CommentKind.COMMENT, "text": "D'accord.",
    })

    comment = own_proposal.comments.get()
    assert (comment.association, comment.author, comment.text) == (
        association, member, "D'accord.")


def test_people_of_an_association_outside_the_body_may_not_comment(client, member,
                                                                   association):
    committee = BodyFactory()
    proposal = ProposalFactory(body=committee)
    client.force_login(member)

    response = client.post(url("proposal_detail", proposal), {
        "association": association.pk, "kind": CommentKind.COMMENT, "text": "Moi aussi.",
    })

    assert response.status_code == 403
    assert not proposal.comments.exists()


def test_an_empty_comment_is_refused(client, member, association, own_proposal):
    client.force_login(member)

    response = client.post(url("proposal_detail", own_proposal), {
        "association": association.pk, "kind": CommentKind.COMMENT, "text": "",
    })

    assert response.status_code == 200
    assert not own_proposal.comments.exists()


def test_the_discussion_is_shown_oldest_first(client, member, own_proposal):
    earlier = timezone.now() - datetime.timedelta(hours=2)
    ProposalCommentFactory(proposal=own_proposal, text="Deuxième avis.")
    ProposalCommentFactory(proposal=own_proposal, text="Premier avis.", created_at=earlier)
    client.force_login(member)

    response = client.get(url("proposal_detail", own_proposal))

    assert response.text.index("Premier avis.") < response.text.index("Deuxième avis.")


def test_the_author_association_takes_an_amendment_in(client, representative, own_proposal):
    amendment = ProposalCommentFactory(proposal=own_proposal, kind=CommentKind.AMENDMENT,
                                       text="Le collectif demande des salles.")
    former = own_proposal.text
    client.force_login(representative)

    client.post(reverse("extranet:proposal_amendment_take_in",
                        kwargs={"comment_id": amendment.pk}))

    own_proposal.refresh_from_db()
    amendment.refresh_from_db()
    assert own_proposal.text == "Le collectif demande des salles."
    assert amendment.taken_in_at is not None and amendment.replaced_text == former


def test_an_amendment_is_not_taken_in_once_the_vote_is_open(client, representative,
                                                            own_proposal, coordinator):
    amendment = ProposalCommentFactory(proposal=own_proposal, kind=CommentKind.AMENDMENT,
                                       text="Un autre texte.")
    voting.open_ballot(own_proposal, by=coordinator,
                       closes_at=timezone.now() + datetime.timedelta(days=7))
    client.force_login(representative)

    client.post(reverse("extranet:proposal_amendment_take_in",
                        kwargs={"comment_id": amendment.pk}))

    own_proposal.refresh_from_db()
    assert own_proposal.text != "Un autre texte."


def test_a_comment_is_not_taken_in_as_an_amendment(client, representative, own_proposal):
    comment = ProposalCommentFactory(proposal=own_proposal, kind=CommentKind.COMMENT,
                                     text="Juste un avis.")
    client.force_login(representative)

    client.post(reverse("extranet:proposal_amendment_take_in",
                        kwargs={"comment_id": comment.pk}))

    own_proposal.refresh_from_db()
    assert own_proposal.text != "Juste un avis."


def test_its_author_withdraws_a_comment_whose_text_is_then_hidden(client, member,
                                                                  own_proposal):
    comment = ProposalCommentFactory(proposal=own_proposal, author=member,
                                     text="Je retire ce que j'ai dit.")
    client.force_login(member)

    client.post(reverse("extranet:proposal_comment_withdraw",
                        kwargs={"comment_id": comment.pk}))
    page = client.get(url("proposal_detail", own_proposal))

    comment.refresh_from_db()
    assert comment.removed_at is not None and comment.removed_by == member
    assert ProposalComment.objects.filter(pk=comment.pk).exists()
    assert "Je retire ce que j&#x27;ai dit." not in page.text
    assert "Cette contribution a été retirée." in page.text


def test_somebody_else_may_not_withdraw_a_comment(client, representative, own_proposal):
    comment = ProposalCommentFactory(proposal=own_proposal)
    client.force_login(representative)

    response = client.post(reverse("extranet:proposal_comment_withdraw",
                                   kwargs={"comment_id": comment.pk}))

    comment.refresh_from_db()
    assert response.status_code == 403 and comment.removed_at is None


def test_a_long_discussion_runs_as_many_queries_as_a_short_one(
    client, member, own_proposal, django_assert_max_num_queries
):
    ProposalCommentFactory.create_batch(2, proposal=own_proposal)
    client.force_login(member)
    few = queries_of(client, url("proposal_detail", own_proposal))
    ProposalCommentFactory.create_batch(20, proposal=own_proposal, kind=CommentKind.AMENDMENT)

    with django_assert_max_num_queries(few):
        response = client.get(url("proposal_detail", own_proposal))

    assert response.text.count('class="comment"') == 22
