"""Publishing, changing, closing and reopening a post."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Commune
from extranet.mutual_aid.models import Kind, Post, Status
from tests.factories import AssociationFactory, MembershipFactory
from tests.factories.mutual_aid import PostFactory

from .conftest import detail_url

pytestmark = pytest.mark.django_db

CREATE = reverse("extranet:aid_post_create")


def form_data(**changes):
    today = timezone.localdate()
    return {"kind": "offer", "category": "equipment", "title": "Une sono pour vos fêtes",
            "description": "Enceintes et table de mixage, à venir chercher.",
            "commune": Commune.objects.get(code="77108").pk, "starts_on": today.isoformat(),
            "ends_on": "", **changes}


def test_a_member_publishes_an_offer_for_their_association(client, member, association):
    client.force_login(member)

    response = client.post(CREATE, form_data(is_public="on"))

    post = Post.objects.get()
    assert response.url == detail_url(post)
    assert (post.association, post.author, post.kind, post.is_public) == (
        association, member, Kind.OFFER, True)


def test_the_type_in_the_address_preselects_a_request(client, member):
    client.force_login(member)

    response = client.get(CREATE, {"type": "demande"})

    assert response.context["form"].initial["kind"] == Kind.REQUEST


def test_the_communes_offered_are_those_of_the_department_by_name(client, member):
    client.force_login(member)

    field = client.get(CREATE).context["form"].fields["commune"]

    communes = list(field.queryset)
    assert {commune.department for commune in communes} == {"77"}
    assert [c.name for c in communes] == sorted(c.name for c in communes)


def test_a_request_cannot_be_shown_to_the_public(client, member):
    client.force_login(member)

    response = client.post(CREATE, form_data(kind="request", is_public="on"))

    assert "is_public" in response.context["form"].errors
    assert not Post.objects.exists()


def test_the_last_day_cannot_precede_the_first(client, member):
    client.force_login(member)
    today = timezone.localdate()

    client.post(CREATE, form_data(ends_on=(today - datetime.timedelta(days=1)).isoformat()))

    assert not Post.objects.exists()


def test_a_person_acting_for_two_associations_chooses_for_which(client, member):
    other = AssociationFactory(name="Vélos solidaires", is_member=True)
    MembershipFactory(person=member, association=other)
    client.force_login(member)

    client.post(CREATE, form_data(association=other.pk))

    assert Post.objects.get().association == other


def test_a_person_cannot_post_for_an_association_they_do_not_act_for(client, member,
                                                                     neighbour):
    other = AssociationFactory(is_member=True)
    MembershipFactory(person=member, association=other)
    client.force_login(member)

    response = client.post(CREATE, form_data(association=neighbour.pk))

    assert "association" in response.context["form"].errors
    assert not Post.objects.exists()


def test_the_posts_people_change_it(client, offer, poster):
    client.force_login(poster)

    client.post(reverse("extranet:aid_post_edit", args=[offer.pk]),
                form_data(title="Salle et cuisine"))

    offer.refresh_from_db()
    assert offer.title == "Salle et cuisine"
    assert offer.association.name == "Les Jardins partagés de Vaires"


def test_a_coordinator_may_close_a_post_but_not_change_it(client, coordinator, offer):
    client.force_login(coordinator)

    edit = client.get(reverse("extranet:aid_post_edit", args=[offer.pk]))
    client.post(reverse("extranet:aid_post_close", args=[offer.pk]))

    assert edit.status_code == 403
    offer.refresh_from_db()
    assert offer.status == Status.CLOSED


def test_another_association_cannot_close_a_post(client, member, offer):
    client.force_login(member)

    response = client.post(reverse("extranet:aid_post_close", args=[offer.pk]))

    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.status == Status.OPEN


def test_closing_takes_a_public_offer_off_the_public_site(client, poster, neighbour):
    offer = PostFactory(association=neighbour, author=poster, is_public=True)
    client.force_login(poster)

    client.post(reverse("extranet:aid_post_close", args=[offer.pk]))

    assert not Post.objects.public().exists()
    assert not Post.objects.current().exists()


def test_the_posts_people_reopen_it(client, poster, offer):
    offer.close()
    client.force_login(poster)

    client.post(reverse("extranet:aid_post_reopen", args=[offer.pk]))

    assert list(Post.objects.current()) == [offer]


def test_closing_takes_only_a_post(client, poster, offer):
    client.force_login(poster)

    response = client.get(reverse("extranet:aid_post_close", args=[offer.pk]))

    assert response.status_code == 405
