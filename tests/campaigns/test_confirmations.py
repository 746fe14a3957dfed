"""The confirmation emails, sent in batches from the signatures waiting for theirs
(campaigns.confirmations): queued once per burst, each sent once, none left behind."""

import datetime
import importlib
import smtplib

import pytest
from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks.signals import task_enqueued

from campaigns import confirmations, signatures
from campaigns.models import Signature
from tests.factories import SignatureFactory

pytestmark = pytest.mark.django_db

FLAKY_BACKEND = "tests.campaigns.test_confirmations.FlakyBackend"


class FlakyBackend(EmailBackend):
    """The locmem backend, with a mail server that refuses the addresses starting with
    "refused" and drops the connection at the address starting with "down"."""

    opened = 0

    def open(self):
        FlakyBackend.opened += 1
        return super().open()

    def send_messages(self, messages):
        for message in messages:
            if message.to[0].startswith("refused"):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
            if message.to[0].startswith("down"):
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def dummy_tasks(settings):
    """Tasks queued and not run; the list of the names of those queued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queued = []

    def remember(sender, task_result, **kwargs):
        queued.append(task_result)

    task_enqueued.connect(remember, weak=False)
    yield queued
    task_enqueued.disconnect(remember)


def waiting(campaign, **kwargs):
    return SignatureFactory(campaign=campaign, confirmation_emailed_at=None, **kwargs)


def sign(campaign, email):
    return signatures.sign(campaign, {
        "first_name": "Camille", "last_name": "Martin", "email": email, "postcode": "77100",
        "association": None, "association_name": "", "comment": "", "show_publicly": False,
    }, language="fr")


def test_a_new_signature_waits_for_its_email_until_the_task_sends_it(
        campaign, dummy_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signature = sign(campaign, "camille@example.org").signature

    signature.refresh_from_db()
    assert signature.confirmation_emailed_at is None
    assert [result.task.name for result in dummy_tasks] == ["send_confirmations"]
    assert not mail.outbox

    assert confirmations.send_waiting() == 1

    signature.refresh_from_db()
    assert signature.confirmation_emailed_at is not None
    assert [message.to for message in mail.outbox] == [["camille@example.org"]]


def test_a_burst_of_signatures_queues_one_task_while_it_has_not_started(
        campaign, dummy_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            sign(campaign, f"personne{number}@example.org")

    assert len(dummy_tasks) == 1


def test_a_signature_committed_once_the_task_has_started_queues_the_next_one(
        campaign, dummy_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign(campaign, "premiere@example.org")
    confirmations.send_waiting()

    with django_capture_on_commit_callbacks(execute=True):
        sign(campaign, "seconde@example.org")

    assert len(dummy_tasks) == 2
    assert confirmations.send_waiting() == 1
    assert [message.to for message in mail.outbox] == [["premiere@example.org"],
                                                       ["seconde@example.org"]]


def test_a_signature_that_was_never_committed_queues_nothing(campaign, dummy_tasks,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sign(campaign, "camille@example.org")

    assert len(callbacks) == 1  # run only by a commit
    assert not dummy_tasks


def test_the_waiting_emails_leave_in_batches_through_one_connection_each(campaign, settings):
    settings.EMAIL_BACKEND = FLAKY_BACKEND
    FlakyBackend.opened = 0
    for number in range(5):
        waiting(campaign, email=f"personne{number}@example.org")

    assert confirmations.send_waiting(batch=2) == 5

    assert sorted(message.to[0] for message in mail.outbox) == [
        f"personne{number}@example.org" for number in range(5)]
    assert FlakyBackend.opened == 3
    assert not confirmations.waiting().exists()


def test_each_waiting_email_leaves_once_however_often_the_task_runs(campaign):
    waiting(campaign, email="camille@example.org")

    confirmations.send_waiting()
    confirmations.send_waiting()

    assert len(mail.outbox) == 1


def test_confirmed_erased_and_expired_signatures_are_not_emailed(campaign, settings):
    long_ago = timezone.now() - datetime.timedelta(days=settings.CAMPAIGN_CONFIRMATION_DAYS + 1)
    waiting(campaign, email="confirmee@example.org", confirmed=True)
    waiting(campaign, email="", erased_at=timezone.now())
    waiting(campaign, email="expiree@example.org", confirmation_sent_at=long_ago)
    waiting(campaign, email="attend@example.org")

    assert confirmations.send_waiting() == 1

    assert [message.to for message in mail.outbox] == [["attend@example.org"]]


def test_an_address_the_mail_server_refuses_does_not_hold_up_the_others(campaign, settings):
    settings.EMAIL_BACKEND = FLAKY_BACKEND
    refused = waiting(campaign, email="refused@example.org")
    waiting(campaign, email="camille@example.org")

    assert confirmations.send_waiting() == 2

    assert [message.to for message in mail.outbox] == [["camille@example.org"]]
    refused.refresh_from_db()
    assert refused.confirmation_emailed_at is not None  # not tried again and again


def test_a_mail_server_failure_marks_what_left_and_keeps_the_rest_waiting(campaign, settings):
    settings.EMAIL_BACKEND = FLAKY_BACKEND
    first = waiting(campaign, email="camille@example.org")
    down = waiting(campaign, email="down@example.org")
    last = waiting(campaign, email="dominique@example.org")

    with pytest.raises(smtplib.SMTPServerDisconnected):
        confirmations.send_waiting()

    assert [message.to for message in mail.outbox] == [["camille@example.org"]]
    assert set(confirmations.waiting()) == {down, last}
    first.refresh_from_db()
    assert first.confirmation_emailed_at is not None


def test_the_task_tries_again_in_a_minute_when_the_mail_server_fails(campaign, settings,
                                                                      dummy_tasks):
    from campaigns.tasks import send_confirmations

    settings.EMAIL_BACKEND = FLAKY_BACKEND
    waiting(campaign, email="down@example.org")

    with pytest.raises(smtplib.SMTPServerDisconnected):
        send_confirmations.call()

    [retry] = dummy_tasks
    assert retry.task.name == "send_confirmations"
    assert retry.task.run_after > timezone.now() + datetime.timedelta(seconds=30)
    assert cache.get(confirmations.SCHEDULED_KEY)  # signatures meanwhile queue nothing more


def test_signing_again_after_the_link_expired_waits_for_a_new_email(campaign, settings):
    long_ago = timezone.now() - datetime.timedelta(days=settings.CAMPAIGN_CONFIRMATION_DAYS + 1)
    signature = SignatureFactory(campaign=campaign, email="camille@example.org",
                                 created_at=long_ago, confirmation_sent_at=long_ago)

    assert sign(campaign, "camille@example.org").outcome == signatures.Outcome.RESENT

    assert list(confirmations.waiting()) == [signature]


def test_the_command_sends_what_waits_and_nothing_twice(campaign, capsys):
    waiting(campaign, email="camille@example.org")

    call_command("send_waiting_confirmations")
    call_command("send_waiting_confirmations")

    assert len(mail.outbox) == 1
    assert capsys.readouterr().out.splitlines() == [
        "1 courriel(s) de confirmation envoyé(s).", "0 courriel(s) de confirmation envoyé(s).",
    ]


def test_the_command_reports_a_mail_server_failure(campaign, settings):
    settings.EMAIL_BACKEND = FLAKY_BACKEND
    waiting(campaign, email="down@example.org")

    with pytest.raises(CommandError, match="Le serveur de courrier a échoué"):
        call_command("send_waiting_confirmations")


def test_the_signatures_made_before_the_outbox_wait_for_no_email(campaign):
    migration = importlib.import_module(
        "campaigns.migrations.0002_signature_confirmation_outbox")
    older = waiting(campaign, email="camille@example.org")

    migration.emails_already_sent(apps, None)

    older.refresh_from_db()
    assert older.confirmation_emailed_at == older.confirmation_sent_at
    assert not Signature.objects.filter(confirmation_emailed_at__isnull=True).exists()
