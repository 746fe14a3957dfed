"""Benchmark of signing a petition (issue: "Signing must hold a burst"). Target: a running
server on PostgreSQL takes at least 300 signatures a second from a burst of concurrent
visitors, with no signature lost or recorded twice, and a counter exact to the unit once they
are all confirmed.

    createdb -h 127.0.0.1 -U postgres benchsig
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/benchsig .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/benchsig REDIS_URL=redis://127.0.0.1:6379/3 \
        .venv/bin/python benchmarks/signatures.py [--signatures 3000] [--concurrency 32]

Unless given the `--url` of a running server (which must share this DATABASE_URL and
SECRET_KEY: the script reads the rows and makes the confirmation links; and trust one proxy,
or the limit per address refuses the burst), it serves the site as
deployed (docs/deployment.md): `portal.settings.production` behind gunicorn with
gunicorn.conf.py (`--workers`, `--threads` override it), static files collected, tasks
queued in the database (django_tasks_db: a signature waits for its confirmation email in its
own row, and a burst queues a few tasks that send them in batches), rate limits in
REDIS_URL's cache. The server trusts one proxy (TRUSTED_PROXY_COUNT=1) and each
simulated visitor comes from its own address in X-Forwarded-For, as behind the production
proxy: the rate limits stay on. Makes the campaigns and `--volume` signatures first with
`seed_benchmark --signatures` if the database has fewer.

The load: `--concurrency` visitors, each a thread holding one keep-alive HTTP/1.1 connection
(a plain socket: `Visitor`), GET a page once for their CSRF cookie, then POST the petition
form for new people (unique addresses, a few with an association, a comment) as fast as the
server answers;
`--warmup` signatures first, not timed. Then it checks in the database that every accepted
signature (302 to the thanks page) is there once and nothing else is, sends `--duplicates`
addresses twice at the same instant (the second in capitals) and checks one row each, sends
the waiting confirmation emails as the background worker would (in this process, kept in
memory: `campaigns.confirmations.send_waiting`) and checks each signer got one, POSTs
every confirmation link concurrently (the duplicates' links twice at once) and checks the
counter (`campaigns.signatures.confirmed_count`, and the public JSON counter) moved by exactly
the number of signatures. It prints the rates, latencies, the CPU each side used and the
server's peak memory, then removes what it added (unless `--keep`), and exits with 1 when a
target is missed (the confirmation page, campaigns/confirmation.html, must render: a link that
answers an error counts as a miss). The CPU figures come from /proc (Linux); from them it
estimates the rate the server would reach with the machine to itself, which says more than the
rate itself when other work shares the machine.
"""

import argparse
import datetime
import http.client
import itertools
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_PER_S = 300
DEFAULT_PORT = 8431
SERVER_ENV = {  # production settings, as deployed, on this machine over plain HTTP
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "benchmark-only-insecure-key-never-use-in-production",
    "ALLOWED_HOSTS": "127.0.0.1",
    "EMAIL_URL": "memorymail://",
    "SECURE_SSL_REDIRECT": "false",
    "TRUSTED_PROXY_COUNT": "1",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
}
POSTCODES = ["77000", "77100", "77124", "77200", "77300", "77400", "77500", "77600", "75011",
             "93100"]


def p95(values):
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)] if values else 0.0


class Headers:
    """The headers of an answer: `get(name)`, `get_all(name)`, names in any case."""

    def __init__(self, lines):
        self.items = [(name.strip().lower(), value.strip())
                      for name, _colon, value in (line.partition(":") for line in lines)]

    def get_all(self, name):
        return [value for key, value in self.items if key == name.lower()]

    def get(self, name, default=None):
        values = self.get_all(name)
        return values[0] if values else default


