"""What members do to the library's documents, each in one transaction with its line in
the journal: add a document (its first version), add a version, bin, restore, purge. The
upload has been checked (portal/uploads.check) by the form; here it is stored under a name
nobody can guess, through the storage API (any storage: a folder, an S3 bucket), and the
text inside it is read in the background for the search (extranet/documents/tasks.py)."""

import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from extranet.documents.models import Document, DocumentEvent, DocumentVersion, EventKind
from extranet.documents.tasks import read_text
from portal import page_cache
from portal.background import enqueue_after_commit
from portal.uploads import clean_filename, content_type_of, extension_of

logger = logging.getLogger(__name__)


def _digest(upload):
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _store_version(document, upload, by, note=""):
    filename = clean_filename(upload.name)
    last = document.versions.aggregate(last=Max("number"))["last"] or 0
    version = DocumentVersion(
        document=document, number=last + 1, filename=filename,
        content_type=content_type_of(filename), size=upload.size, sha256=_digest(upload),
        note=note, uploaded_by=by,
    )
    version.file.save(filename, upload, save=False)
    stored_name = version.file.name
    # The file is in the storage before its row: if the row cannot be written, remove it.
    try:
        version.save()
    except Exception:
        version.file.storage.delete(stored_name)
        raise
    document.extension = extension_of(filename)
    document.updated_at = version.uploaded_at
    document.text = ""
    document.save(update_fields=["extension", "updated_at", "text"])
    enqueue_after_commit(read_text, version.pk)
    return version


@transaction.atomic
def add_document(*, folder, title, owner_association, upload, by, description="", tags=()):
    document = Document.objects.create(
        folder=folder, title=title, description=description,
        owner_association=owner_association, created_by=by,
        extension=extension_of(clean_filename(upload.name)),
    )
    if tags:
        document.tags.set(list(tags))
    version = _store_version(document, upload, by)
    log(document, EventKind.ADDED, by, version)
    return document


@transaction.atomic
def add_version(document, upload, by, note=""):
    document = Document.objects.select_for_update().get(pk=document.pk)
    version = _store_version(document, upload, by, note)
    log(document, EventKind.NEW_VERSION, by, version)
    return version


def bin_days():
    return settings.DOCUMENTS_BIN_DAYS


def log(document, kind, person, version=None):
    return DocumentEvent.objects.create(
        document=document, kind=kind, version=version,
        person=person if getattr(person, "is_authenticated", False) else None,
    )


@transaction.atomic
def move_to_bin(document, by):
    updated = Document.objects.filter(pk=document.pk, deleted_at__isnull=True).update(
        deleted_at=timezone.now(), deleted_by=by)
    if updated:
        log(document, EventKind.BINNED, by)
        page_cache.invalidate()  # the public documents page may list it
    return bool(updated)


@transaction.atomic
def restore(document, by):
    updated = Document.objects.filter(pk=document.pk, deleted_at__isnull=False).update(
        deleted_at=None, deleted_by=None)
    if updated:
        log(document, EventKind.RESTORED, by)
        page_cache.invalidate()
    return bool(updated)


def purge(now=None):
    """Delete the documents binned more than DOCUMENTS_BIN_DAYS days ago, their versions,
    journal and files; return the titles of those deleted. The files go once the rows are
    gone for good (after the commit): a failure leaves a document whole, never a row
    without its file."""
    titles = []
    for document in Document.objects.purgeable(now).order_by("deleted_at", "pk"):
        with transaction.atomic():
            locked = Document.objects.select_for_update().purgeable(now).filter(
                pk=document.pk).first()
            if locked is None:  # restored meanwhile
                continue
            files = [(version.file.storage, version.file.name)
                     for version in locked.versions.all()]
            locked.delete()
            transaction.on_commit(lambda files=files: _delete_files(files))
        titles.append(document.title)
    return titles


def _delete_files(files):
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:  # a file already gone, or a storage that refuses: keep going
            logger.warning("Could not delete the purged document file %s", name)
