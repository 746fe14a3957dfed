"""The phases of the benchmark, each printing its lines: the warm-up and the timed burst of
signatures, the same addresses twice at the same instant, what the database holds, the
confirmation emails, every link confirmed at once and the counter; then the targets."""

import datetime
import itertools
import json
import os
import random
import statistics
import threading
import time

from django.conf import settings
from django.urls import reverse

from benchmarks.signing import database
from benchmarks.signing.load import Results, p95, person, run_concurrently
from benchmarks.signing.machine import CpuMeter, peak_memory_mb, server_processes
from benchmarks.signing.report import answers, cost_per_request, describe_cpu
from benchmarks.signing.visitor import Visitor
from campaigns import confirmations
from campaigns.models import Signature
from campaigns.signatures import confirmation_token, confirmed_count

TARGET_PER_S = 300


class Measurement:
    """Sign, check, confirm, count: `measure()` prints the figures and returns the targets
    missed."""

    def __init__(self, arguments, base_url, campaign, run, server):
        self.arguments, self.base_url, self.campaign = arguments, base_url, campaign
        self.run, self.server = run, server
        self.server_pid = server.pid if server else None
        self.prefix = f"bench-{run}-"
        self.since = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(seconds=1)
        self.rng = random.Random(run)  # noqa: S311 - fake people
        self.first_address = self.rng.randrange(1 << 24)
        self.sign_path = f"/petitions/signer/{campaign.pk}/"
        self.visitors = [Visitor(base_url) for _number in range(arguments.concurrency)]
        self.numbers = itertools.count()
        self.sent = set()
        self.meter = CpuMeter(self.server_pid)

    def measure(self):
        self.warm_up()
        self.sign_burst()
        self.sign_twice()
        self.check_rows()
        self.send_emails()
        self.confirm_all()
        for visitor in self.visitors:
            visitor.close()
        return self.targets()

    def address(self, number):
        """Each visitor's own address, behind the one trusted proxy."""
        value = (self.first_address + number) % (1 << 24)
        return f"10.{value >> 16}.{(value >> 8) & 255}.{value & 255}"

    def signing(self, results):
        def work(visitor, number):
            fields = person(self.rng, number, self.run)
            self.sent.add(fields["email"])
            started = time.perf_counter()
            try:
                status, headers, _body = visitor.post(self.sign_path, fields,
                                                      self.address(number))
            except Exception as error:
                results.failed(number, error)
                return
            results.add(started, status, fields["email"],
                        status == 302 and "/merci/" in (headers.get("Location") or ""))
        return work

    def warm_up(self):
        arguments, campaign = self.arguments, self.campaign
        # The campaign's page (its petition form), else any page with a form: the sign-in page.
        cookie_from = {visitor.get_csrf_cookie([campaign.url, reverse("account_login")])
                       for visitor in self.visitors}
        print(f"Database: PostgreSQL, {Signature.objects.count():,} signatures; the campaign "
              f"{campaign.title!r} has {confirmed_count(campaign):,} confirmed")
        self.warm = Results()
        run_concurrently(self.visitors, itertools.islice(self.numbers, arguments.warmup),
                         self.signing(self.warm))
        workers = (f"gunicorn, {len(server_processes(self.server_pid)) - 1} workers × "
                   f"{arguments.threads or os.environ.get('GUNICORN_THREADS', 4)} threads, "
                   if self.server else "")
        print(f"Server: {self.base_url}, {workers}{settings.SETTINGS_MODULE}, tasks "
              f"{settings.TASKS['default']['BACKEND'].rsplit('.', 1)[-1]}, cache "
              f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, CONN_MAX_AGE "
              f"{settings.DATABASES['default']['CONN_MAX_AGE']}")
        print(f"Load: {arguments.concurrency} visitors at once, each on one keep-alive "
              f"connection (CSRF cookie from {', '.join(sorted(cookie_from))}), "
              f"{arguments.warmup} signatures to warm up ({len(self.warm.accepted)} accepted); "
              f"load average {os.getloadavg()[0]:.1f} before the burst")

    def sign_burst(self):
        arguments, burst = self.arguments, Results()
        self.meter.start()
        seconds = run_concurrently(self.visitors,
                                   itertools.islice(self.numbers, arguments.signatures),
                                   self.signing(burst))
        cpu = self.meter.stop()
        self.burst, self.rate = burst, len(burst.accepted) / seconds
        self.refused = (arguments.signatures - len(burst.accepted)
                        + arguments.warmup - len(self.warm.accepted))
        print(f"  signing      {len(burst.accepted):,} accepted of {arguments.signatures:,} in "
              f"{seconds:.1f} s: {self.rate:.0f} accepted/s; latency p50 "
              f"{statistics.median(burst.latencies):.0f} ms, p95 {p95(burst.latencies):.0f} ms, "
              f"max {max(burst.latencies):.0f} ms; answers {answers(burst)}")
        print(f"  CPU          {describe_cpu(cpu, self.server is not None)}")
        if self.server and burst.accepted:
            print(f"  per signature {cost_per_request(cpu, self.rate)}")
        for number, error in (self.warm.errors + burst.errors)[:5]:
            print(f"    error: signature {number}: {error}")

    def sign_twice(self):
        """The same address twice at the same instant (the second copy in capitals)."""
        self.pairs = [next(self.numbers) for _pair in range(self.arguments.duplicates)]
        barriers = {number: threading.Barrier(2, timeout=30) for number in self.pairs}
        self.doubled = doubled = Results()

        def twice(visitor, job):
            number, copy = job
            fields = person(random.Random(number), number, self.run)  # noqa: S311
            if copy:
                fields["email"] = fields["email"].upper()
            barriers[number].wait()
            started = time.perf_counter()
            try:
                status, headers, _body = visitor.post(
                    self.sign_path, fields, self.address(number + copy * (1 << 23)))
            except Exception as error:
                doubled.failed(number, error)
                return
            doubled.add(started, status, number,
                        status == 302 and "/merci/" in (headers.get("Location") or ""))

        run_concurrently(self.visitors[:max(2, len(self.visitors))],
                         ((number, copy) for number in self.pairs for copy in (0, 1)), twice)

    def check_rows(self):
        """What the database holds."""
        self.rows = database.rows_of_run(self.campaign, self.prefix)
        accepted = set(self.warm.accepted) | set(self.burst.accepted)
        self.held = held = database.stored(self.rows, self.sent, accepted, self.pairs,
                                           self.prefix, self.since)
        duplicates = self.arguments.duplicates
        print(f"  database     {held['stored']:,} rows for {len(accepted):,} signatures "
              f"accepted (warm-up and burst): {held['lost']} lost, {held['extra']} recorded "
              f"though refused, {held['repeated']} addresses twice; {held['waiting']:,} of "
              f"{held['total_rows']:,} rows wait for their confirmation email, "
              f"{held['tasks']:,} tasks queued to send them")
        print(f"  duplicates   {duplicates} addresses sent twice at the same instant: answers "
              f"{answers(self.doubled)}, one row each for {held['one_each']} of {duplicates}")
        for number, error in self.doubled.errors[:3]:
            print(f"    error: address {number}: {error}")

    def send_emails(self):
        """What the background worker does (in this process, the emails kept in memory)."""
        emailed, seconds, self.recipients = database.send_emails(self.prefix)
        total_rows, once = self.held["total_rows"], set(self.recipients)
        self.emailed_once = len(self.recipients) == len(once) == total_rows
        self.waiting_after = self.rows.filter(confirmation_emailed_at__isnull=True).count()
        print(f"  emails       {emailed:,} confirmation emails sent in {seconds:.1f} s "
              f"({emailed / seconds:.0f}/s, batches of {confirmations.BATCH} through one "
              f"connection each); {len(once):,} of {total_rows:,} signers emailed, "
              f"{len(self.recipients) - len(once)} twice")

    def confirm_all(self):
        """Every link confirmed at once, the first `duplicates` links clicked twice at the same
        time."""
        self.before = confirmed_count(self.campaign)
        links = [(row.pk, confirmation_token(row)) for row in self.rows.only("pk")]
        self.jobs = links + links[:self.arguments.duplicates]
        random.Random(self.run).shuffle(self.jobs)  # noqa: S311
        self.confirming = confirming = Results()

        def confirm(visitor, job):
            pk, token = job
            started = time.perf_counter()
            try:
                status, _headers, _body = visitor.post(f"/petitions/confirmer/{token}/", {},
                                                       self.address(pk))
            except Exception as error:
                confirming.failed(pk, error)
                return
            confirming.add(started, status, pk, status == 200)

        self.meter.start()
        seconds = run_concurrently(self.visitors, self.jobs, confirm)
        cpu = self.meter.stop()
        self.after = confirmed_count(self.campaign)
        _status, _headers, body = self.visitors[0].request(
            "GET", f"/petitions/compteur/{self.campaign.pk}.json")
        self.public = json.loads(body)["count"]
        self.unconfirmed = self.rows.unconfirmed().count()
        self.report_confirming(len(links), seconds, cpu)

    def report_confirming(self, links, seconds, cpu):
        jobs, confirming, total_rows = self.jobs, self.confirming, self.held["total_rows"]
        print(f"  confirming   {len(jobs):,} links ({min(self.arguments.duplicates, links)} "
              f"clicked twice at once) in {seconds:.1f} s: {len(jobs) / seconds:.0f}/s; latency "
              f"p50 {statistics.median(confirming.latencies):.0f} ms, p95 "
              f"{p95(confirming.latencies):.0f} ms; answers {answers(confirming)}")
        print(f"  CPU          {describe_cpu(cpu, self.server is not None)}")
        print(f"  counter      {self.before:,} before + {total_rows:,} signatures = "
              f"{self.before + total_rows:,}; counted {self.after:,}, public counter "
              f"{self.public:,}; {self.unconfirmed} left unconfirmed")
        if self.server:
            print(f"  memory       the server's largest process peaked at "
                  f"{peak_memory_mb(self.server_pid)} MB")
        retries = sum(visitor.retries for visitor in self.visitors)
        if retries:
            print(f"  note         sent again on a new connection, the server having closed "
                  f"the kept-alive one before reading them: {retries} requests")

    def targets(self):
        """Print each target, met or not; return those missed."""
        held, recipients, duplicates = self.held, self.recipients, self.arguments.duplicates
        emailed, expected = len(set(recipients)), self.before + held["total_rows"]
        lost, extra, repeated, one_each = (held[key] for key in
                                           ("lost", "extra", "repeated", "one_each"))
        not_confirmed = len(self.jobs) - len(self.confirming.accepted)
        met = {
            f"≥ {TARGET_PER_S} accepted/s ({self.rate:.0f})": self.rate >= TARGET_PER_S,
            f"every signature accepted ({self.refused} not)": self.refused == 0,
            f"0 lost ({lost}), 0 recorded though refused ({extra})": not lost and not extra,
            f"0 duplicated ({repeated}; one row per pair: {one_each}/{duplicates})":
                not repeated and one_each == duplicates,
            f"exact counter ({self.after:,} for {expected:,}, public {self.public:,})":
                self.after == expected == self.public and not self.unconfirmed,
            f"every signer emailed once ({held['total_rows'] - emailed} not, "
            f"{len(recipients) - emailed} twice)": self.emailed_once and not self.waiting_after,
            f"every confirmation answered ({not_confirmed} not)": not not_confirmed,
        }
        print("Targets: " + "; ".join(f"{label}: {'met' if ok else 'NOT met'}"
                                      for label, ok in met.items()))
        return [label for label, ok in met.items() if not ok]
