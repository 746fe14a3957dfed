"""Backups that restore (`manage.py backup` and `manage.py restore`).

One dated archive (`backup-2026-12-07-031500.tar.gz`) holds:

- `manifest.json`: when, from which database engine, the migrations applied (a backup restores
  on the same version of the code), the number of rows of each model, the files and their sizes;
- `content-types.json` and `database.json`: every row with its primary key, in Django's JSON
  serialisation with times to the microsecond (portable between SQLite and PostgreSQL),
  content types and permissions included, so that every reference to them holds; what can be
  rebuilt or must not come back is left out (`LEFT_OUT`: sessions, the search index, image
  renditions, the queue of background tasks — a restore sends no email again);
- `media/…`: the public uploads (the default storage), renditions aside;
- `private/…`: the private files (the storage "private": shared documents, attachments…).

Files go through the storages' API, so a bucket (django-storages) is read and written as a
folder is. A restore goes into an empty instance (migrated, with no account and no page beyond
those migrations make), in one transaction for the rows, then writes the files and rebuilds
the search index.
"""

import io
import json
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from portal.databases import for_long_reads

FORMAT = 1
FORMAT_NAME = "backupjson"  # Django's JSON, times to the microsecond (portal.backup_serializer)
LEFT_OUT = [
    "sessions", "wagtailsearch", "wagtailimages.rendition", "django_tasks_database",
    "wagtailadmin.editingsession",
]
RENDITIONS_FOLDER = "images"  # Wagtail's renditions, made again from the originals
STORAGES = {"media": lambda: default_storage, "private": lambda: storages["private"]}


class BackupError(Exception):
    """A backup that cannot be restored here (with the reason, for the person restoring)."""


def storage_files(storage, folder=""):
    """Every file name of `storage` under `folder`, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a storage's folder not made yet: nothing uploaded
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in folders:
        yield from storage_files(storage, f"{folder}/{name}" if folder else name)


def applied_migrations(using=DEFAULT_DB_ALIAS):
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def row_counts(using=DEFAULT_DB_ALIAS):
    left_out = {label.lower() for label in LEFT_OUT}
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in left_out or label in left_out or model._meta.proxy:
            continue
        counts[label] = model._default_manager.using(using).count()
    return counts


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def dump_database(scratch, using):
    """The rows into `scratch`, with their counts and the migrations, read in one transaction:
    one moment of the database (on PostgreSQL a repeatable-read snapshot), whatever is
    written meanwhile. The content types apart: a restore loads them first (saving a row may
    look its type up, and make it under another key when missing)."""
    connection = connections[using]
    first = not connection.in_atomic_block  # else the snapshot is the caller's transaction
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and first:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        rows, migrations = row_counts(using), applied_migrations(using)
        for name, options in (("content-types.json", {"args": ["contenttypes"]}),
                              ("database.json", {"exclude": [*LEFT_OUT, "contenttypes"]})):
            call_command("dumpdata", *options.get("args", []), format=FORMAT_NAME,
                         exclude=options.get("exclude", []), output=str(Path(scratch) / name),
                         database=using, verbosity=0)
    return rows, migrations


def write_backup(folder, now=None, using=None):
    """Write the archive into `folder` (made if missing); returns its path. It bears its
    name once whole (`….partial` while it is written). The rows are read from the database
    `using`, by default the read replica when there is one (portal.databases)."""
    using = using or for_long_reads()
    now = timezone.localtime(now)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"backup-{now:%Y-%m-%d-%H%M%S}.tar.gz"
    partial = path.with_name(path.name + ".partial")
    files = {}
    try:
        with tempfile.TemporaryDirectory() as scratch, tarfile.open(partial, "w:gz") as archive:
            rows, migrations = dump_database(scratch, using)
            for name in ("content-types.json", "database.json"):
                archive.add(Path(scratch) / name, name)
            for prefix, storage in STORAGES.items():
                storage = storage()
                for name in storage_files(storage):
                    if prefix == "media" and name.startswith(RENDITIONS_FOLDER + "/"):
                        continue
                    with storage.open(name, "rb") as file:
                        data = file.read()
                    add_bytes(archive, f"{prefix}/{name}", data)
                    files[f"{prefix}/{name}"] = len(data)
            manifest = {"format": FORMAT, "made": now.isoformat(),
                        "database": connections[using].vendor,
                        "migrations": migrations, "rows": rows, "files": files}
            add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def read_manifest(archive):
    try:
        return json.load(archive.extractfile("manifest.json"))
    except KeyError as error:
        raise BackupError("Ce fichier n'est pas une sauvegarde du site (pas de manifest.json).") \
            from error


def check_restorable(manifest):
    """Refuse a backup of another format or code version, and a database not empty."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format de sauvegarde inconnu : {manifest.get('format')}.")
    saved = {tuple(item) for item in manifest["migrations"]}
    here = {tuple(item) for item in applied_migrations()}
    if saved != here:
        different = sorted(saved ^ here)
        raise BackupError(
            "La sauvegarde vient d'une autre version du code : migrations différentes "
            f"({', '.join(f'{app}.{name}' for app, name in different[:5])}…). "
            "Restaurez-la avec la version du code qui l'a faite, puis mettez à jour.")
    if get_user_model().objects.exists() or Page.objects.filter(depth__gt=2).exists():
        raise BackupError(
            "La base n'est pas vide (comptes ou pages) : restaurez dans une instance neuve "
            "(base créée, `manage.py migrate`, rien d'autre).")


def restore_backup(path, stdout=None):
    """Restore the archive at `path` into this empty instance; returns its manifest."""
    with tarfile.open(path, "r:gz") as archive:
        manifest = read_manifest(archive)
        check_restorable(manifest)
        with tempfile.TemporaryDirectory() as scratch:
            dumps = []
            for name in ("content-types.json", "database.json"):
                dumps.append(Path(scratch) / name.replace(".json", f".{FORMAT_NAME}"))
                dumps[-1].write_bytes(archive.extractfile(name).read())
            with transaction.atomic():
                # What the migrations made (the first pages, the roles, the content types…)
                # gives way to the backup's rows, each with its primary key.
                call_command("flush", interactive=False, inhibit_post_migrate=True,
                             verbosity=0)
                ContentType.objects.clear_cache()
                for dump in dumps:
                    call_command("loaddata", str(dump), verbosity=0)
                restored = row_counts()
                different = {label: (count, restored.get(label))
                             for label, count in manifest["rows"].items()
                             if restored.get(label) != count}
                if different:  # rolls the rows back
                    raise BackupError(f"Lignes restaurées différentes de la sauvegarde : "
                                      f"{different}")
            ContentType.objects.clear_cache()
        for member in archive.getmembers():
            prefix, _slash, name = member.name.partition("/")
            if prefix in STORAGES and member.isfile():
                storage = STORAGES[prefix]()
                if storage.exists(name):
                    storage.delete(name)
                storage.save(name, ContentFile(archive.extractfile(member).read()))
    call_command("update_index", verbosity=0, stdout=stdout or io.StringIO())
    return manifest