class Visitor:
    """One browser: a keep-alive connection, the CSRF cookie of its first visit.

    HTTP/1.1 is spoken over a plain socket rather than with http.client, whose header parsing
    (the email package) cost the load generator, which shares the machine's cores with the
    server, about twice the CPU for the same requests."""

    def __init__(self, base_url):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.origin = f"http://{parts.netloc}"
        self.netloc = parts.netloc
        self.connection = None
        self.buffer = b""
        self.csrf = ""
        self.retries = 0

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body); once again on a fresh connection when a reused one was
        closed by the server (keep-alive timeout, worker recycled) before answering."""
        headers = {"Host": self.netloc, "User-Agent": "benchmarks/signatures.py",
                   "Accept-Language": "fr", **(headers or {})}
        if self.csrf:
            headers["Cookie"] = f"csrftoken={self.csrf}"
        body = (body or "").encode()
        if body or method == "POST":
            headers["Content-Length"] = str(len(body))
        message = "".join([f"{method} {path} HTTP/1.1\r\n",
                           *(f"{name}: {value}\r\n" for name, value in headers.items()),
                           "\r\n"]).encode("latin-1") + body
        for attempt in (1, 2):
            reused = self.connection is not None
            if not reused:
                self.connection = socket.create_connection((self.host, self.port), timeout=60)
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.buffer = b""
            try:
                self.connection.sendall(message)
                status, answer_headers, data = self.read_answer(method)
            except (ConnectionError, BrokenPipeError) as error:
                self.close()
                if attempt == 2 or not reused or getattr(error, "answered", False):
                    raise
                self.retries += 1
                continue
            if answer_headers.get("Connection", "").lower() == "close":
                self.close()
            return status, answer_headers, data
        raise AssertionError("unreachable")

    def receive(self, started):
        chunk = self.connection.recv(65536)
        if not chunk:
            error = ConnectionResetError("the server closed the connection")
            error.answered = started or bool(self.buffer)
            raise error
        self.buffer += chunk

    def read_until(self, separator):
        while (end := self.buffer.find(separator)) < 0:
            self.receive(started=True)
        line, self.buffer = self.buffer[:end], self.buffer[end + len(separator):]
        return line

    def read_exactly(self, size):
        while len(self.buffer) < size:
            self.receive(started=True)
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def read_answer(self, method):
        while b"\r\n\r\n" not in self.buffer:
            self.receive(started=False)
        head = self.read_until(b"\r\n\r\n").decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = Headers(head[1:])
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return status, headers, b""
        if headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self.read_until(b"\r\n").split(b";")[0], 16):
                chunks.append(self.read_exactly(size))
                self.read_until(b"\r\n")
            while self.read_until(b"\r\n"):  # trailers, then the empty line
                pass
            return status, headers, b"".join(chunks)
        return status, headers, self.read_exactly(int(headers.get("Content-Length", 0)))

    def get_csrf_cookie(self, paths):
        for path in paths:
            _status, headers, _body = self.request("GET", path)
            for header in headers.get_all("Set-Cookie"):
                cookie = SimpleCookie(header)
                if "csrftoken" in cookie:
                    self.csrf = cookie["csrftoken"].value
                    return path
        raise RuntimeError(f"No CSRF cookie from {paths}")

    def post(self, path, fields, address):
        body = urlencode({"csrfmiddlewaretoken": self.csrf, **fields})
        return self.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin,
            "Referer": self.origin + path, "X-Forwarded-For": address,
        })

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.buffer = b""


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.statuses = {}
        self.accepted = []
        self.errors = []

    def add(self, started, status, key=None, accepted=False):
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.latencies.append(elapsed)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if accepted:
                self.accepted.append(key)

    def failed(self, key, error):
        with self.lock:
            self.errors.append((key, repr(error)))
            self.statuses["exception"] = self.statuses.get("exception", 0) + 1


def run_concurrently(visitors, jobs, work):
    """`work(visitor, job)` for every job, by every visitor at once; returns the seconds from
    the first start to the last end."""
    jobs = iter(jobs)
    lock = threading.Lock()

    def loop(visitor):
        while True:
            with lock:
                job = next(jobs, None)
            if job is None:
                return
            work(visitor, job)

    threads = [threading.Thread(target=loop, args=(visitor,)) for visitor in visitors]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def processes():
    """(pid, name, parent's pid, CPU ticks used) of every process of the machine."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = text[text.rindex(")") + 2:].split()
        yield (int(entry), text[text.index("(") + 1:text.rindex(")")], int(fields[1]),
               int(fields[11]) + int(fields[12]))


def server_processes(server_pid):
    """The gunicorn master and its workers."""
    return [pid for pid, _name, parent, _ticks in processes() if server_pid in (pid, parent)]


class CpuMeter:
    """CPU used over a phase, in % of the machine: the whole machine, this process (the load),
    the server's processes (when this script started them), the PostgreSQL backends serving
    this database, and Redis."""

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self, server_pid=None):
        self.server_pid = server_pid

    @staticmethod
    def machine():
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
        return sum(fields) - fields[3] - fields[4], sum(fields)

    def watched(self):
        """{pid: (kind, CPU ticks)} of the processes watched."""
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            backends = {row[0] for row in cursor.fetchall()}
        found = {}
        for pid, name, parent, ticks in processes():
            if self.server_pid and self.server_pid in (pid, parent):
                found[pid] = ("server", ticks)
            elif pid in backends:
                found[pid] = ("postgres", ticks)
            elif name.startswith("redis-server"):
                found[pid] = ("redis", ticks)
        return found

    def start(self):
        self.started = (time.perf_counter(), self.machine(), os.times(), self.watched())

    def stop(self):
        """Figures in % of all cores; the processes that ended meanwhile are not counted."""
        wall0, (busy0, total0), times0, processes0 = self.started
        wall = time.perf_counter() - wall0
        busy1, total1 = self.machine()
        times1 = os.times()
        cores = os.cpu_count() or 1
        load = (times1.user + times1.system) - (times0.user + times0.system)
        figures = {"machine": 100 * (busy1 - busy0) / max(total1 - total0, 1),
                   "load": 100 * load / wall / cores, "server": 0, "postgres": 0, "redis": 0}
        for pid, (kind, ticks) in self.watched().items():
            before = processes0.get(pid, (kind, 0))[1]
            figures[kind] += 100 * (ticks - before) / self.TICKS / wall / cores
        return figures


