"""The lists of posts: the current ones with their search and filters, the archive, pages of
20 in a bounded number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Commune
from extranet.mutual_aid.models import Category, Kind
from tests.factories import AssociationFactory
from tests.factories.mutual_aid import PostFactory

pytestmark = pytest.mark.django_db

LIST = reverse("extranet:aid_list")
ARCHIVE = reverse("extranet:aid_archive")


def titles(response):
    return [post.title for post in response.context["posts"]]


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def test_the_list_shows_a_current_post_with_its_association_commune_and_kind(signed_in,
                                                                               offer):
    response = signed_in.get(LIST)

    content = response.content.decode()
    assert offer.title in content
    assert "Les Jardins partagés de Vaires" in content
    assert "Chelles" in content
    assert "badge--offer" in content


def test_a_closed_post_leaves_the_list_for_the_archive(signed_in, offer):
    offer.close()

    assert offer.title not in titles(signed_in.get(LIST))
    assert titles(signed_in.get(ARCHIVE)) == [offer.title]


def test_a_post_whose_last_day_is_past_leaves_the_list_for_the_archive(signed_in):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    past = PostFactory(starts_on=yesterday - datetime.timedelta(days=5), ends_on=yesterday)

    assert past.title not in titles(signed_in.get(LIST))
    assert past.title in titles(signed_in.get(ARCHIVE))


def test_a_post_ending_today_is_still_listed(signed_in):
    post = PostFactory(ends_on=timezone.localdate())

    assert titles(signed_in.get(LIST)) == [post.title]


def test_the_archive_offers_no_answer_form(signed_in, offer):
    offer.close()

    response = signed_in.get(reverse("extranet:aid_post_detail", args=[offer.pk]))

    assert response.context["form"] is None
    assert "archivée" in response.content.decode()


def test_the_search_finds_words_of_the_title_or_the_description(signed_in):
    van = PostFactory(title="Un camion pour un déménagement", category=Category.TRANSPORT)
    lawyer = PostFactory(title="Conseil", description="Une juriste bénévole le lundi.")
    PostFactory(title="Une salle")

    assert titles(signed_in.get(LIST, {"q": "camion"})) == [van.title]
    assert titles(signed_in.get(LIST, {"q": "JURISTE"})) == [lawyer.title]


def test_the_list_filters_by_kind_and_category(signed_in):
    request = PostFactory(kind=Kind.REQUEST, category=Category.VOLUNTEERS)
    PostFactory(kind=Kind.OFFER, category=Category.VOLUNTEERS)
    PostFactory(kind=Kind.REQUEST, category=Category.EQUIPMENT)

    response = signed_in.get(LIST, {"kind": "request", "category": "volunteers"})

    assert titles(response) == [request.title]


def test_the_list_filters_by_commune_among_those_of_the_current_posts(signed_in):
    vaires = Commune.objects.get(code="77479")
    here = PostFactory(commune=vaires)
    PostFactory()

    response = signed_in.get(LIST, {"commune": "77479"})

    assert titles(response) == [here.title]
    codes = [code for code, _name in response.context["filters"].fields["commune"].choices]
    assert codes == ["", "77108", "77479"]


def test_the_list_filters_by_association(signed_in, neighbour, offer):
    PostFactory()

    response = signed_in.get(LIST, {"association": neighbour.pk})

    assert titles(response) == [offer.title]


def test_an_unknown_filter_is_ignored(signed_in, offer):
    assert titles(signed_in.get(LIST, {"kind": "nothing"})) == [offer.title]


def test_the_list_has_pages_of_twenty(signed_in):
    association = AssociationFactory(is_member=True)
    PostFactory.create_batch(21, association=association)

    first = signed_in.get(LIST)
    second = signed_in.get(LIST, {"page": 2})

    assert len(first.context["posts"]) == 20
    assert len(second.context["posts"]) == 1


@pytest.mark.parametrize("url", [LIST, ARCHIVE])
def test_the_lists_need_the_same_queries_for_5_and_30_posts(
        signed_in, url, django_assert_max_num_queries):
    def posts(number):
        for _n in range(number):
            post = PostFactory(association=AssociationFactory(is_member=True))
            if url == ARCHIVE:
                post.close()

    posts(5)
    signed_in.get(url)  # warms what is read once per process
    with django_assert_max_num_queries(15) as five:
        signed_in.get(url)
    posts(25)
    with django_assert_max_num_queries(len(five.captured_queries)):
        response = signed_in.get(url)
    assert len(response.context["posts"]) == 20


def test_the_list_leads_to_the_map_of_the_offers(signed_in):
    content = signed_in.get(LIST).content.decode()

    assert f'href="{reverse("extranet:aid_map")}"' in content
