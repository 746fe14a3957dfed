"""Where private files live: the storage named "private" in STORAGES (settings), a folder
outside MEDIA_ROOT by default (PrivateFileStorage), or any storage of Django's API
(an S3-compatible bucket through django-storages) when PRIVATE_STORAGE_BACKEND says so.
No web server serves them: views that check who asks read them through the storage API
(portal/uploads.private_download)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateFileStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT (read at each use, so tests can move it); no URL."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public address.")


def private_storage():
    """The "private" storage of STORAGES, for `FileField(storage=private_storage)`: read when
    the field is made, so that a migration names this function, not a class."""
    return storages["private"]
