"""Who opens the page where an association leaves the collective (/extranet/adhesion/<slug>/
quitter/, served by joining: the extranet's access matrix covers its own namespace only).
Its representative and the coordinators; nobody else, and nothing changes for them."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from joining.models import CollectiveMembership
from portal.editorial import EDITORS
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"


@pytest.fixture
def non_member(db):
    return PersonFactory()


@pytest.fixture
def site_editor(db):
    group, _created = Group.objects.get_or_create(name=EDITORS)
    return PersonFactory(is_staff=True, groups=[group])


EXPECTED = {
    "anonymous": LOGIN,
    "non_member": 403,
    "site_editor": 403,
    "club_member": 403,
    "neighbour_representative": 403,
    "club_representative": 200,
    "network_coordinator": 200,
}


@pytest.mark.parametrize(("visitor", "expected"), EXPECTED.items())
def test_who_opens_the_departure_page(client, request, club, visitor, expected):
    url = reverse("joining:leave", args=[club.slug])
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))

    response = client.get(url)

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url == f"{reverse('account_login')}?next={url}"
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("visitor", ["non_member", "club_member", "neighbour_representative"])
def test_a_refused_departure_changes_nothing(client, request, club, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(reverse("joining:leave", args=[club.slug]), {
        "ends_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        "confirm": "on",
    })

    assert response.status_code == 403
    assert CollectiveMembership.objects.get(association=club).ends_on is None


def test_an_anonymous_departure_changes_nothing(client, club):
    response = client.post(reverse("joining:leave", args=[club.slug]), {
        "ends_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        "confirm": "on",
    })

    assert response.status_code == 302
    assert CollectiveMembership.objects.get(association=club).ends_on is None


def test_an_unknown_association_is_not_found(client, club_representative):
    client.force_login(club_representative)

    assert client.get(reverse("joining:leave", args=["inconnue"])).status_code == 404
