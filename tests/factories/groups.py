import datetime

import factory
from django.utils import timezone

from extranet.groups.models import GroupMember, Meeting, Task, WorkingGroup
from tests.factories.accounts import PersonFactory
from tests.factories.directory import AssociationFactory


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Commission {n}")
    description = "Mieux se coordonner sur le terrain."
    lead_association = factory.SubFactory(AssociationFactory, is_member=True)


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(WorkingGroupFactory)
    person = factory.SubFactory(PersonFactory)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Préparer la fiche pratique n° {n}")
    responsible_association = factory.SelfAttribute("group.lead_association")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting of a group, in a week, for two hours."""

    class Meta:
        model = Meeting

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Réunion de travail n° {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Maison des associations, Chelles"
