"""A document's pages: adding one (with its first file), reading it with its versions,
changing its details, adding a version and moving it to the bin. Who may do what is
extranet/documents/permissions.py's; the operations are extranet/documents/library.py's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.search import index

from extranet.accounts.permissions import member_required
from extranet.documents import library
from extranet.documents.forms import DocumentEditForm, DocumentForm, VersionForm
from extranet.documents.models import Document, EventKind, Folder
from extranet.documents.permissions import (
    can_add_to,
    can_change_document,
    can_read_document,
    can_read_journal,
)


def document_for(request, document_id):
    """The document, if the person may read it (a binned one: the coordinators only)."""
    document = get_object_or_404(
        Document.objects.select_related("folder", "owner_association", "created_by"),
        pk=document_id)
    if not can_read_document(request.user, document):
        raise PermissionDenied
    return document


def changeable(request, document_id):
    document = document_for(request, document_id)
    if not can_change_document(request.user, document):
        raise PermissionDenied
    return document


@member_required
def document_create(request):
    """?dossier=<id> chooses the folder."""
    initial = {}
    if request.GET.get("dossier", "").isdigit():
        folder = get_object_or_404(Folder, pk=request.GET["dossier"])
        if not can_add_to(request.user, folder):
            raise PermissionDenied
        initial["folder"] = folder
    form = DocumentForm(request.POST or None, request.FILES or None, user=request.user,
                        initial=initial)
    if not form.fields["folder"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = library.add_document(
            folder=data["folder"], title=data["title"], description=data["description"],
            tags=data["tags"], owner_association=data["owner_association"],
            upload=data["file"], by=request.user,
        )
        messages.success(request, _("Le document « %(title)s » est ajouté.") % {
            "title": document.title})
        return redirect("extranet:document_detail", document_id=document.pk)
    return render(request, "extranet/documents/document_form.html", {"form": form})


@member_required
def document_detail(request, document_id):
    document = document_for(request, document_id)
    return render(request, "extranet/documents/document_detail.html", {
        "document": document,
        "path": [*document.folder.ancestors(), document.folder],
        "versions": document.versions.select_related("uploaded_by"),
        "tags": document.tags.all(),
        "can_change": can_change_document(request.user, document),
        "can_read_journal": can_read_journal(request.user),
    })


@member_required
def document_edit(request, document_id):
    document = changeable(request, document_id)
    form = DocumentEditForm(request.POST or None, instance=document, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        # The tags are saved after the document: index it again, with them, for the search.
        index.insert_or_update_object(document)
        library.log(document, EventKind.CHANGED, request.user)
        messages.success(request, _("Le document est enregistré."))
        return redirect("extranet:document_detail", document_id=document.pk)
    return render(request, "extranet/documents/document_edit.html", {
        "form": form, "document": document})


@member_required
def version_create(request, document_id):
    document = changeable(request, document_id)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        version = library.add_version(document, form.cleaned_data["file"], request.user,
                                      note=form.cleaned_data["note"])
        messages.success(request, _("La version %(number)s est ajoutée ; les précédentes "
                                    "restent téléchargeables.") % {"number": version.number})
        return redirect("extranet:document_detail", document_id=document.pk)
    return render(request, "extranet/documents/version_form.html", {
        "form": form, "document": document})


@member_required
def document_bin(request, document_id):
    """GET asks to confirm; POST moves the document to the bin."""
    document = changeable(request, document_id)
    if request.method == "POST":
        library.move_to_bin(document, request.user)
        messages.success(request, _("« %(title)s » est dans la corbeille : les "
                                    "coordinateur·rices peuvent le restaurer pendant "
                                    "%(days)s jours.") % {
            "title": document.title, "days": library.bin_days()})
        return redirect("extranet:folder_detail", folder_id=document.folder_id)
    return render(request, "extranet/documents/document_bin.html", {
        "document": document, "days": library.bin_days()})
