"""Downloads of the library's files, current or older version: only through these views,
which check the folder's rule every time (the files have no address of their own), log the
download in the document's journal and answer as an attachment that no browser sniffs and
no shared cache keeps (portal/uploads.private_download)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from extranet.accounts.permissions import member_required
from extranet.documents import library
from extranet.documents.document_views import document_for
from extranet.documents.models import EventKind
from portal.uploads import private_download


def serve(request, document, version):
    library.log(document, EventKind.DOWNLOADED, request.user, version)
    return private_download(version.file, version.filename, version.content_type)


@member_required
def download(request, document_id):
    """The current version."""
    document = document_for(request, document_id)
    version = document.versions.order_by("-number").first()
    if version is None:
        raise Http404
    return serve(request, document, version)


@member_required
def version_download(request, document_id, number):
    document = document_for(request, document_id)
    return serve(request, document, get_object_or_404(document.versions, number=number))
