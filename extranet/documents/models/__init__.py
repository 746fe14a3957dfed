"""The shared documents of the extranet (extranet/documents/models/): folders with their
rule of who reads them, documents with their versions and journal, and the public page of
the public folders' documents (pages.py, imported last: it reads the library's rules)."""

from extranet.documents.models.documents import (  # noqa: F401
    Document,
    DocumentEvent,
    DocumentTag,
    DocumentVersion,
    EventKind,
)
from extranet.documents.models.folders import MAX_DEPTH, Audience, Folder  # noqa: F401
from extranet.documents.models.pages import PublicDocumentsPage  # noqa: F401
