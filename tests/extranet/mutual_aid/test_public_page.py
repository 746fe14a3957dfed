"""The public page of mutual aid: the current offers their associations chose to show, by
category, twenty to a page, never a request, a closed or past offer, nor anything of the
person who wrote it; members are sent to the extranet to answer."""

import datetime

import pytest
from django.utils import timezone

from extranet.accounts.models import Profile
from extranet.mutual_aid.models import Category, Kind, Post, Status
from tests.factories import DirectoryPageFactory, MembersPageFactory
from tests.factories.joining import JoinPageFactory
from tests.factories.mutual_aid import MutualAidPageFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def aid_page(home_page):
    return MutualAidPageFactory(parent=home_page)


def public_offer(**fields):
    return PostFactory(is_public=True, **fields)


def html_of(client, aid_page, **params):
    response = client.get(aid_page.url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_public_offer_shows_what_where_when_and_which_association(client, aid_page):
    start = timezone.localdate()
    public_offer(title="Un camion le samedi", category=Category.TRANSPORT,
                 description="Un camion de 12 m³ avec son chauffeur.",
                 association__name="Les Restos du cœur de Chelles",
                 ends_on=start + datetime.timedelta(days=40))

    html = html_of(client, aid_page)

    assert "Un camion le samedi" in html
    assert "Transport" in html
    assert "Un camion de 12 m³ avec son chauffeur." in html
    assert "Chelles" in html
    assert "Les Restos du cœur de Chelles" in html
    assert f"{(start + datetime.timedelta(days=40)).year}" in html


def test_an_offer_its_association_keeps_private_is_not_shown(client, aid_page):
    PostFactory(title="Réservé aux membres", is_public=False)

    assert "Réservé aux membres" not in html_of(client, aid_page)


def test_a_request_is_never_shown(client, aid_page):
    PostFactory(title="Nous cherchons un local", kind=Kind.REQUEST)

    assert "Nous cherchons un local" not in html_of(client, aid_page)


def test_a_closed_offer_is_not_shown_even_if_it_was_public(client, aid_page):
    offer = public_offer(title="Offre close")
    # Closing unchecks is_public; an older closed offer may still hold it.
    Post.objects.filter(pk=offer.pk).update(status=Status.CLOSED, closed_at=timezone.now())

    assert "Offre close" not in html_of(client, aid_page)


def test_the_offer_of_an_association_that_left_the_collective_is_not_shown(client, aid_page):
    offer = public_offer(title="Offre d'une ancienne adhérente")
    offer.association.is_member = False
    offer.association.save()

    assert "Offre d'une ancienne adhérente" not in html_of(client, aid_page)


def test_a_past_offer_is_not_shown(client, aid_page):
    today = timezone.localdate()
    public_offer(title="Offre passée", starts_on=today - datetime.timedelta(days=30),
                 ends_on=today - datetime.timedelta(days=1))

    assert "Offre passée" not in html_of(client, aid_page)


def test_an_offer_ending_today_is_still_shown(client, aid_page):
    public_offer(title="Dernier jour", ends_on=timezone.localdate())

    assert "Dernier jour" in html_of(client, aid_page)


def test_no_name_nor_address_of_the_author_is_in_the_page(client, aid_page):
    offer = public_offer()
    author = offer.author
    author.first_name, author.last_name = "Séraphine", "Delacourt"
    author.save()
    Profile.objects.update_or_create(person=author, defaults={"phone": "06 12 34 56 78",
                                                              "show_phone": True})

    html = html_of(client, aid_page)

    assert offer.title in html
    for detail in (author.email, author.username, "Séraphine", "Delacourt", "06 12 34 56 78"):
        assert detail not in html


def test_the_association_links_to_its_page_in_the_directory(client, aid_page, home_page):
    directory = DirectoryPageFactory(parent=home_page)
    offer = public_offer(association__name="Amicale laïque")

    html = html_of(client, aid_page)

    assert f'href="{directory.url}{offer.association.slug}/"' in html


def test_an_association_kept_out_of_the_directory_is_named_without_a_link(client, aid_page,
                                                                         home_page):
    directory = DirectoryPageFactory(parent=home_page)
    offer = public_offer(association__name="Amicale discrète", association__published=False)

    html = html_of(client, aid_page)

    assert "Amicale discrète" in html
    assert f"{directory.url}{offer.association.slug}/" not in html


def test_one_category_is_shown_when_asked(client, aid_page):
    public_offer(title="Une heure de juriste", category=Category.SKILLS)
    public_offer(title="Une salle", category=Category.PREMISES)

    html = html_of(client, aid_page, categorie="skills")

    assert "Une heure de juriste" in html
    assert "Une salle" not in html


def test_twenty_offers_are_shown_on_a_page(client, aid_page):
    for number in range(21):
        public_offer(title=f"Offre numéro {number:02d}")

    first = client.get(aid_page.url)
    second = client.get(aid_page.url, {"page": 2})

    assert len(first.context["offers"]) == 20
    assert len(second.context["offers"]) == 1


def test_members_are_sent_to_the_extranet_to_answer(client, aid_page):
    offer = public_offer()

    html = html_of(client, aid_page)

    assert "Votre association est membre ?" in html
    assert 'href="/extranet/compte/login/?next=%2Fextranet%2Fentraide%2F"' in html
    assert f'href="/extranet/entraide/{offer.pk}/"' in html


def test_the_join_page_named_by_the_members_list_is_linked(client, aid_page, home_page):
    join = JoinPageFactory(parent=home_page)
    MembersPageFactory(parent=home_page, join_page=join)

    html = html_of(client, aid_page)

    assert f'href="{join.url}"' in html


def test_the_queries_do_not_grow_with_the_offers(client, aid_page, home_page,
                                                 django_assert_max_num_queries):
    DirectoryPageFactory(parent=home_page)
    categories = Category.values
    for number in range(3):
        public_offer(category=categories[number % len(categories)])
    with django_assert_max_num_queries(40) as few:
        client.get(aid_page.url)
    for number in range(27):
        public_offer(category=categories[number % len(categories)],
                     association__published=number % 2 == 0)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(aid_page.url)

    assert len(response.context["offers"]) == 20
