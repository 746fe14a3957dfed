import datetime

import factory
from django.utils import timezone

from extranet.governance.models import (
    AgendaItem,
    Body,
    BodyKind,
    BodyMeeting,
    BodySeat,
    Proposal,
    ProposalComment,
)
from tests.factories.directory import AssociationFactory
from tests.factories.groups import MeetingFactory


class BodyFactory(factory.django.DjangoModelFactory):
    """A body with seats (a committee); `PlenaryFactory` for the plenary assembly."""

    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Comité {n}")
    kind = BodyKind.COMMITTEE
    quorum_percent = 50


class PlenaryFactory(BodyFactory):
    class Meta:
        model = Body
        django_get_or_create = ("kind",)

    name = "Assemblée plénière"
    kind = BodyKind.PLENARY


class BodySeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodySeat

    body = factory.SubFactory(BodyFactory)
    association = factory.SubFactory(AssociationFactory, is_member=True)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class BodyMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMeeting

    meeting = factory.SubFactory(MeetingFactory, group=None)
    body = factory.SubFactory(BodyFactory)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Proposition {n}")
    text = "Le collectif adopte une position commune sur l'accès aux locaux municipaux."
    rationale = "Plusieurs associations ont perdu leur salle cette année."
    author_association = factory.SubFactory(AssociationFactory, is_member=True)


class ProposalCommentFactory(factory.django.DjangoModelFactory):
    """A comment on a proposal, said for a member association (by default, one that sits in
    the plenary)."""

    class Meta:
        model = ProposalComment

    proposal = factory.SubFactory(ProposalFactory)
    text = "Nous proposons d'ajouter les écoles de musique."
    association = factory.SubFactory(AssociationFactory, is_member=True)
class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    body_meeting = factory.SubFactory(BodyMeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Point n° {n + 1}")
