"""`python manage.py seed_benchmark [--associations N] [--events N] [--campaigns N]
[--signatures N]`: large believable volumes for benchmarks.

Associations go through the real RNA import (a generated Waldec file), so that benchmarks
measure data shaped exactly like production's; events and campaigns are real pages, added
through Wagtail's page tree (demo/volumes/events.py, demo/volumes/campaigns.py); signatures
are spread over a few campaigns (real pages, made if missing) and inserted in batches
(demo/volumes/campaigns.py). Run it on a throw-away database, never in production.
"""

import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from demo.volumes.campaigns import make_campaigns, make_signatures
from demo.volumes.directory import write_waldec_file
from demo.volumes.events import make_events
from directory.rna_import import RnaImporter


class Command(BaseCommand):
    help = ("Makes large believable volumes (associations, events, signatures) for benchmarks. "
            "Not for production.")

    def add_arguments(self, parser):
        parser.add_argument("--associations", type=int, default=0,
                            help="How many associations to add (RNA-like, department 77).")
        parser.add_argument("--events", type=int, default=0,
                            help="How many event pages to add (past and to come).")
        parser.add_argument("--campaigns", type=int, default=0,
                            help="How many campaign pages to add (of past years, a few open).")
        parser.add_argument("--signatures", type=int, default=0,
                            help="How many petition signatures to add (over a few campaigns, "
                                 "made if missing; nearly all confirmed).")
        parser.add_argument("--department", default="77")
        parser.add_argument("--seed", type=int, default=2017,
                            help="Random seed: the same seed gives the same data.")

    def handle(self, associations, events, campaigns, signatures, department, seed, **options):
        if associations <= 0 and events <= 0 and campaigns <= 0 and signatures <= 0:
            self.stdout.write("Nothing asked: try --associations 100000, --events 2000, "
                              "--campaigns 200 or --signatures 100000.")
            return
        if associations > 0:
            started = time.perf_counter()
            with tempfile.TemporaryDirectory() as folder:
                path = write_waldec_file(
                    Path(folder) / "rna_benchmark.csv", associations, department, seed
                )
                report = RnaImporter(path).run()
            self.stdout.write(
                f"Associations: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged in {time.perf_counter() - started:.1f} s."
            )
        if events > 0:
            created, seconds = make_events(events, department, seed)
            self.stdout.write(
                f"Events: {created} pages created in {seconds:.1f} s "
                f"({created / max(seconds, 0.001):.0f} a second)."
            )
        if campaigns > 0:
            created, seconds = make_campaigns(campaigns, seed)
            self.stdout.write(f"Campaigns: {created} pages created in {seconds:.1f} s.")
        if signatures > 0:
            created, campaigns, seconds = make_signatures(signatures, department, seed)
            self.stdout.write(
                f"Signatures: {created} created over {campaigns} campaigns in {seconds:.1f} s "
                f"({created / max(seconds, 0.001):.0f} a second)."
            )
