"""Static files taken from Python packages (XStatic) rather than committed into the repository.

`PackageFilesFinder` finds the files that settings.STATICFILES_PACKAGES lists, under their
prefix, and only those: a package also ships builds and source maps the site does not load,
and some of them would stop the hashed-names storage of `collectstatic` (Leaflet.markercluster's
minified script names a source map its package lacks).
"""

import os

from django.conf import settings
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import FileSystemFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class PackageFilesFinder(FileSystemFinder):
    """Like STATICFILES_DIRS with a prefix, for the files of settings.STATICFILES_PACKAGES:
    a list of (prefix, directory, [shell patterns of the files to serve, relative to it])."""

    def __init__(self, app_names=None, *args, **kwargs):
        self.locations, self.storages, self.patterns = [], {}, {}
        for prefix, root, patterns in settings.STATICFILES_PACKAGES:
            root = str(root)
            self.locations.append((prefix, root))
            self.patterns[root] = list(patterns)
            storage = FileSystemStorage(location=root)
            storage.prefix = prefix
            self.storages[root] = storage
        super(FileSystemFinder, self).__init__(*args, **kwargs)

    def check(self, **kwargs):
        return [
            Error(f"The directory {root!r} of STATICFILES_PACKAGES does not exist.",
                  hint="Is its package installed (make install)?", id="portal.E001")
            for _prefix, root in self.locations if not os.path.isdir(root)
        ]

    def find_location(self, root, path, prefix=None):
        relative = path.removeprefix(f"{prefix}{os.sep}") if prefix else path
        if relative == path and prefix:
            return None
        if not utils.matches_patterns(relative.replace(os.sep, "/"), self.patterns[root]):
            return None
        return super().find_location(root, path, prefix)

    def list(self, ignore_patterns):
        for path, storage in super().list(ignore_patterns):
            if utils.matches_patterns(path.replace(os.sep, "/"), self.patterns[storage.location]):
                yield path, storage
