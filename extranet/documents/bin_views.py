"""The coordinators' screens of the library: the bin (restore within DOCUMENTS_BIN_DAYS days;
`manage.py purge_document_bin` deletes what waited longer) and a document's journal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.accounts.permissions import member_required
from extranet.documents import library
from extranet.documents.models import Document
from extranet.documents.permissions import can_empty_bin, can_read_journal

PER_PAGE = 50


def _coordinators_only(request):
    if not can_empty_bin(request.user):
        raise PermissionDenied


@member_required
def document_bin_list(request):
    _coordinators_only(request)
    documents = (Document.objects.in_bin().select_related("folder", "deleted_by",
                                                           "owner_association")
                 .order_by("-deleted_at", "-pk"))
    return render(request, "extranet/documents/bin.html", {
        "documents": Paginator(documents, PER_PAGE).get_page(request.GET.get("page")),
        "days": library.bin_days(),
    })


@member_required
@require_POST
def document_restore(request, document_id):
    _coordinators_only(request)
    document = get_object_or_404(Document, pk=document_id)
    if library.restore(document, request.user):
        messages.success(request, _("« %(title)s » est restauré dans son dossier.") % {
            "title": document.title})
    return redirect("extranet:document_bin_list")


@member_required
def document_journal(request, document_id):
    if not can_read_journal(request.user):
        raise PermissionDenied
    document = get_object_or_404(Document.objects.select_related("folder"), pk=document_id)
    events = document.events.select_related("person", "version")
    return render(request, "extranet/documents/journal.html", {
        "document": document,
        "events": Paginator(events, PER_PAGE).get_page(request.GET.get("page")),
    })
