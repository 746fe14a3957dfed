"""Mutual aid: posts (offers and requests), the conversations that answer them, and the
public page of the offers."""

import factory
import wagtail_factories

from directory.models import Commune
from extranet.accounts.models import Role
from extranet.mutual_aid.models import (
    Category,
    Conversation,
    Kind,
    Message,
    MutualAidPage,
    Post,
)
from tests.factories.accounts import MembershipFactory
from tests.factories.directory import AssociationFactory


def author_of(post):
    """A person acting today for the post's association."""
    return MembershipFactory(association=post.association, role=Role.MEMBER).person


class PostFactory(factory.django.DjangoModelFactory):
    """An open offer of premises in Chelles, from today, with no last day, by a person
    acting for a member association."""

    class Meta:
        model = Post

    kind = Kind.OFFER
    category = Category.PREMISES
    title = factory.Sequence(lambda n: f"Salle de réunion de 30 places, le soir ({n})")
    description = "Notre salle est libre le mardi et le jeudi soir, chauffée, accessible."
    association = factory.SubFactory(AssociationFactory, is_member=True)
    author = factory.LazyAttribute(author_of)
    commune = factory.LazyFunction(lambda: Commune.objects.get(code="77108"))


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    post = factory.SubFactory(PostFactory)
    association = factory.SubFactory(AssociationFactory, is_member=True)
    started_by = factory.LazyAttribute(
        lambda conversation: MembershipFactory(association=conversation.association).person)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    author = factory.LazyAttribute(lambda message: message.conversation.started_by)
    body = "Bonjour, votre salle nous intéresse pour notre assemblée générale."


class MutualAidPageFactory(wagtail_factories.PageFactory):
    """The published page « Entraide entre associations ». Pass `parent=` (the home page)."""

    class Meta:
        model = MutualAidPage

    title = "Entraide entre associations"
    slug = "entraide"
    introduction = "Ce que les associations du collectif se prêtent et s'offrent."
    live = True
