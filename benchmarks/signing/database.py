"""What the benchmark makes, reads and removes in the database: the volume and the campaign
signed, the rows a run left, the confirmation emails sent as the background worker would, and
the cleaning up."""

import os
import sys
import time

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.models.functions import Lower
from django_tasks_db.models import DBTaskResult

from campaigns import confirmations
from campaigns.models import CampaignPage, Signature
from demo.volumes.campaigns import CAMPAIGNS, benchmark_campaigns

CONFIRMATIONS_TASK = "campaigns.tasks.send_confirmations"


def prepare(volume):
    """Make the signatures missing from `volume` and the benchmark's campaigns; the open
    campaign that is signed."""
    missing = volume - Signature.objects.count()
    if missing > 0:
        started = time.perf_counter()
        call_command("seed_benchmark", signatures=missing, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"{missing:,} signatures made in {time.perf_counter() - started:.0f} s")
    # What autovacuum does on a production server after such inserts (a test server may run
    # without it): the counter's COUNT then reads its index alone, in milliseconds, instead of
    # visiting every row.
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Signature._meta.db_table}")
    benchmark_campaigns()
    campaign = CampaignPage.objects.get(slug=CAMPAIGNS[0][0], locale__language_code="fr")
    if not (campaign.live and campaign.petition_is_open()):
        sys.exit(f"The campaign {campaign.title!r} does not take signatures: open it again.")
    return campaign


def rows_of_run(campaign, prefix):
    """The signatures of this run (their addresses start with `prefix`)."""
    return Signature.objects.filter(campaign=campaign, email__istartswith=prefix)


def stored(rows, sent, accepted, pairs, prefix, since):
    """What the database holds against what the server accepted: rows lost, recorded though
    refused, addresses twice, one row for each pair sent at once, rows waiting for their email,
    tasks queued to send them."""
    per_address = {}
    for email in rows.values_list(Lower("email"), flat=True):
        per_address[email] = per_address.get(email, 0) + 1
    kept = {email for email in per_address if email in sent}
    return {
        "stored": len(kept),
        "lost": len(accepted - kept),
        "extra": len(kept - accepted),
        "repeated": sum(1 for times in per_address.values() if times > 1),
        "one_each": sum(1 for number in pairs
                        if per_address.get(f"{prefix}{number}@example.org") == 1),
        "total_rows": sum(per_address.values()),
        "tasks": DBTaskResult.objects.filter(task_path=CONFIRMATIONS_TASK,
                                             enqueued_at__gte=since).count(),
        "waiting": rows.filter(confirmation_emailed_at__isnull=True).count(),
    }


def send_emails(prefix):
    """Send the waiting confirmation emails as the background worker does (in this process,
    kept in memory): how many, in how many seconds, and the addresses of this run emailed."""
    mail.outbox = []
    started = time.perf_counter()
    emailed = confirmations.send_waiting()
    seconds = time.perf_counter() - started
    recipients = [message.to[0].lower() for message in mail.outbox if
                  message.to[0].lower().startswith(prefix)]
    return emailed, seconds, recipients


def remove(run, since):
    """The signatures of the run and the tasks it queued."""
    Signature.objects.filter(email__istartswith=f"bench-{run}-").delete()
    DBTaskResult.objects.filter(task_path=CONFIRMATIONS_TASK, enqueued_at__gte=since).delete()
