"""Media and private files in S3-compatible buckets (django-storages' S3Storage, as the
deployment guide configures it), against moto, an S3 stand-in that answers boto3 in this
process: what members add goes into the private bucket and comes back to them through the
site only; images go into the media bucket and are shown from its public address; a backup
reads both; nothing is written on the server's disk."""

import tarfile

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto import mock_aws
from wagtail_factories import DocumentFactory

from extranet.documents.models import Audience
from portal import backups
from tests.extranet.documents.test_downloads import add_through_the_form, download, files_under
from tests.factories import FolderFactory, ImageFactory, pdf_bytes

pytestmark = pytest.mark.django_db

REGION = "eu-west-3"
CREDENTIALS = {"access_key": "portail", "secret_key": "portail-secret", "region_name": REGION}
MEDIA_BUCKET = "portail-media"
PRIVATE_BUCKET = "portail-prive"
MEDIA_DOMAIN = "media.portail.example.org"


@pytest.fixture
def buckets(settings, tmp_path):
    """The two buckets, and the settings that put the files there (docs/deployment.md)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION, aws_access_key_id="portail",
                          aws_secret_access_key="portail-secret")
        for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
            s3.create_bucket(Bucket=bucket,
                             CreateBucketConfiguration={"LocationConstraint": REGION})
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
                **CREDENTIALS, "bucket_name": MEDIA_BUCKET, "custom_domain": MEDIA_DOMAIN,
                "querystring_auth": False, "file_overwrite": False,
            }},
            "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
                **CREDENTIALS, "bucket_name": PRIVATE_BUCKET, "default_acl": "private",
                "file_overwrite": False,
            }},
        }
        yield s3


def keys(s3, bucket):
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


def add_document(client, member, association, capture_on_commit, content):
    client.force_login(member)
    folder = FolderFactory(name="Statuts et charte", audience=Audience.MEMBERS)
    return add_through_the_form(client, folder, association, content, capture_on_commit)


def file_name(document):
    return document.versions.get().file.name


def test_a_members_document_goes_into_the_private_bucket_and_comes_back_through_the_site(
        client, member, association, buckets, settings, django_capture_on_commit_callbacks):
    content = pdf_bytes("Charte du collectif")

    document = add_document(client, member, association, django_capture_on_commit_callbacks,
                            content)
    response = download(client, document)

    assert b"".join(response.streaming_content) == content
    assert "Charte du collectif" in document.text  # read back from the bucket by the task
    assert keys(buckets, PRIVATE_BUCKET) == [file_name(document)]
    assert keys(buckets, MEDIA_BUCKET) == []
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_file_gone_from_the_private_bucket_is_a_404_not_an_error(
        client, member, association, buckets, django_capture_on_commit_callbacks):
    document = add_document(client, member, association, django_capture_on_commit_callbacks,
                            pdf_bytes("Charte du collectif"))
    buckets.delete_object(Bucket=PRIVATE_BUCKET, Key=file_name(document))

    response = download(client, document)

    assert response.status_code == 404


def test_an_image_goes_into_the_media_bucket_and_its_renditions_are_shown_from_its_address(
        buckets, settings):
    image = ImageFactory()

    rendition = image.get_rendition("fill-400x225")

    assert rendition.url.startswith(f"https://{MEDIA_DOMAIN}/images/")
    assert set(keys(buckets, MEDIA_BUCKET)) == {image.file.name, rendition.file.name}
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_document_of_the_public_site_comes_through_the_site_not_from_the_bucket(
        client, buckets):
    document = DocumentFactory(file=SimpleUploadedFile("statuts.pdf", b"%PDF-1.4 statuts"))

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 statuts"
    assert keys(buckets, MEDIA_BUCKET) == [document.file.name]
    assert document.file.name.startswith("documents/")  # kept from the public by the policy


def test_a_backup_takes_the_files_of_both_buckets_renditions_aside(
        client, member, association, buckets, tmp_path, django_capture_on_commit_callbacks):
    document = add_document(client, member, association, django_capture_on_commit_callbacks,
                            pdf_bytes("Charte du collectif"))
    image = ImageFactory()
    rendition = image.get_rendition("fill-400x225")

    with tarfile.open(backups.write_backup(tmp_path / "backups")) as archive:
        names = set(archive.getnames())

    assert {f"private/{file_name(document)}", f"media/{image.file.name}"} <= names
    assert f"media/{rendition.file.name}" not in names
