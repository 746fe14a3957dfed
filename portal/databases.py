"""Which database the long reads go to: the read replica (the alias "replica", set by
DATABASE_REPLICA_URL) when there is one, else the primary; the setting LONG_READS_DATABASE
names another alias. Only reads that may lag a few seconds behind the primary go there: the
backups (portal.backups) and the admins' spreadsheet exports (portal.admin_exports), which
read whole tables (an export made just after an edit may miss it). Everything else reads and
writes the primary, and sees what was just done."""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

REPLICA = "replica"


def for_long_reads():
    alias = getattr(settings, "LONG_READS_DATABASE", None)
    if alias:
        return alias
    return REPLICA if REPLICA in settings.DATABASES else DEFAULT_DB_ALIAS
