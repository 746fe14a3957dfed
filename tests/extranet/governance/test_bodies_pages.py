"""The bodies' pages: every member reads the bodies, their rules and members; coordinators
create, change and archive them and give or end their seats, which are never deleted."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.governance.models import Body, BodyKind, BodySeat
from tests.factories import (
    AssociationFactory,
    BodyFactory,
    BodySeatFactory,
    PlenaryFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("extranet:body_list")
CREATE_URL = reverse("extranet:body_create")


def detail_url(body):
    return reverse("extranet:body_detail", kwargs={"body_slug": body.slug})


def edit_url(body):
    return reverse("extranet:body_edit", kwargs={"body_slug": body.slug})


def seats_url(body):
    return reverse("extranet:body_seats", kwargs={"body_slug": body.slug})


def body_data(**changes):
    return {"name": "Comité des finances", "slug": "", "kind": BodyKind.COMMITTEE,
            "description": "Prépare le budget.", "quorum_percent": 60,
            "majority": "absolute", "max_proxies_per_holder": 2,
            "coordination_term_months": "", **changes}


def queries_of(client, url):
    client.get(url)  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_migration_made_the_plenary_assembly():
    plenary = Body.objects.plenary()

    assert plenary.name == "Assemblée plénière"
    assert (plenary.quorum_percent, plenary.majority, plenary.max_proxies_per_holder,
            plenary.coordination_term_months) == (50, "simple", 1, 12)


def test_the_list_shows_each_body_with_its_rules_in_words(client, member):
    BodyFactory(name="Comité des finances", quorum_percent=60, majority="two_thirds",
                max_proxies_per_holder=2)
    client.force_login(member)

    response = client.get(LIST_URL)

    assert "Comité des finances" in response.text
    assert "60 %" in response.text
    assert "Deux tiers des voix exprimées" in response.text


def test_the_plenary_counts_every_member_association(client, member, association, neighbour):
    AssociationFactory(is_member=False)
    client.force_login(member)

    response = client.get(LIST_URL)

    row = response.text.split("Assemblée plénière</a>")[1].split("</tr>")[0]
    member_count = Body.objects.plenary().member_associations().count()
    assert f'<td class="number">{member_count}</td>' in row


def test_a_committee_counts_the_associations_sitting_today(client, member):
    committee = BodyFactory(name="Comité des finances")
    BodySeatFactory.create_batch(2, body=committee)
    BodySeatFactory(body=committee, ends_on=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(member)

    response = client.get(LIST_URL)

    row = response.text.split("Comité des finances")[1].split("</tr>")[0]
    assert row.endswith('<td class="number">2</td>\n            ')


def test_archived_bodies_are_listed_apart(client, member):
    BodyFactory(name="Comité de préfiguration",
                archived_on=timezone.localdate() - datetime.timedelta(days=60))
    client.force_login(member)

    response = client.get(LIST_URL)

    active, archived = response.text.split("Instances archivées")
    assert "Comité de préfiguration" not in active
    assert "Comité de préfiguration" in archived


def test_the_list_runs_as_many_queries_for_twelve_bodies_as_for_two(
    client, member, django_assert_max_num_queries
):
    for _index in range(2):
        BodySeatFactory.create_batch(2, body=BodyFactory())
    client.force_login(member)
    few = queries_of(client, LIST_URL)
    for _index in range(10):
        BodySeatFactory.create_batch(2, body=BodyFactory())

    with django_assert_max_num_queries(few):
        response = client.get(LIST_URL)

    assert response.text.count("<tr>") == 14  # The header, the plenary and twelve.


def test_the_plenary_page_lists_every_member_association(client, member, association):
    client.force_login(member)

    response = client.get(detail_url(PlenaryFactory()))

    assert association.name in response.text
    assert "Historique des sièges" not in response.text


def test_a_committee_page_shows_its_members_its_proposals_and_its_seats(client, member):
    committee = BodyFactory(name="Comité des finances")
    sitting = BodySeatFactory(body=committee).association
    gone = BodySeatFactory(body=committee,
                           ends_on=timezone.localdate() - datetime.timedelta(days=1))
    ProposalFactory(body=committee, title="Budget 2027")
    ProposalFactory(body=committee, title="Budget retiré", withdrawn_at=timezone.now())
    client.force_login(member)

    response = client.get(detail_url(committee))

    members = response.text.split('id="members"')[1].split("</section>")[0]
    assert sitting.name in members and gone.association.name not in members
    assert "Budget 2027" in response.text and "Budget retiré" not in response.text
    history = response.text.split('id="seats"')[1]
    assert gone.association.name in history


def test_a_coordinator_creates_a_body(client, coordinator):
    client.force_login(coordinator)

    response = client.post(CREATE_URL, body_data())

    body = Body.objects.get(name="Comité des finances")
    assert response.url == detail_url(body)
    assert (body.quorum_percent, body.majority, body.max_proxies_per_holder) == (
        60, "absolute", 2)


def test_a_second_plenary_assembly_is_refused(client, coordinator):
    PlenaryFactory()
    client.force_login(coordinator)

    response = client.post(CREATE_URL, body_data(kind=BodyKind.PLENARY))

    assert response.status_code == 200
    assert "Le collectif a déjà son assemblée plénière." in response.text
    assert Body.objects.filter(kind=BodyKind.PLENARY).count() == 1


def test_a_quorum_above_a_hundred_is_refused(client, coordinator):
    client.force_login(coordinator)

    response = client.post(CREATE_URL, body_data(quorum_percent=120))

    assert response.status_code == 200
    assert not Body.objects.filter(name="Comité des finances").exists()


@pytest.mark.parametrize("visitor", ["member", "representative"])
def test_only_coordinators_create_a_body(client, request, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(CREATE_URL, body_data())

    assert response.status_code == 403
    assert not Body.objects.filter(name="Comité des finances").exists()


def test_a_coordinator_archives_a_body_which_stays(client, coordinator):
    committee = BodyFactory(name="Comité des finances")
    client.force_login(coordinator)
    today = timezone.localdate()

    client.post(edit_url(committee), body_data(slug=committee.slug,
                                               archived_on=today.isoformat()))

    committee.refresh_from_db()
    assert committee.archived_on == today


def test_the_plenary_cannot_be_archived_nor_change_kind(client, coordinator):
    plenary = PlenaryFactory()
    client.force_login(coordinator)

    client.post(edit_url(plenary), body_data(
        name=plenary.name, slug=plenary.slug, kind=BodyKind.OTHER,
        archived_on=timezone.localdate().isoformat(),
    ))

    plenary.refresh_from_db()
    assert plenary.kind == BodyKind.PLENARY and plenary.archived_on is None


def test_a_member_may_not_change_a_body(client, member):
    committee = BodyFactory()

    client.force_login(member)

    assert client.post(edit_url(committee), body_data()).status_code == 403


def test_a_coordinator_gives_a_seat_to_a_member_association(client, coordinator, neighbour):
    committee = BodyFactory()
    client.force_login(coordinator)

    client.post(seats_url(committee), {"association": neighbour.pk,
                                       "starts_on": timezone.localdate().isoformat()})

    assert committee.member_associations().get() == neighbour


def test_a_seat_is_not_given_to_an_association_that_is_not_a_member(client, coordinator):
    committee = BodyFactory()
    outsider = AssociationFactory(is_member=False)
    client.force_login(coordinator)

    response = client.post(seats_url(committee), {
        "association": outsider.pk, "starts_on": timezone.localdate().isoformat(),
    })

    assert response.status_code == 200
    assert not committee.seats.exists()


def test_the_plenary_has_no_seats_to_give(client, coordinator, neighbour):
    plenary = PlenaryFactory()
    client.force_login(coordinator)

    response = client.post(seats_url(plenary), {"association": neighbour.pk,
                                                 "starts_on": timezone.localdate().isoformat()})

    assert response.url == detail_url(plenary)
    assert not BodySeat.objects.filter(body=plenary).exists()


def test_ending_a_seat_keeps_it_with_todays_end(client, coordinator):
    seat = BodySeatFactory()
    client.force_login(coordinator)

    client.post(seats_url(seat.body), {"end": seat.pk})

    seat.refresh_from_db()
    assert seat.ends_on == timezone.localdate()
    assert not seat.body.member_associations(
        on=timezone.localdate() + datetime.timedelta(days=1)).exists()


def test_a_member_may_not_end_a_seat(client, member):
    seat = BodySeatFactory()
    client.force_login(member)

    response = client.post(seats_url(seat.body), {"end": seat.pk})

    seat.refresh_from_db()
    assert response.status_code == 403 and seat.ends_on is None


def test_a_seat_of_another_body_is_not_ended_from_this_one(client, coordinator):
    seat = BodySeatFactory()
    client.force_login(coordinator)

    response = client.post(seats_url(BodyFactory()), {"end": seat.pk})

    seat.refresh_from_db()
    assert response.status_code == 404 and seat.ends_on is None


def test_a_body_named_after_the_creation_page_is_refused(client, coordinator):
    client.force_login(coordinator)

    response = client.post(CREATE_URL, body_data(name="Nouvelle"))

    assert "est réservé" in response.text
    assert not Body.objects.filter(name="Nouvelle").exists()
