"""`manage.py backup` and `manage.py restore`: a backup of the demo site restored into an empty
instance gives back every page, association, signature, registration, post, document and
decision, with their files; a restore refuses a database that is not empty, a backup of
another version of the code and a file that is no backup."""

import io
import json
import tarfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings
from wagtail.models import Page

from campaigns.models import Signature
from directory.models import Association
from events.models import Registration
from extranet.documents.models import Document, DocumentVersion
from extranet.governance.models import Decision
from extranet.mutual_aid.models import Post as MutualAidPost
from extranet.news.models import Post as NewsPost
from portal.storage import private_storage as storage_of_private_files

pytestmark = pytest.mark.django_db

WHAT_COMES_BACK = [Page, Association, Signature, Registration, MutualAidPost, NewsPost,
                   Document, Decision, get_user_model()]


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-files")
    return {"MEDIA_ROOT": folder / "media", "PRIVATE_MEDIA_ROOT": folder / "private"}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, demo_files):
    """The demo, seeded once for the module with its files in a folder of its own, rolled
    back after the module's last test."""
    with override_settings(**demo_files), django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def archive(seeded, demo_files, settings, tmp_path):
    for name, folder in demo_files.items():
        setattr(settings, name, folder)
    out = io.StringIO()
    call_command("backup", str(tmp_path / "sauvegardes"), stdout=out)
    return next((tmp_path / "sauvegardes").glob("backup-*.tar.gz"))


def counts():
    return {model.__name__: model.objects.count() for model in WHAT_COMES_BACK}


def empty_instance(settings, tmp_path):
    """What a new instance is: the tables, nothing in them, empty storages."""
    if connection.vendor == "postgresql":
        # The demo was seeded in this test's transaction: its foreign keys, checked at the
        # commit, are checked now, or PostgreSQL refuses to empty the tables.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "new-private"


def test_a_backup_of_the_demo_restores_whole_into_an_empty_instance(
        archive, settings, tmp_path, client):
    before = counts()
    document_file = DocumentVersion.objects.order_by("pk").first().file.name
    image_files = sorted(default_storage.listdir("original_images")[1])
    empty_instance(settings, tmp_path)
    assert counts()["Page"] == 0

    call_command("restore", str(archive), stdout=io.StringIO())

    assert counts() == before
    assert not [name for name, count in before.items() if count == 0]
    assert storage_of_private_files().exists(document_file)
    assert sorted(default_storage.listdir("original_images")[1]) == image_files
    assert client.get("/").status_code == 200
    assert client.get("/campagnes/conventions-pluriannuelles/").status_code == 200
    call_command("verify_decisions", stdout=io.StringIO())  # the register's chain holds


def test_the_archive_holds_no_session_no_rendition_and_no_queued_task(archive):
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        rows = json.load(opened.extractfile("database.json"))

    models = {row["model"] for row in rows}
    assert {"manifest.json", "content-types.json", "database.json"} <= set(names)
    assert not models & {"sessions.session", "wagtailimages.rendition",
                         "django_tasks_database.dbtaskresult"}
    assert not any(name.startswith("media/images/") for name in names)
    assert any(name.startswith("media/original_images/") for name in names)


def test_a_restore_refuses_a_database_that_is_not_empty(archive):
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="pas vide"):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert Page.objects.count() == pages


def test_a_restore_refuses_a_backup_of_another_version_of_the_code(
        archive, settings, tmp_path):
    changed = tmp_path / "autre-version.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(changed, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"].append(["campaigns", "9999_from_the_future"])
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    empty_instance(settings, tmp_path)

    with pytest.raises(CommandError, match="autre version du code"):
        call_command("restore", str(changed), stdout=io.StringIO())


def test_a_restore_refuses_a_file_that_is_no_backup(tmp_path):
    other = tmp_path / "photos.tar.gz"
    with tarfile.open(other, "w:gz") as archive:
        archive.addfile(tarfile.TarInfo("photo.jpg"), io.BytesIO(b""))

    with pytest.raises(CommandError, match="pas une sauvegarde"):
        call_command("restore", str(other), stdout=io.StringIO())
