"""Django's PostgreSQL backend, whose persistent connections are health-checked only after a
pause (ENGINE "portal.postgresql", set by the settings for a postgres:// DATABASE_URL).

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of every request that
reuses a connection: a round trip to PostgreSQL a request, about a tenth of the CPU of a
petition's signature (measured in one process, the signing POST with and without it; in the
served burst of benchmarks/signatures.py the gain is smaller, within the machine's ups and
downs). Here a connection that served a request less than CONN_HEALTH_CHECK_IDLE seconds ago
is trusted without it: in a burst, every connection is busy and none is checked; on a quiet
site, every request after a pause is. A connection lost within that moment (PostgreSQL
restarted) fails the one request that finds it, as it would without health checks, and Django
replaces it once that request ends (it checks a connection after an error); one lost during a
pause is replaced before it fails anything.
"""

import time

from django.conf import settings
from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    used_at = None  # time.monotonic() of the last request that used this connection

    def close_if_health_check_failed(self):
        if self.connection is not None and self.health_check_enabled \
                and not self.health_check_done:  # the request's first query
            now = time.monotonic()
            if self.used_at is not None and now - self.used_at < settings.CONN_HEALTH_CHECK_IDLE:
                self.health_check_done = True
            self.used_at = now
        super().close_if_health_check_failed()

    def connect(self):
        super().connect()
        self.used_at = time.monotonic()
