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

This script reads the command line, serves the site and cleans up; the benchmark's parts are in
benchmarks/signing/ (the server, the visitors and their load, the phases measured, what is read
from the database, CPU and memory from /proc, the report's lines).
"""

import argparse
import datetime
import os
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

from benchmarks.signing.server import SERVER_ENV, start_server  # noqa: E402

DEFAULT_PORT = 8431


def parse_arguments():
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
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    base_url = (arguments.url or f"http://127.0.0.1:{arguments.port}").rstrip("/")
    for name, value in {**SERVER_ENV, "BASE_URL": base_url}.items():
        os.environ.setdefault(name, value)
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("This benchmark runs on PostgreSQL: set DATABASE_URL=postgres://... (a "
                 "throw-away database, migrated).")
    django.setup()
    # Django's models, once it is set up.
    from benchmarks.signing import database
    from benchmarks.signing.measurement import Measurement

    campaign = database.prepare(arguments.volume)
    run = secrets.token_hex(4)
    since = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(seconds=1)
    log = tempfile.NamedTemporaryFile("w+", prefix="signatures-gunicorn-", suffix=".log",  # noqa: SIM115
                                      delete=False)
    server = None
    failures = ["did not finish"]
    try:
        if not arguments.url:
            server = start_server(arguments.port, arguments.workers, arguments.threads, log)
        failures = Measurement(arguments, base_url, campaign, run, server).measure()
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        if not arguments.keep:
            database.remove(run, since)
        log.close()
        if failures and server:
            print(f"Server log: {log.name}")
        else:
            os.unlink(log.name)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