def describe_cpu(figures, server_known):
    parts = [f"machine busy {figures['machine']:.0f}% of {os.cpu_count()} cores"]
    if server_known:
        parts.append(f"server {figures['server']:.0f}%")
    parts.append(f"PostgreSQL (this database's backends) {figures['postgres']:.0f}%")
    parts.append(f"Redis {figures['redis']:.0f}%")
    parts.append(f"load generator {figures['load']:.0f}%")
    return ", ".join(parts)


def cost_per_request(figures, rate):
    """CPU milliseconds a request cost each side, and the rate they would allow if the machine
    ran nothing else (an estimate: CPU alone, as if it were the only limit)."""
    cores = os.cpu_count() or 1
    costs = {kind: figures[kind] * cores * 10 / rate
             for kind in ("server", "postgres", "redis", "load")}
    ceiling = 1000 * cores / max(costs["server"] + costs["postgres"] + costs["redis"], 0.001)
    return (f"server {costs['server']:.1f} ms CPU, PostgreSQL {costs['postgres']:.1f} ms, "
            f"Redis {costs['redis']:.2f} ms (load generator {costs['load']:.1f} ms): about "
            f"{ceiling:.0f}/s if the server had the {cores} cores to itself")


def peak_memory_mb(server_pid):
    """The largest peak resident memory of the server's processes (VmHWM), in MB."""
    peak = 0
    for pid in server_processes(server_pid):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) // 1024)
    return peak


def start_server(port, workers, threads, log):
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    if workers:
        env["GUNICORN_WORKERS"] = str(workers)
    if threads:
        env["GUNICORN_THREADS"] = str(threads)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped (exit {server.returncode}); see {log.name}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz", headers={"Host": f"127.0.0.1:{port}"})
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"gunicorn did not answer /healthz within 180 s; see {log.name}")


