"""An association is a member of the collective while it has a current adhesion, or (as
before) while somebody acts for it."""

import datetime

import pytest
from django.utils import timezone

from joining.member_associations import refresh_member_associations
from joining.models import CollectiveMembership
from tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


def test_an_association_with_a_current_adhesion_is_a_member():
    association = AssociationFactory()
    CollectiveMembership.objects.create(association=association)

    refresh_member_associations([association.pk])

    association.refresh_from_db()
    assert association.is_member


def test_an_association_whose_adhesion_ended_is_no_longer_a_member():
    association = AssociationFactory()
    today = timezone.localdate()
    adhesion = CollectiveMembership.objects.create(association=association,
                                       starts_on=today - datetime.timedelta(days=30))
    refresh_member_associations([association.pk])
    adhesion.ends_on = today - datetime.timedelta(days=1)
    adhesion.end_reason = "other"
    adhesion.save()

    refresh_member_associations()

    association.refresh_from_db()
    assert not association.is_member
