"""A second request for the same association is caught: the same directory record, the
same RNA id, SIRET or name (accents and case aside) as a pending request, or an association
that is already a member."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from joining import services
from joining.member_associations import refresh_member_associations
from joining.models import JoinRequest, JoinStatus
from tests.factories import AssociationFactory, MembershipFactory
from tests.factories.joining import JoinRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(charter):
    from directory.models import Sector

    return {"association": None, "proposed_name": "Lire et faire lire à Lagny",
            "proposed_rna_id": "", "proposed_siret": "", "proposed_postcode": "77400",
            "proposed_commune": None, "sector": Sector.objects.get(code="015000"),
            "first_name": "Karim", "last_name": "Haddad", "email": "karim@example.org",
            "role": "trésorier", "motivation": "Des partenaires.", "charter_version": charter}


def test_a_second_request_for_the_same_directory_association_is_refused(data, association):
    services.submit({**data, "association": association}, language="fr")

    with pytest.raises(ValidationError, match="attend déjà"):
        services.submit({**data, "association": association}, language="fr")
    assert JoinRequest.objects.count() == 1


def test_the_database_refuses_two_pending_requests_for_one_association(charter, association):
    JoinRequestFactory(charter_version=charter, association=association, proposed_name="")

    with pytest.raises(IntegrityError), transaction.atomic():
        JoinRequestFactory(charter_version=charter, association=association, proposed_name="")


def test_a_proposed_name_matching_a_pending_request_is_refused(data, charter):
    JoinRequestFactory(charter_version=charter, proposed_name="Lire et Faire Lire a LAGNY")

    with pytest.raises(ValidationError, match="attend déjà"):
        services.submit(data, language="fr")


def test_a_proposed_rna_id_matching_a_pending_request_is_refused(data, charter):
    JoinRequestFactory(charter_version=charter, proposed_name="Autre nom",
                       proposed_rna_id="W772000002")

    with pytest.raises(ValidationError, match="attend déjà"):
        services.submit({**data, "proposed_rna_id": "W772000002"}, language="fr")


def test_a_proposed_siret_matching_a_pending_request_is_refused(data, charter):
    JoinRequestFactory(charter_version=charter, proposed_name="Autre nom",
                       proposed_siret="73282932000074")

    with pytest.raises(ValidationError, match="attend déjà"):
        services.submit({**data, "proposed_siret": "73282932000074"}, language="fr")


def test_a_declined_request_does_not_prevent_a_new_one(data, charter):
    JoinRequestFactory(charter_version=charter, proposed_name="Lire et faire lire à Lagny",
                       status=JoinStatus.DECLINED, decision_message="Pas encore.")

    services.submit(data, language="fr")

    assert JoinRequest.objects.pending().count() == 1


def test_a_proposed_association_named_like_a_member_is_refused(data):
    member = MembershipFactory(association__name="Lire et faire lire à Lagny").association
    refresh_member_associations([member.pk])

    with pytest.raises(ValidationError, match="déjà membre"):
        services.submit({**data, "proposed_name": "LIRE ET FAIRE LIRE A LAGNY"}, language="fr")


def test_a_proposed_association_named_like_a_non_member_is_kept_for_review(data):
    AssociationFactory(name="Lire et faire lire à Lagny")

    join_request = services.submit(data, language="fr")

    assert [association.name for association in join_request.directory_matches()] == [
        "Lire et faire lire à Lagny"]


def test_a_member_association_cannot_ask_again(data):
    member = MembershipFactory().association
    refresh_member_associations([member.pk])

    with pytest.raises(ValidationError, match="déjà membre"):
        services.submit({**data, "association": member}, language="fr")
