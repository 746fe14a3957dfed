"""The members' directory of the extranet: each member association, its part in the network
(the working groups it leads, the tasks it has taken on, whether it coordinates the
collective today: its people then act as coordinators, whatever their role), and its
people with what each of them chose to show (extranet.accounts.models.Profile).

A network holds a few hundred member associations at most, so the directory is read whole
in a fixed number of queries and searched in Python, accents ignored, over the names of
associations, communes, people and their functions.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from directory.models import Association
from directory.search import normalize
from extranet.accounts.coordination import coordinating_association_ids
from extranet.accounts.models import Membership, Role
from extranet.groups.models import Task, WorkingGroup
from portal.people import person_name

ROLE_ORDER = {Role.COORDINATOR: 0, Role.REPRESENTATIVE: 1, Role.MEMBER: 2}


@dataclass
class Person:
    name: str
    role: str
    role_label: str
    function: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class Entry:
    association: Association
    people: list = field(default_factory=list)
    led_groups: list = field(default_factory=list)
    open_tasks: int = 0
    coordinates: bool = False  # Its term of coordination runs today.
    search_text: str = ""


def person_of(membership):
    """What the other members see of a person: names and role always, their function, and
    the address and phone they chose to show."""
    user = membership.person
    profile = getattr(user, "profile", None)
    return Person(
        name=person_name(user),
        role=membership.role,
        role_label=membership.get_role_display(),
        function=profile.function if profile else "",
        email=user.email if profile and profile.show_email else "",
        phone=profile.phone if profile and profile.show_phone else "",
    )


def entries():
    """Every member association with its people, groups led and open tasks, by name."""
    associations = list(
        Association.objects.members().select_related("commune")
        .only("pk", "name", "slug", "commune__name", "website")
        .order_by("name", "pk")
    )
    ids = [association.pk for association in associations]
    people = defaultdict(list)
    for membership in (
        Membership.objects.current().filter(association_id__in=ids, person__is_active=True)
        .select_related("person", "person__profile")
    ):
        people[membership.association_id].append(person_of(membership))
    led = defaultdict(list)
    for group in WorkingGroup.objects.active().filter(lead_association_id__in=ids).only(
        "pk", "name", "slug", "lead_association_id"
    ):
        led[group.lead_association_id].append(group)
    tasks = dict(
        Task.objects.open().filter(responsible_association_id__in=ids)
        .values("responsible_association_id").annotate(count=Count("pk"))
        .values_list("responsible_association_id", "count")
    )
    coordinating = coordinating_association_ids(timezone.localdate())
    result = []
    for association in associations:
        its_people = sorted(people[association.pk],
                            key=lambda person: (ROLE_ORDER.get(person.role, 9), person.name))
        result.append(Entry(
            association=association,
            people=its_people,
            led_groups=led[association.pk],
            open_tasks=tasks.get(association.pk, 0),
            coordinates=association.pk in coordinating,
            search_text=normalize(" ".join([
                association.name,
                association.commune.name if association.commune else "",
                *(f"{person.name} {person.function}" for person in its_people),
            ])),
        ))
    return result


def search(all_entries, query):
    """The entries holding every word of `query` (accents and case ignored)."""
    words = normalize(query).split()
    if not words:
        return all_entries
    return [entry for entry in all_entries
            if all(word in entry.search_text for word in words)]
