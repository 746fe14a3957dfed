"""What mutual aid holds on people: the export finds a person's posts and messages, and the
purge deletes posts archived for longer than MUTUAL_AID_ARCHIVE_RETENTION_DAYS with their
conversations."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from extranet.mutual_aid.models import Conversation, Message, Post, Status
from portal import personal_data
from tests.factories import PersonFactory
from tests.factories.mutual_aid import ConversationFactory, MessageFactory, PostFactory

pytestmark = pytest.mark.django_db

EMAIL = "camille.martin@example.org"


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def purge():
    call_command("purge_personal_data", stdout=io.StringIO(), stderr=io.StringIO())


def archived(days, **fields):
    """A post closed `days` ago."""
    post = PostFactory(**fields)
    Post.objects.filter(pk=post.pk).update(status=Status.CLOSED, closed_at=ago(days))
    return post


def exported(email):
    return personal_data.export(email)["mutual_aid"]


def test_export_holds_the_posts_a_person_published():
    person = PersonFactory(email=EMAIL)
    PostFactory(author=person, title="Camionnette prêtée le samedi")

    records = exported(EMAIL)

    assert [record["title"] for record in records if record["kind"] == "mutual_aid_post"] == [
        "Camionnette prêtée le samedi"]


def test_export_holds_the_messages_a_person_wrote():
    person = PersonFactory(email=EMAIL)
    MessageFactory(author=person, body="Nous passons la prendre jeudi.")

    records = exported(EMAIL)

    assert [record["body"] for record in records if record["kind"] == "mutual_aid_message"] \
        == ["Nous passons la prendre jeudi."]


def test_export_holds_nothing_of_another_address():
    MessageFactory(body="Un message d'une autre personne.")

    assert exported(EMAIL) == []


def test_a_post_archived_longer_than_the_period_goes_with_its_conversations(settings):
    settings.MUTUAL_AID_ARCHIVE_RETENTION_DAYS = 730
    old = archived(800)
    MessageFactory(conversation=ConversationFactory(post=old))

    purge()

    assert not Post.objects.filter(pk=old.pk).exists()
    assert not Conversation.objects.filter(post_id=old.pk).exists()
    assert not Message.objects.exists()


def test_a_post_past_its_last_day_longer_than_the_period_goes(settings):
    settings.MUTUAL_AID_ARCHIVE_RETENTION_DAYS = 730
    today = timezone.localdate()
    old = PostFactory(starts_on=today - datetime.timedelta(days=900),
                      ends_on=today - datetime.timedelta(days=800))

    purge()

    assert not Post.objects.filter(pk=old.pk).exists()


def test_a_post_archived_within_the_period_and_a_current_one_are_kept(settings):
    settings.MUTUAL_AID_ARCHIVE_RETENTION_DAYS = 730
    recent = archived(600)
    current = PostFactory()
    MessageFactory(conversation=ConversationFactory(post=current))

    purge()

    assert set(Post.objects.values_list("pk", flat=True)) == {recent.pk, current.pk}
    assert Message.objects.count() == 1
