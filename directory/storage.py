"""Where the logos proposed by associations wait for review: outside MEDIA_ROOT, so that no
web server serves them; the admin's review screen shows them through a view that checks the
reviewer (directory/moderation_views.py)."""

import uuid

# The class moved to the ground floor (portal/storage.py), which every app's private files
# share; the migrations that named it here still find it.
from portal.storage import PrivateFileStorage  # noqa: F401


def proposed_logo_path(instance, filename):
    """A name nobody can guess, whatever the uploaded file was called."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"proposed-logos/{uuid.uuid4().hex}.{extension}"
