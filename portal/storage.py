"""Where private files live: the storage named "private" in STORAGES (settings), a folder
outside MEDIA_ROOT by default (PrivateFileStorage), or any storage of Django's API
(an S3-compatible bucket through django-storages) when PRIVATE_STORAGE_BACKEND says so.
No web server serves them: views that check who asks read them through the storage API
(portal/uploads.private_download)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty


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


class PrivateStorage(LazyObject):
    """The "private" storage of STORAGES, looked up at its first use, and again after a
    change of STORAGES (a test that puts the files in memory), as Django's `default_storage`
    is: a field keeps this object, not the storage the setting named when the models were
    loaded."""

    def _setup(self):
        self._wrapped = storages["private"]


private = PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        private._wrapped = empty


def private_storage():
    """The "private" storage, for `FileField(storage=private_storage)`: a callable, so that a
    migration names this function, not a class."""
    return private
