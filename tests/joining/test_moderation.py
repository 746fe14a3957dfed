"""Coordinators accept a join request (the association becomes a member, signs the charter
at the version the request accepted, its representative is invited) or decline it with a
message; every step is logged and emailed."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from charter.models import CharterSignature
from directory.models import Association
from extranet.accounts.models import Membership, Role
from joining import services
from joining.models import CollectiveMembership, JoinStatus, JoinStepKind
from tests.factories.charter import CharterVersionFactory
from tests.factories.joining import JoinRequestFactory

pytestmark = pytest.mark.django_db

PASSWORD = "un mot de passe long et solide"


@pytest.fixture
def proposed(charter):
    """A pending request for an association absent from the directory."""
    from directory.models import Commune

    return JoinRequestFactory(
        charter_version=charter, proposed_name="Lire et faire lire à Lagny",
        proposed_rna_id="W772000002", proposed_postcode="77400",
        proposed_commune=Commune.objects.get(code="77243"), email="karim@example.org",
        first_name="Karim", last_name="Haddad",
    )


def assert_refused(response):
    """The admin answers a forbidden door with a redirect to its home and a message."""
    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))


def review_url(join_request):
    return reverse("wagtailsnippets_joining_joinrequest:review", args=[join_request.pk])


def test_accepting_adds_the_absent_association_to_the_directory_as_a_member(
        proposed, coordinator, committed):
    with committed():
        services.accept(proposed, coordinator)

    association = Association.objects.get(rna_id="W772000002")
    assert association.name == "Lire et faire lire à Lagny"
    assert association.published and association.is_member
    assert association.source == Association.Source.MANUAL
    assert association.commune.code == "77243"
    assert list(association.sectors.all()) == [proposed.sector]
    assert CollectiveMembership.objects.get(association=association).join_request == proposed


def test_accepting_signs_the_charter_at_the_version_the_request_accepted(
        proposed, coordinator, charter, charter_page, committed):
    CharterVersionFactory(page=charter_page, number=2)  # published after the request

    with committed():
        join_request = services.accept(proposed, coordinator)

    signature = CharterSignature.objects.get(association=join_request.linked_association)
    assert signature.version == charter
    assert signature.recorded_by == coordinator


def test_accepting_invites_the_representative_whose_link_works(proposed, coordinator, client,
                                                               committed):
    with committed():
        join_request = services.accept(proposed, coordinator)

    invitation = join_request.invitation
    assert invitation.role == Role.REPRESENTATIVE
    assert invitation.email == "karim@example.org"
    sent_to_karim = [message for message in mail.outbox if message.to == ["karim@example.org"]]
    assert len(sent_to_karim) == 2  # the invitation, and the welcome
    # The link as emailed (rebuilding the token here could take the next second's timestamp).
    prefix = reverse("extranet:invitation", kwargs={"token": "TOKEN"}).split("TOKEN")[0]
    [link] = [re.search(re.escape(prefix) + r"[^/\s]+/", message.body).group(0)
              for message in sent_to_karim if prefix in message.body]
    response = client.post(link, {"first_name": "Karim", "last_name": "Haddad",
                                  "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    membership = Membership.objects.get(association=join_request.linked_association)
    assert membership.role == Role.REPRESENTATIVE
    assert membership.person.email == "karim@example.org"


def test_the_invitation_carries_the_names_typed_in_the_request(proposed, coordinator,
                                                               committed):
    with committed():
        join_request = services.accept(proposed, coordinator)

    invitation = join_request.invitation
    assert (invitation.first_name, invitation.last_name) == (proposed.first_name,
                                                             proposed.last_name)
    assert invitation.first_name


def test_accepting_logs_every_step(proposed, coordinator, committed):
    with committed():
        join_request = services.accept(proposed, coordinator, "Bienvenue !")

    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.ACCEPTED
    assert join_request.decided_by == coordinator
    assert list(join_request.steps.values_list("kind", flat=True)) == [
        JoinStepKind.SUBMITTED, JoinStepKind.ASSOCIATION_CREATED, JoinStepKind.CHARTER_SIGNED,
        JoinStepKind.ACCEPTED, JoinStepKind.INVITATION_SENT, JoinStepKind.WELCOMED,
    ]


def test_accepting_a_request_for_a_directory_association_creates_no_other(
        charter, association, coordinator, committed):
    join_request = JoinRequestFactory(charter_version=charter, association=association,
                                      proposed_name="")
    count = Association.objects.count()

    with committed():
        services.accept(join_request, coordinator)

    association.refresh_from_db()
    assert association.is_member
    assert Association.objects.count() == count


def test_a_request_is_decided_once(proposed, coordinator, committed):
    with committed():
        services.accept(proposed, coordinator)

    with pytest.raises(ValidationError, match="déjà reçu une réponse"):
        services.decline(proposed, coordinator, "Trop tard.")
    with pytest.raises(ValidationError, match="déjà reçu une réponse"):
        services.accept(proposed, coordinator)
    assert CollectiveMembership.objects.count() == 1


def test_declining_needs_a_message(proposed, coordinator):
    with pytest.raises(ValidationError):
        services.decline(proposed, coordinator, "  ")

    proposed.refresh_from_db()
    assert proposed.status == JoinStatus.PENDING


def test_declining_emails_the_message_and_logs_it(proposed, coordinator, committed):
    with committed():
        services.decline(proposed, coordinator, "Votre siège est hors du département.")

    proposed.refresh_from_db()
    assert proposed.status == JoinStatus.DECLINED
    assert not Association.objects.filter(rna_id="W772000002").exists()
    assert mail.outbox[-1].to == ["karim@example.org"]
    assert "Votre siège est hors du département." in mail.outbox[-1].body
    assert list(proposed.steps.values_list("kind", flat=True))[-2:] == [
        JoinStepKind.DECLINED, JoinStepKind.DECLINE_SENT]


def test_someone_without_the_moderation_permission_cannot_decide(proposed, editor):
    with pytest.raises(PermissionDenied):
        services.accept(proposed, editor)


# The admin screens


def test_the_review_screen_shows_the_request_and_its_log(client, proposed, coordinator):
    client.force_login(coordinator)

    response = client.get(review_url(proposed))

    assert response.status_code == 200
    assert "Lire et faire lire à Lagny" in response.content.decode()
    assert "demande envoyée" in response.content.decode().lower()


def test_the_review_screen_shows_a_possible_duplicate(client, proposed, coordinator, charter):
    JoinRequestFactory(charter_version=charter, proposed_name="LIRE ET FAIRE LIRE A LAGNY",
                       status=JoinStatus.DECLINED, decision_message="Non.")
    from tests.factories import AssociationFactory

    AssociationFactory(name="Lire et faire lire à Lagny", rna_id="")
    client.force_login(coordinator)

    response = client.get(review_url(proposed))

    assert "Doublons possibles" in response.content.decode()


def test_a_coordinator_accepts_from_the_review_screen(client, proposed, coordinator,
                                                      committed):
    client.force_login(coordinator)

    with committed():
        response = client.post(review_url(proposed), {"decision": "accept", "message": ""})

    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == JoinStatus.ACCEPTED


def test_the_review_screen_refuses_a_decline_without_message(client, proposed, coordinator):
    client.force_login(coordinator)

    response = client.post(review_url(proposed), {"decision": "decline", "message": ""})

    assert response.status_code == 400
    proposed.refresh_from_db()
    assert proposed.status == JoinStatus.PENDING


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, proposed):
    response = client.post(review_url(proposed), {"decision": "accept"})

    assert response.status_code == 302
    assert "/login/" in response.url
    proposed.refresh_from_db()
    assert proposed.status == JoinStatus.PENDING


def test_staff_without_the_moderation_permission_may_not_review(client, proposed, editor):
    client.force_login(editor)

    assert_refused(client.get(review_url(proposed)))
    response = client.post(review_url(proposed), {"decision": "accept"})

    assert_refused(response)
    proposed.refresh_from_db()
    assert proposed.status == JoinStatus.PENDING


def test_the_queue_lists_pending_requests_by_default(client, proposed, coordinator, charter):
    JoinRequestFactory(charter_version=charter, proposed_name="Déjà refusée",
                       status=JoinStatus.DECLINED, decision_message="Non.")
    client.force_login(coordinator)

    response = client.get(reverse("wagtailsnippets_joining_joinrequest:list"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Lire et faire lire à Lagny" in content
    assert "Déjà refusée" not in content
    assert review_url(proposed) in content


def test_the_queue_runs_a_bounded_number_of_queries(client, charter, coordinator,
                                                    django_assert_max_num_queries):
    for _ in range(30):
        JoinRequestFactory(charter_version=charter)
    client.force_login(coordinator)
    client.get(reverse("wagtailsnippets_joining_joinrequest:list"))  # warm the caches

    with django_assert_max_num_queries(30):
        response = client.get(reverse("wagtailsnippets_joining_joinrequest:list"))

    assert response.status_code == 200
    assert response.content.decode().count("Association candidate") >= 30


def test_the_queue_is_closed_to_editors(client, editor, proposed):
    client.force_login(editor)

    assert_refused(client.get(reverse("wagtailsnippets_joining_joinrequest:list")))
