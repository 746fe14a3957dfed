"""Fixtures of mutual aid's tests: an offer of the neighbour association, written by one of
its people, and a conversation opened on it by the `member` of `association`."""

import pytest
from django.urls import reverse

from extranet.accounts.models import Role
from tests.factories import MembershipFactory, PersonFactory
from tests.factories.mutual_aid import ConversationFactory, MessageFactory, PostFactory


@pytest.fixture
def poster(neighbour):
    """The person of the neighbour association who posts."""
    person = PersonFactory(first_name="Inès", email="ines.poster@example.org")
    MembershipFactory(person=person, association=neighbour, role=Role.MEMBER)
    return person


@pytest.fixture
def offer(neighbour, poster):
    return PostFactory(association=neighbour, author=poster, title="Salle de réunion le soir")


@pytest.fixture
def conversation(offer, association, member):
    conversation = ConversationFactory(post=offer, association=association, started_by=member)
    MessageFactory(conversation=conversation, author=member)
    return conversation


def detail_url(post):
    return reverse("extranet:aid_post_detail", args=[post.pk])


def thread_url(conversation):
    return reverse("extranet:aid_conversation", args=[conversation.pk])
