"""The members' directory: member associations, their part in the network, their people and
what each person chose to show."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Commune
from extranet.accounts.models import Profile, Role
from extranet.groups.models import TaskStatus
from tests.factories import (
    AssociationFactory,
    MembershipFactory,
    PersonFactory,
    TaskFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("extranet:members")


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def person(association, first_name, last_name, role=Role.MEMBER, **profile):
    someone = PersonFactory(first_name=first_name, last_name=last_name)
    MembershipFactory(person=someone, association=association, role=role)
    Profile.objects.create(person=someone, **profile)
    return someone


def test_the_directory_lists_member_associations_only(signed_in, association):
    AssociationFactory(name="Club de bridge de Torcy", is_member=False)

    response = signed_in.get(URL)

    names = [entry.association.name for entry in response.context["page"]]
    assert names == [association.name]


def test_an_address_is_shown_only_to_those_its_owner_chose(signed_in, association):
    person(association, "Awa", "Diallo", show_email=True)
    hidden = person(association, "Marc", "Petit", show_email=False)

    response = signed_in.get(URL)

    content = response.content.decode()
    assert "Awa Diallo" in content
    assert "Marc Petit" in content
    assert hidden.email not in content


def test_a_phone_is_shown_only_when_its_owner_chose_to(signed_in, association):
    person(association, "Awa", "Diallo", phone="01 60 20 30 40", show_phone=True)
    person(association, "Marc", "Petit", phone="06 11 22 33 44", show_phone=False)

    content = signed_in.get(URL).content.decode()

    assert "01 60 20 30 40" in content
    assert "06 11 22 33 44" not in content


def test_a_person_whose_membership_ended_is_not_listed(signed_in, association):
    gone = PersonFactory(first_name="Paul", last_name="Ancien")
    last_month = timezone.localdate() - datetime.timedelta(days=30)
    MembershipFactory(person=gone, association=association,
                      starts_on=last_month - datetime.timedelta(days=300), ends_on=last_month)

    assert "Paul Ancien" not in signed_in.get(URL).content.decode()


def test_the_representative_is_listed_before_the_members(signed_in, association):
    person(association, "Zoé", "Adam", role=Role.REPRESENTATIVE)

    people = signed_in.get(URL).context["page"][0].people

    assert people[0].name == "Zoé Adam"
    assert people[0].role == Role.REPRESENTATIVE


def test_searching_a_person_s_name_without_its_accents_finds_their_association(
    signed_in, association, neighbour
):
    person(neighbour, "Hélène", "Lefèvre")

    response = signed_in.get(URL, {"q": "helene lefevre"})

    assert [entry.association for entry in response.context["page"]] == [neighbour]


def test_searching_a_function_finds_the_association(signed_in, association, neighbour):
    person(neighbour, "Jean", "Martin", function="Trésorier")

    response = signed_in.get(URL, {"q": "tresorier"})

    assert [entry.association for entry in response.context["page"]] == [neighbour]


def test_searching_a_commune_finds_its_associations(signed_in, association):
    commune, _created = Commune.objects.get_or_create(code="77108", defaults={"name": "Chelles"})
    association.commune = commune
    association.save()

    response = signed_in.get(URL, {"q": "chelles"})

    assert [entry.association for entry in response.context["page"]] == [association]


def test_a_search_that_finds_nothing_says_so(signed_in, association):
    response = signed_in.get(URL, {"q": "introuvable"})

    assert "Aucune association membre ne correspond" in response.content.decode()


def test_each_association_shows_the_groups_it_leads_and_its_open_tasks(signed_in, association):
    group = WorkingGroupFactory(name="Accès aux droits", lead_association=association)
    TaskFactory(group=group, responsible_association=association)
    TaskFactory(group=group, responsible_association=association)
    TaskFactory(group=group, responsible_association=association, status=TaskStatus.DONE)

    response = signed_in.get(URL)

    entry = response.context["page"][0]
    assert entry.led_groups == [group]
    assert entry.open_tasks == 2
    assert "2 tâches en cours dans le réseau" in response.content.decode()


def member_associations(count):
    for number in range(count):
        association = AssociationFactory(name=f"Association membre {number:02}", is_member=True)
        person(association, "Prénom", f"Nom{number}", show_email=True)
        TaskFactory(group=WorkingGroupFactory(lead_association=association),
                    responsible_association=association)


def test_the_directory_reads_as_many_queries_for_30_associations_as_for_3(
    client, member, django_assert_max_num_queries
):
    client.force_login(member)
    member_associations(3)
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    member_associations(27)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)

    assert response.context["page"].paginator.count == 31