def person(rng, number, run):
    from demo.volumes.campaigns import COMMENTS, FIRST_NAMES, LAST_NAMES, TYPED_ASSOCIATIONS

    draw = rng.random()
    fields = {
        "first_name": rng.choice(FIRST_NAMES), "last_name": rng.choice(LAST_NAMES),
        "email": f"bench-{run}-{number}@example.org", "postcode": rng.choice(POSTCODES),
        "association_name": rng.choice(TYPED_ASSOCIATIONS) if draw < 0.3 else "",
        "comment": rng.choice(COMMENTS) if draw < 0.1 else "",
        "consent": "on", "website": "",
    }
    if rng.random() < 0.55:
        fields["show_publicly"] = "on"
    return fields


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signatures", type=int, default=3000, help="signatures of the burst")
    parser.add_argument("--concurrency", type=int, default=32, help="visitors at once")
    parser.add_argument("--warmup", type=int, default=300, help="signatures before timing")
    parser.add_argument("--duplicates", type=int, default=100,
                        help="addresses sent twice at the same instant")
    parser.add_argument("--volume", type=int, default=100_000,
                        help="signatures already in the database (made if fewer)")
    parser.add_argument("--url", help="a running server (shares DATABASE_URL and SECRET_KEY)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: its config)")
    parser.add_argument("--threads", type=int, help="gunicorn threads per worker")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's signatures")
    arguments = parser.parse_args()

    base_url = (arguments.url or f"http://127.0.0.1:{arguments.port}").rstrip("/")
    for name, value in {**SERVER_ENV, "BASE_URL": base_url}.items():
        os.environ.setdefault(name, value)
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("This benchmark runs on PostgreSQL: set DATABASE_URL=postgres://... (a "
                 "throw-away database, migrated).")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from campaigns.models import CampaignPage, Signature
    from demo.volumes.campaigns import CAMPAIGNS, benchmark_campaigns

    missing = arguments.volume - Signature.objects.count()
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

    run = secrets.token_hex(4)
    since = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(seconds=1)
    log = tempfile.NamedTemporaryFile("w+", prefix="signatures-gunicorn-", suffix=".log",  # noqa: SIM115
                                      delete=False)
    server = None
    failures = ["did not finish"]
    try:
        if not arguments.url:
            server = start_server(arguments.port, arguments.workers, arguments.threads, log)
        failures = measure(arguments, base_url, campaign, run, server)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        if not arguments.keep:
            Signature.objects.filter(email__istartswith=f"bench-{run}-").delete()
            DBTaskResult.objects.filter(task_path="campaigns.tasks.send_confirmations",
                                        enqueued_at__gte=since).delete()
        log.close()
        if failures and server:
            print(f"Server log: {log.name}")
        else:
            os.unlink(log.name)
    sys.exit(1 if failures else 0)


