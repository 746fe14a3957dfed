"""The read replica (DATABASE_REPLICA_URL, docs/deployment.md): the long reads, a backup and
the admins' spreadsheet exports, go to it when there is one; nothing else does. In the tests
the replica is the primary itself (portal/settings/test.py), read through its own
connection."""

import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.test.utils import CaptureQueriesContext

from extranet.documents.models import Folder
from portal import backups, databases
from portal.admin_exports import InChunks
from tests.factories import FolderFactory
from tests.portal.test_production_settings import COMPLETE, run_manage

# Committed rows, which the replica's own connection sees; the migrated database (communes,
# content types) is restored after each test, as the other tests expect it.
ON_BOTH = pytest.mark.django_db(transaction=True, serialized_rollback=True,
                                databases=["default", "replica"])


@pytest.fixture
def replica_for_long_reads(settings):
    settings.LONG_READS_DATABASE = None


def test_the_long_reads_go_to_the_replica_when_there_is_one(replica_for_long_reads):
    assert databases.for_long_reads() == "replica"


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_the_long_reads_go_to_the_primary_without_a_replica(replica_for_long_reads, settings):
    settings.DATABASES = {"default": settings.DATABASES["default"]}

    assert databases.for_long_reads() == "default"


@ON_BOTH
def test_a_backup_reads_every_row_from_the_replica_and_none_from_the_primary(
        replica_for_long_reads, tmp_path):
    FolderFactory.create_batch(3)

    with CaptureQueriesContext(connections["default"]) as primary, \
            CaptureQueriesContext(connections["replica"]) as replica:
        path = backups.write_backup(tmp_path)

    with tarfile.open(path) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
    assert manifest["rows"]["documents.folder"] == 3
    assert len(replica) > 0 and len(primary) == 0


@ON_BOTH
def test_a_spreadsheet_export_reads_its_rows_from_the_replica(replica_for_long_reads):
    FolderFactory.create_batch(3)

    with CaptureQueriesContext(connections["default"]) as primary, \
            CaptureQueriesContext(connections["replica"]) as replica:
        rows = list(InChunks(Folder.objects.order_by("name")))

    assert len(rows) == 3
    assert len(replica) > 0 and len(primary) == 0


def test_production_settings_take_the_replica_with_the_primary_s_connection_options():
    result = run_manage(
        "shell", "-c",
        "from django.conf import settings; r = settings.DATABASES['replica']; "
        "print(r['HOST'], r['NAME'], r['CONN_MAX_AGE'], r['CONN_HEALTH_CHECKS'], "
        "r['OPTIONS']['options'])",
        **{**COMPLETE, "DATABASE_URL": "postgres://portail@primaire.example.org:5432/portail",
           "DATABASE_REPLICA_URL": "postgres://lecture@replique.example.org:5432/portail"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "replique.example.org", "portail", "60", "True", "-c", "random_page_cost=1.1"]


def test_a_backup_refuses_a_database_that_is_not_configured(tmp_path):
    with pytest.raises(CommandError, match="invalid choice: 'archives'"):
        call_command("backup", str(tmp_path), "--database", "archives")

    assert list(tmp_path.iterdir()) == []
