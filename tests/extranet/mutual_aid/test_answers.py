"""Answering a post and writing in its conversation: the messages reach the other side by
email without revealing any address, and only the two associations read the thread."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from extranet.accounts.models import Membership, Role
from extranet.mutual_aid.models import MESSAGE_MAX_LENGTH, Conversation, Message
from tests.factories import AssociationFactory, MembershipFactory, PersonFactory

from .conftest import detail_url, thread_url

pytestmark = pytest.mark.django_db

ANSWER = "Bonjour, votre salle nous intéresse pour notre assemblée du mois prochain."


@pytest.fixture
def answerer(association):
    person = PersonFactory(first_name="Hugo", email="hugo.answerer@example.org")
    MembershipFactory(person=person, association=association, role=Role.MEMBER)
    return person


def answer(client, person, post, body=ANSWER, **data):
    client.force_login(person)
    return client.post(detail_url(post), {"body": body, **data})


def addresses_in(email):
    headers = "".join(f"{name}: {value}\n" for name, value in email.message().items())
    return email.subject + email.body + headers + " ".join(email.reply_to)


def test_an_answer_opens_a_conversation_and_leads_to_it(client, answerer, association, offer):
    response = answer(client, answerer, offer)

    conversation = Conversation.objects.get()
    assert response.url == thread_url(conversation)
    assert (conversation.association, conversation.started_by) == (association, answerer)
    message = conversation.messages.get()
    assert (message.body, message.from_poster) == (ANSWER, False)


def test_a_reply_reaches_the_poster_without_revealing_the_address(
        client, answerer, poster, offer, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, answerer, offer)

    [email] = mail.outbox
    assert email.to == [poster.email]
    assert email.from_email == settings.DEFAULT_FROM_EMAIL
    assert email.reply_to == []
    assert "Reply-To" not in email.message()
    assert answerer.email not in addresses_in(email)
    assert poster.email not in email.subject + email.body
    assert ANSWER in email.body
    assert "Hugo, de l'association Entraide et partage chellois" in email.body
    assert offer.title in email.subject
    assert "http://" in email.body and thread_url(Conversation.objects.get()) in email.body


def test_the_email_s_subject_shows_the_title_as_written(
        client, answerer, offer, django_capture_on_commit_callbacks):
    offer.title = "Salle d'accueil & cuisine"
    offer.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, answerer, offer)

    [email] = mail.outbox
    assert "« Salle d'accueil & cuisine »" in email.subject


def test_the_email_greets_a_poster_without_a_first_name_without_a_stray_comma(
        client, answerer, poster, offer, django_capture_on_commit_callbacks):
    poster.first_name = ""
    poster.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, answerer, offer)

    [email] = mail.outbox
    assert email.body.startswith("Bonjour,")


def test_the_posters_answer_reaches_who_opened_the_conversation(
        client, poster, member, conversation, django_capture_on_commit_callbacks):
    client.force_login(poster)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(thread_url(conversation), {"body": "Avec plaisir, quel soir ?"})

    [email] = mail.outbox
    assert email.to == [member.email]
    assert poster.email not in addresses_in(email)
    assert Message.objects.filter(from_poster=True).count() == 1


def test_a_message_to_an_author_who_left_goes_to_the_association_s_people(
        client, member, offer, poster, conversation, neighbour,
        django_capture_on_commit_callbacks):
    today = timezone.localdate()
    Membership.objects.filter(person=poster).update(
        starts_on=today - datetime.timedelta(days=30), ends_on=today - datetime.timedelta(days=1))
    colleague = MembershipFactory(association=neighbour).person
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(thread_url(conversation), {"body": "Vous êtes toujours là ?"})

    assert [email.to for email in mail.outbox] == [[colleague.email]]


def test_a_message_updates_the_conversation_s_last_date(client, member, conversation):
    before = timezone.now() - datetime.timedelta(hours=1)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=before)
    client.force_login(member)

    client.post(thread_url(conversation), {"body": "Encore une question."})

    conversation.refresh_from_db()
    assert conversation.last_message_at > before


def test_a_second_answer_of_the_same_association_continues_its_conversation(
        client, answerer, offer, conversation):
    answer(client, answerer, offer)

    assert Conversation.objects.count() == 1
    assert conversation.messages.count() == 1


def test_an_empty_message_is_refused(client, member, conversation):
    client.force_login(member)

    response = client.post(thread_url(conversation), {"body": "   "})

    assert "body" in response.context["form"].errors
    assert conversation.messages.count() == 1


def test_a_message_too_long_is_refused(client, answerer, offer):
    response = answer(client, answerer, offer, body="x" * (MESSAGE_MAX_LENGTH + 1))

    assert "body" in response.context["form"].errors
    assert not Conversation.objects.exists()


def test_a_person_cannot_answer_their_own_association_s_post(client, poster, offer):
    client.force_login(poster)

    page = client.get(detail_url(offer))
    response = client.post(detail_url(offer), {"body": ANSWER})

    assert page.context["form"] is None
    assert response.status_code == 403
    assert not Conversation.objects.exists()


def test_a_closed_post_refuses_answers(client, answerer, offer):
    offer.close()

    response = answer(client, answerer, offer)

    assert response.status_code == 403
    assert not Conversation.objects.exists()


def test_a_person_of_two_associations_chooses_which_answers(client, answerer, offer):
    other = AssociationFactory(name="Vélos solidaires", is_member=True)
    MembershipFactory(person=answerer, association=other)

    answer(client, answerer, offer, association=other.pk)

    assert Conversation.objects.get().association == other


def test_the_post_s_people_see_its_conversations(client, poster, offer, conversation):
    client.force_login(poster)

    response = client.get(detail_url(offer))

    assert list(response.context["conversations"]) == [conversation]
    assert "Entraide et partage chellois" in response.content.decode()


def test_the_thread_names_people_by_first_name_never_by_address(client, poster, member,
                                                                 conversation):
    client.force_login(poster)

    content = client.get(thread_url(conversation)).content.decode()

    assert member.first_name in content
    assert member.email not in content


@pytest.mark.parametrize("who", ["a third association", "coordinator"])
def test_nobody_else_reads_a_conversation(client, conversation, coordinator, who):
    person = coordinator if who == "coordinator" else MembershipFactory().person
    client.force_login(person)

    assert client.get(thread_url(conversation)).status_code == 403
    assert client.post(thread_url(conversation), {"body": "Bonjour"}).status_code == 403
