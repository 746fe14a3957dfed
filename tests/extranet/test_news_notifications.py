"""Members hear of the news as they chose: each post by email, a weekly digest, or nothing;
never the same post twice."""

import datetime

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.utils import timezone

from extranet.accounts.models import NewsNotification, Profile
from extranet.news import notifications
from extranet.news.models import Delivery
from tests.factories import (
    GroupMemberFactory,
    MembershipFactory,
    PostFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def reader(choice, **kwargs):
    """A member who chose how to hear of the news."""
    person = MembershipFactory(**kwargs).person
    Profile.objects.create(person=person, news_notification=choice)
    return person


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def test_a_post_is_emailed_to_those_who_want_each_post_only(mailoutbox):
    each = reader(NewsNotification.EACH_POST)
    reader(NewsNotification.WEEKLY)
    reader(NewsNotification.NONE)
    post = PostFactory(title="Appel à bénévoles pour la maraude")

    sent = notifications.send_post(post.pk)

    assert sent == 1
    assert recipients(mailoutbox) == [each.email]
    assert "Appel à bénévoles pour la maraude" in mailoutbox[0].subject
    assert f"http://testserver/extranet/actualites/{post.pk}/" in mailoutbox[0].body


def test_the_author_is_not_emailed_their_own_post(mailoutbox):
    author = reader(NewsNotification.EACH_POST)

    notifications.send_post(PostFactory(author=author).pk)

    assert mailoutbox == []


def test_publishing_a_post_emails_it_in_the_background(mailoutbox):
    each = reader(NewsNotification.EACH_POST)

    notifications.post_published(PostFactory().pk)

    assert recipients(mailoutbox) == [each.email]


def test_sending_a_post_again_emails_nobody_twice(mailoutbox):
    reader(NewsNotification.EACH_POST)
    post = PostFactory()
    notifications.send_post(post.pk)

    sent_again = notifications.send_post(post.pk)

    assert sent_again == 0
    assert len(mailoutbox) == 1


def test_a_group_post_is_emailed_to_the_group_participants_only(mailoutbox):
    group = WorkingGroupFactory()
    participant = reader(NewsNotification.EACH_POST)
    GroupMemberFactory(group=group, person=participant)
    reader(NewsNotification.EACH_POST)

    notifications.send_post(PostFactory(group=group).pk)

    assert recipients(mailoutbox) == [participant.email]


def test_a_withdrawn_post_is_not_emailed(mailoutbox):
    reader(NewsNotification.EACH_POST)
    post = PostFactory(removed_at=timezone.now())

    assert notifications.send_post(post.pk) == 0
    assert mailoutbox == []


def test_a_person_whose_membership_ended_is_not_emailed(mailoutbox):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    reader(NewsNotification.EACH_POST, starts_on=yesterday - datetime.timedelta(days=30),
           ends_on=yesterday)

    notifications.send_post(PostFactory().pk)

    assert mailoutbox == []


def test_the_digest_sends_each_weekly_reader_the_posts_of_the_fortnight(mailoutbox):
    weekly = reader(NewsNotification.WEEKLY)
    reader(NewsNotification.EACH_POST)
    reader(NewsNotification.NONE)
    PostFactory(title="Assemblée générale : l'ordre du jour")
    PostFactory(title="Nouvelle permanence juridique")

    report = notifications.send_digest()

    assert (report.people, report.posts) == (1, 2)
    assert recipients(mailoutbox) == [weekly.email]
    assert "2 actualités" in mailoutbox[0].subject
    assert "Assemblée générale : l'ordre du jour" in mailoutbox[0].body
    assert "Nouvelle permanence juridique" in mailoutbox[0].body


def test_a_member_without_a_profile_gets_the_weekly_digest(mailoutbox):
    person = MembershipFactory().person
    PostFactory()

    notifications.send_digest()

    assert recipients(mailoutbox) == [person.email]


def test_running_the_digest_twice_sends_each_post_once(mailoutbox):
    reader(NewsNotification.WEEKLY)
    PostFactory()
    notifications.send_digest()

    report = notifications.send_digest()

    assert report.people == 0
    assert len(mailoutbox) == 1


def test_the_next_digest_holds_only_what_was_published_since(mailoutbox):
    reader(NewsNotification.WEEKLY)
    PostFactory(title="Première nouvelle")
    notifications.send_digest()
    PostFactory(title="Deuxième nouvelle")

    notifications.send_digest()

    assert "Deuxième nouvelle" in mailoutbox[1].body
    assert "Première nouvelle" not in mailoutbox[1].body


def test_a_post_already_emailed_on_its_own_is_not_in_the_digest(mailoutbox):
    person = reader(NewsNotification.EACH_POST)
    post = PostFactory()
    notifications.send_post(post.pk)
    Profile.objects.filter(person=person).update(news_notification=NewsNotification.WEEKLY)

    report = notifications.send_digest()

    assert report.people == 0
    assert len(mailoutbox) == 1


def test_posts_older_than_two_weeks_are_left_out_of_the_digest(mailoutbox):
    reader(NewsNotification.WEEKLY)
    PostFactory(published_at=timezone.now() - datetime.timedelta(days=15))

    report = notifications.send_digest()

    assert report.candidates == 0
    assert mailoutbox == []


def test_nobody_gets_an_empty_digest(mailoutbox):
    author = reader(NewsNotification.WEEKLY)
    PostFactory(author=author)

    notifications.send_digest()

    assert mailoutbox == []


def test_a_group_post_is_in_the_digest_of_its_participants_only(mailoutbox):
    group = WorkingGroupFactory()
    participant = reader(NewsNotification.WEEKLY)
    GroupMemberFactory(group=group, person=participant)
    other = reader(NewsNotification.WEEKLY)
    PostFactory(group=group, title="Compte rendu de la commission")
    PostFactory(title="Pour tout le réseau")

    notifications.send_digest()

    bodies = {message.to[0]: message.body for message in mailoutbox}
    assert "Compte rendu de la commission" in bodies[participant.email]
    assert "Compte rendu de la commission" not in bodies[other.email]
    assert "Pour tout le réseau" in bodies[other.email]


def test_a_digest_that_could_not_be_sent_is_sent_by_the_next_run(mailoutbox, monkeypatch):
    reader(NewsNotification.WEEKLY)
    PostFactory()

    def refuse(message, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMessage, "send", refuse)
        with pytest.raises(ConnectionRefusedError):
            notifications.send_digest()
    assert not Delivery.objects.exists()

    notifications.send_digest()

    assert len(mailoutbox) == 1
    assert Delivery.objects.get().channel == Delivery.Channel.DIGEST


def test_the_digest_command_reports_what_it_sent(mailoutbox, capsys):
    reader(NewsNotification.WEEKLY)
    reader(NewsNotification.WEEKLY)
    PostFactory()

    call_command("send_news_digest")

    assert "2 résumé(s) envoyé(s), 2 actualité(s) en tout" in capsys.readouterr().out
