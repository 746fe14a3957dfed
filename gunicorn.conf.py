"""Gunicorn configuration for production: `gunicorn portal.wsgi` reads this file.

Every value can be overridden with the environment variables named below. The defaults are
the ones that held the petitions' signing burst best on a 2-core machine
(benchmarks/signatures.py: 3 workers of 4 threads took more signatures a second than 5 of 2
or 5 of 1, in less memory): a few processes, each with threads that wait for PostgreSQL
and Redis in turn.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never takes the site down; not often: a new
# worker imports the whole site again (2 to 5 s of CPU). Pages kept for anonymous visitors are
# served at 2,000 a second and more (benchmarks/pages.py): recycled every 10,000 requests, each
# worker restarted every few seconds there.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 10  # 0: never recycled
# The reverse proxy in front logs every request; a second access log here cost about 0.5 ms of
# CPU a request (benchmarks/signatures.py). GUNICORN_ACCESSLOG=- writes it to standard output.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
