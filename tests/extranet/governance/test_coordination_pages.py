"""The coordination's pages: who coordinates and who did (every member), the rotation order
(coordinators) and the handover list (coordinators and the next term's people)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directory.models import AssociationChangeRequest
from extranet.accounts.models import Invitation
from extranet.governance.models import Body, CoordinationTerm, RotationPlace
from extranet.governance.register import publish
from tests.extranet.governance.coordination_helpers import in_days
from tests.factories import (
    AssociationFactory,
    CoordinationTermFactory,
    RotationPlaceFactory,
    TaskFactory,
)
from tests.factories.charter import CharterPageFactory
from tests.factories.joining import JoinRequestFactory

pytestmark = pytest.mark.django_db

HISTORY = reverse("extranet:coordination_history")
ROTATION = reverse("extranet:coordination_rotation")
HANDOVER = reverse("extranet:coordination_handover")


def test_every_member_sees_the_current_and_upcoming_terms(client, member, entrusting_body,
                                                           coordinating_association):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-10), ends_on=in_days(10),
                            associations=[coordinating_association])
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(11), ends_on=in_days(300),
                            associations=[AssociationFactory(name="Les Suivants")])
    client.force_login(member)

    response = client.get(HISTORY)

    assert response.status_code == 200
    current = response.text.split('id="current-term"')[1].split("</section>")[0]
    upcoming = response.text.split('id="upcoming-terms"')[1].split("</section>")[0]
    assert "Les Amis du canal" in current
    assert "Les Suivants" in upcoming


def test_the_history_names_the_decision_that_gave_the_term(client, member, entrusting_body):
    decision = publish(body=entrusting_body, title="Coordination", text="…",
                       decided_on=timezone.localdate(), outcome="adopted")
    term = CoordinationTermFactory(body=entrusting_body, decision=decision,
                                   chosen_by=CoordinationTerm.Choice.DECISION)
    client.force_login(member)

    response = client.get(HISTORY)

    assert f"décision n° {term.decision.number}" in response.text


@pytest.mark.parametrize("visitor", ["non_member", "editor"])
def test_the_history_is_refused_to_non_members(client, request, visitor):
    client.force_login(request.getfixturevalue(visitor))
    assert client.get(HISTORY).status_code == 403


def test_the_history_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(HISTORY)
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_the_history_runs_as_many_queries_for_thirty_terms_as_for_three(
        client, member, entrusting_body, django_assert_max_num_queries):
    def terms(first, count):
        for index in range(first, first + count):
            CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-40 * index - 39),
                                    ends_on=in_days(-40 * index))
            RotationPlaceFactory(body=entrusting_body, position=index + 1)

    terms(0, 3)
    client.force_login(member)
    client.get(HISTORY)  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as few:
        client.get(HISTORY)
    terms(3, 27)

    with django_assert_max_num_queries(len(few)):
        response = client.get(HISTORY)

    assert "Page 1 sur 2" in response.text


# The rotation order.

def test_a_coordinator_sets_the_rotation_order(client, coordinator, entrusting_body):
    alpha, bravo = (AssociationFactory(name=name, is_member=True) for name in ("Alpha", "Bravo"))
    client.force_login(coordinator)

    response = client.post(ROTATION, {f"rang_{alpha.pk}": "2", f"rang_{bravo.pk}": "1"})

    assert response.status_code == 302
    assert [place.association for place in RotationPlace.objects.order_by("position")] == \
        [bravo, alpha]


def test_two_associations_with_the_same_rank_are_refused(client, coordinator,
                                                         entrusting_body):
    alpha, bravo = (AssociationFactory(name=name, is_member=True) for name in ("Alpha", "Bravo"))
    client.force_login(coordinator)

    response = client.post(ROTATION, {f"rang_{alpha.pk}": "1", f"rang_{bravo.pk}": "1"})

    assert response.status_code == 200
    assert "le même rang" in response.text
    assert not RotationPlace.objects.exists()


def test_a_coordinator_designates_the_next_turn(client, coordinator, entrusting_body):
    place = RotationPlaceFactory(body=entrusting_body, position=1)
    client.force_login(coordinator)

    response = client.post(ROTATION, {"action": "designate"})

    assert response.status_code == 302
    term = CoordinationTerm.objects.get()
    assert list(term.associations.all()) == [place.association]
    assert term.created_by == coordinator


def test_designating_without_a_rotation_order_says_why(client, coordinator, entrusting_body):
    client.force_login(coordinator)

    response = client.post(ROTATION, {"action": "designate"}, follow=True)

    assert "aucune association membre" in response.text
    assert not CoordinationTerm.objects.exists()


def test_a_representative_cannot_change_the_rotation(client, representative,
                                                     entrusting_body, association):
    client.force_login(representative)

    response = client.post(ROTATION, {f"rang_{association.pk}": "1"})

    assert response.status_code == 403
    assert not RotationPlace.objects.exists()


def test_the_rotation_page_without_any_body_entrusting_the_coordination(client, coordinator):
    Body.objects.update(coordination_term_months=None)  # the plenary made by the migrations
    client.force_login(coordinator)

    response = client.get(ROTATION)

    assert response.status_code == 200
    assert "Aucune instance ne confie la coordination" in response.text


# The handover list.

@pytest.fixture
def open_work(association, home_page):
    """One late task and one on time, an open invitation, a pending change of a record and
    a pending join request."""
    TaskFactory(title="Bilan financier", due_on=in_days(-3))
    TaskFactory(title="Affiche du forum", due_on=in_days(20))
    Invitation.objects.create(email="nouvelle@example.org", association=association)
    AssociationChangeRequest.objects.create(association=association, description="Neuve")
    charter = CharterPageFactory(parent=home_page).versions.get(number=1)
    JoinRequestFactory(charter_version=charter, proposed_name="Lire et faire lire à Lagny")


def test_the_handover_lists_what_is_left_open(client, coordinator, open_work):
    client.force_login(coordinator)

    response = client.get(HANDOVER)

    text = response.text
    assert response.status_code == 200
    assert text.index("Bilan financier") < text.index("Affiche du forum")  # late first
    assert "en retard" in text.split("Bilan financier")[1].split("</li>")[0]
    assert "nouvelle@example.org" in text
    assert "Fiche de Entraide et partage chellois" in text
    assert "Lire et faire lire à Lagny" in text  # registered by the joining app


def test_the_handover_runs_as_many_queries_for_many_items_as_for_a_few(
        client, coordinator, open_work, association, django_assert_max_num_queries):
    client.force_login(coordinator)
    client.get(HANDOVER)
    with CaptureQueriesContext(connection) as few:
        client.get(HANDOVER)
    for index in range(25):
        TaskFactory(due_on=in_days(index - 10))
        Invitation.objects.create(email=f"personne{index}@example.org", association=association)

    with django_assert_max_num_queries(len(few)):
        response = client.get(HANDOVER)

    assert "Les 20 premiers sur 27." in response.text


def test_the_incoming_team_reads_the_handover_before_its_term(client, entrusting_body,
                                                              coordinating_association,
                                                              coordinating_member):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(5), ends_on=in_days(50),
                            associations=[coordinating_association])
    client.force_login(coordinating_member)

    assert client.get(HANDOVER).status_code == 200
    assert client.post(HANDOVER).status_code == 403  # the handover is said done in its term


def test_a_member_of_no_coordinating_association_cannot_read_the_handover(client, member):
    client.force_login(member)
    assert client.get(HANDOVER).status_code == 403


def test_a_coordinator_says_the_handover_is_done(client, coordinator, entrusting_body):
    term = CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-1))
    client.force_login(coordinator)

    response = client.post(HANDOVER)

    assert response.status_code == 302
    term.refresh_from_db()
    assert timezone.now() - term.handed_over_at < datetime.timedelta(minutes=1)


def test_the_handover_cannot_be_done_without_a_current_term(client, coordinator,
                                                            entrusting_body):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(5))
    client.force_login(coordinator)

    response = client.post(HANDOVER, follow=True)

    assert "Aucun mandat de coordination ne court" in response.text
    assert not CoordinationTerm.objects.filter(handed_over_at__isnull=False).exists()