def measure(arguments, base_url, campaign, run, server):
    """Sign, check, confirm, count; print the figures and return the targets missed."""
    from django.conf import settings
    from django.core import mail
    from django.db.models.functions import Lower
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from campaigns import confirmations
    from campaigns.models import Signature
    from campaigns.signatures import confirmation_token, confirmed_count

    prefix = f"bench-{run}-"
    since = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(seconds=1)
    rng = random.Random(run)  # noqa: S311 - fake people
    first_address = rng.randrange(1 << 24)

    def address(number):
        """Each visitor's own address, behind the one trusted proxy."""
        value = (first_address + number) % (1 << 24)
        return f"10.{value >> 16}.{(value >> 8) & 255}.{value & 255}"

    sign_path = f"/petitions/signer/{campaign.pk}/"
    visitors = [Visitor(base_url) for _number in range(arguments.concurrency)]
    # The campaign's page (its petition form), else any page with a form: the sign-in page.
    cookie_from = {visitor.get_csrf_cookie([campaign.url, reverse("account_login")])
                   for visitor in visitors}
    numbers = itertools.count()
    sent = set()

    def signing(results):
        def work(visitor, number):
            fields = person(rng, number, run)
            sent.add(fields["email"])
            started = time.perf_counter()
            try:
                status, headers, _body = visitor.post(sign_path, fields, address(number))
            except Exception as error:
                results.failed(number, error)
                return
            results.add(started, status, fields["email"],
                        status == 302 and "/merci/" in (headers.get("Location") or ""))
        return work

    server_pid = server.pid if server else None
    print(f"Database: PostgreSQL, {Signature.objects.count():,} signatures; the campaign "
          f"{campaign.title!r} has {confirmed_count(campaign):,} confirmed")
    warm = Results()
    run_concurrently(visitors, itertools.islice(numbers, arguments.warmup), signing(warm))
    workers = (f"gunicorn, {len(server_processes(server_pid)) - 1} workers × "
               f"{arguments.threads or os.environ.get('GUNICORN_THREADS', 4)} threads, "
               if server else "")
    print(f"Server: {base_url}, {workers}{settings.SETTINGS_MODULE}, tasks "
          f"{settings.TASKS['default']['BACKEND'].rsplit('.', 1)[-1]}, cache "
          f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, CONN_MAX_AGE "
          f"{settings.DATABASES['default']['CONN_MAX_AGE']}")
    print(f"Load: {arguments.concurrency} visitors at once, each on one keep-alive connection "
          f"(CSRF cookie from {', '.join(sorted(cookie_from))}), {arguments.warmup} signatures "
          f"to warm up ({len(warm.accepted)} accepted); load average "
          f"{os.getloadavg()[0]:.1f} before the burst")

    burst = Results()
    meter = CpuMeter(server_pid)
    meter.start()
    seconds = run_concurrently(visitors, itertools.islice(numbers, arguments.signatures),
                               signing(burst))
    cpu = meter.stop()
    rate = len(burst.accepted) / seconds
    refused = arguments.signatures - len(burst.accepted) + arguments.warmup - len(warm.accepted)
    print(f"  signing      {len(burst.accepted):,} accepted of {arguments.signatures:,} in "
          f"{seconds:.1f} s: {rate:.0f} accepted/s; latency p50 "
          f"{statistics.median(burst.latencies):.0f} ms, p95 {p95(burst.latencies):.0f} ms, "
          f"max {max(burst.latencies):.0f} ms; answers {answers(burst)}")
    print(f"  CPU          {describe_cpu(cpu, server is not None)}")
    if server and burst.accepted:
        print(f"  per signature {cost_per_request(cpu, rate)}")
    for number, error in (warm.errors + burst.errors)[:5]:
        print(f"    error: signature {number}: {error}")

    # The same address twice at the same instant (the second copy in capitals).
    pairs = [next(numbers) for _pair in range(arguments.duplicates)]
    barriers = {number: threading.Barrier(2, timeout=30) for number in pairs}
    doubled = Results()

    def twice(visitor, job):
        number, copy = job
        fields = person(random.Random(number), number, run)  # noqa: S311
        if copy:
            fields["email"] = fields["email"].upper()
        barriers[number].wait()
        started = time.perf_counter()
        try:
            status, headers, _body = visitor.post(sign_path, fields,
                                                  address(number + copy * (1 << 23)))
        except Exception as error:
            doubled.failed(number, error)
            return
        doubled.add(started, status, number,
                    status == 302 and "/merci/" in (headers.get("Location") or ""))

    run_concurrently(visitors[:max(2, len(visitors))],
                     ((number, copy) for number in pairs for copy in (0, 1)), twice)

    # What the database holds.
    rows = Signature.objects.filter(campaign=campaign, email__istartswith=prefix)
    per_address = {}
    for email in rows.values_list(Lower("email"), flat=True):
        per_address[email] = per_address.get(email, 0) + 1
    accepted = set(warm.accepted) | set(burst.accepted)
    stored = {email for email in per_address if email in sent}
    lost = len(accepted - stored)
    extra = len(stored - accepted)
    repeated = sum(1 for times in per_address.values() if times > 1)
    one_each = sum(1 for number in pairs if per_address.get(f"{prefix}{number}@example.org") == 1)
    total_rows = sum(per_address.values())
    tasks = DBTaskResult.objects.filter(task_path="campaigns.tasks.send_confirmations",
                                        enqueued_at__gte=since).count()
    waiting = rows.filter(confirmation_emailed_at__isnull=True).count()
    print(f"  database     {len(stored):,} rows for {len(accepted):,} signatures accepted "
          f"(warm-up and burst): {lost} lost, {extra} recorded though refused, {repeated} "
          f"addresses twice; {waiting:,} of {total_rows:,} rows wait for their confirmation "
          f"email, {tasks:,} tasks queued to send them")
    print(f"  duplicates   {arguments.duplicates} addresses sent twice at the same instant: "
          f"answers {answers(doubled)}, one row each for {one_each} of {arguments.duplicates}")
    for number, error in doubled.errors[:3]:
        print(f"    error: address {number}: {error}")

    # What the background worker does (in this process, the emails kept in memory).
    mail.outbox = []
    started = time.perf_counter()
    emailed = confirmations.send_waiting()
    seconds = time.perf_counter() - started
    recipients = [message.to[0].lower() for message in mail.outbox if
                  message.to[0].lower().startswith(prefix)]
    emailed_once = len(recipients) == len(set(recipients)) == total_rows
    waiting_after = rows.filter(confirmation_emailed_at__isnull=True).count()
    print(f"  emails       {emailed:,} confirmation emails sent in {seconds:.1f} s "
          f"({emailed / seconds:.0f}/s, batches of {confirmations.BATCH} through one "
          f"connection each); {len(set(recipients)):,} of {total_rows:,} signers emailed, "
          f"{len(recipients) - len(set(recipients))} twice")

    # Every link confirmed at once, the first `duplicates` links clicked twice at the same time.
    before = confirmed_count(campaign)
    links = [(row.pk, confirmation_token(row)) for row in rows.only("pk")]
    jobs = links + links[:arguments.duplicates]
    random.Random(run).shuffle(jobs)  # noqa: S311
    confirming = Results()

    def confirm(visitor, job):
        pk, token = job
        started = time.perf_counter()
        try:
            status, _headers, _body = visitor.post(f"/petitions/confirmer/{token}/", {},
                                                   address(pk))
        except Exception as error:
            confirming.failed(pk, error)
            return
        confirming.add(started, status, pk, status == 200)

    meter.start()
    seconds = run_concurrently(visitors, jobs, confirm)
    cpu = meter.stop()
    after = confirmed_count(campaign)
    _status, _headers, body = visitors[0].request(
        "GET", f"/petitions/compteur/{campaign.pk}.json")
    public = json.loads(body)["count"]
    unconfirmed = rows.unconfirmed().count()
    print(f"  confirming   {len(jobs):,} links ({min(arguments.duplicates, len(links))} clicked "
          f"twice at once) in {seconds:.1f} s: {len(jobs) / seconds:.0f}/s; latency p50 "
          f"{statistics.median(confirming.latencies):.0f} ms, p95 "
          f"{p95(confirming.latencies):.0f} ms; answers {answers(confirming)}")
    print(f"  CPU          {describe_cpu(cpu, server is not None)}")
    print(f"  counter      {before:,} before + {total_rows:,} signatures = "
          f"{before + total_rows:,}; counted {after:,}, public counter {public:,}; "
          f"{unconfirmed} left unconfirmed")
    if server:
        print(f"  memory       the server's largest process peaked at "
              f"{peak_memory_mb(server_pid)} MB")
    retries = sum(visitor.retries for visitor in visitors)
    if retries:
        print(f"  note         sent again on a new connection, the server having closed the "
              f"kept-alive one before reading them: {retries} requests")
    for visitor in visitors:
        visitor.close()

    met = {
        f"≥ {TARGET_PER_S} accepted/s ({rate:.0f})": rate >= TARGET_PER_S,
        f"every signature accepted ({refused} not)": refused == 0,
        f"0 lost ({lost}), 0 recorded though refused ({extra})": not lost and not extra,
        f"0 duplicated ({repeated}; one row per pair: {one_each}/{arguments.duplicates})":
            not repeated and one_each == arguments.duplicates,
        f"exact counter ({after:,} for {before + total_rows:,}, public {public:,})":
            after == before + total_rows == public and not unconfirmed,
        f"every signer emailed once ({total_rows - len(set(recipients))} not, "
        f"{len(recipients) - len(set(recipients))} twice)": emailed_once and not waiting_after,
        f"every confirmation answered ({len(jobs) - len(confirming.accepted)} not)":
            len(confirming.accepted) == len(jobs),
    }
    print("Targets: " + "; ".join(f"{label}: {'met' if ok else 'NOT met'}"
                                  for label, ok in met.items()))
    return [label for label, ok in met.items() if not ok]


def answers(results):
    return ", ".join(f"{status}: {count:,}"
                     for status, count in sorted(results.statuses.items(), key=str))


if __name__ == "__main__":
    main()
