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
# Recycle workers now and then so a slow leak never takes the site down; not too often: a new
# worker imports the whole site again (2 to 5 s of CPU), every 20 s or so in a burst of 300
# requests a second had this been 2,000.
max_requests = 10000
max_requests_jitter = 1000
# The reverse proxy in front logs every request; a second access log here cost about 0.5 ms of
# CPU a request (benchmarks/signatures.py). GUNICORN_ACCESSLOG=- writes it to standard output.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
