"""The shared documents of the extranet (extranet/documents/models/): folders with their
rule of who reads them, documents with their versions and journal."""

from extranet.documents.models.documents import (  # noqa: F401
    Document,
    DocumentEvent,
    DocumentTag,
    DocumentVersion,
    EventKind,
)
from extranet.documents.models.folders import MAX_DEPTH, Audience, Folder  # noqa: F401
