"""Signing and confirming at the same instant, on PostgreSQL: the counter stays exact, a link
clicked many times at once counts once, an address sent many times at once signs once.

The threads see what the test made only once it is committed: these tests commit for real
(transaction=True), and the database is emptied after each, then restored to its migrated
state (serialized_rollback: without it, the flush would make the content types again under
new ids, and the next test restoring the snapshot, a browser test, would collide with
them). Each thread has its own database connection (Django's are per thread), closed at its
end. SQLite lets one writer in at a time:
these tests would prove nothing there, and are skipped.
"""

import pytest
from django.db import connection
from django_tasks.signals import task_enqueued
from wagtail.models import Locale, Page

from campaigns import signatures
from campaigns.models import Signature
from home.models import HomePage
from tests.factories import CampaignIndexPageFactory, CampaignPageFactory, SignatureFactory
from tests.threads import at_once

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite takes one writer at a "
               "time, so nothing would run concurrently",
    ),
]


@pytest.fixture
def campaign(transactional_db):
    """An open campaign, under the home page the migrations made (restored before each test),
    made again should it be missing."""
    locale = Locale.objects.get_or_create(language_code="fr")[0]
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locale))
        home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", locale=locale))
    return CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home))


def confirm_link(token):
    return signatures.confirm(signatures.signature_from_token(token))


def test_counter_exact_after_50_concurrent_confirmations(campaign):
    links = [signatures.confirmation_token(SignatureFactory(campaign=campaign))
             for _number in range(50)]

    confirmed_now = at_once(confirm_link, links)

    assert confirmed_now == [True] * 50
    assert signatures.confirmed_count(campaign) == 50
    assert not Signature.objects.unconfirmed().exists()


def test_one_link_clicked_by_20_at_once_counts_once(campaign):
    SignatureFactory.create_batch(3, campaign=campaign, confirmed=True)
    token = signatures.confirmation_token(SignatureFactory(campaign=campaign))

    confirmed_now = at_once(confirm_link, [token] * 20)

    assert confirmed_now.count(True) == 1
    assert signatures.confirmed_count(campaign) == 4


def test_one_address_sent_20_times_at_once_signs_once(campaign, settings):
    # The confirmation emails are counted as they are queued, whichever thread queues them.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queued = []

    def count(sender, task_result, **kwargs):
        queued.append(task_result.task.name)

    task_enqueued.connect(count, weak=False)
    data = {"first_name": "Camille", "last_name": "Martin", "postcode": "77100",
            "association": None, "association_name": "", "comment": "",
            "show_publicly": True}
    addresses = ["camille@example.org", "Camille@Example.org"] * 10

    try:
        results = at_once(
            lambda email: signatures.sign(campaign, {**data, "email": email}, language="fr"),
            addresses,
        )
    finally:
        task_enqueued.disconnect(count)

    assert Signature.objects.filter(campaign=campaign).count() == 1
    outcomes = [result.outcome for result in results]
    assert outcomes.count(signatures.Outcome.CREATED) == 1
    assert outcomes.count(signatures.Outcome.RESENT) == 19
    assert len({result.signature.pk for result in results}) == 1
    # The row waits for its one email whatever the number of attempts before it leaves.
    assert queued == ["send_confirmations"]  # one confirmation email, not twenty


def test_two_tasks_sending_at_once_send_each_waiting_email_once(campaign):
    from django.core import mail

    from campaigns import confirmations

    for number in range(40):
        SignatureFactory(campaign=campaign, email=f"personne{number}@example.org",
                         confirmation_emailed_at=None)
    mail.outbox = []

    sent = at_once(lambda _task: confirmations.send_waiting(batch=5), [1, 2])

    assert sum(sent) == 40
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"personne{number}@example.org" for number in range(40))
    assert not confirmations.waiting().exists()
