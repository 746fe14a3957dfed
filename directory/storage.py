"""Where the logos proposed by associations wait for review: outside MEDIA_ROOT, so that no
web server serves them; the admin's review screen shows them through a view that checks the
reviewer (directory/moderation_views.py)."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
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


def proposed_logo_path(instance, filename):
    """A name nobody can guess, whatever the uploaded file was called."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"proposed-logos/{uuid.uuid4().hex}.{extension}"
