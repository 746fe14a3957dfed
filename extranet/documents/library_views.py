"""The library's pages: its home (search, filters, root folders), a folder with its
subfolders and documents, and the coordinators' screens that make, change and remove
folders. Who may do what is extranet/documents/permissions.py's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from extranet.accounts.permissions import member_required
from extranet.documents import search
from extranet.documents.forms import FolderForm, SearchForm
from extranet.documents.models import Folder
from extranet.documents.permissions import (
    can_add_to,
    can_empty_bin,
    can_manage_folders,
    can_read_folder,
    forget_folders,
    readable_folder_ids,
)

DOCUMENTS_PER_PAGE = 25


def with_counts(folders):
    """Each folder with the number of its live documents (one query)."""
    return folders.annotate(document_count=Count(
        "documents", filter=Q(documents__deleted_at__isnull=True)))


@member_required
def library(request):
    """The search and its filters; without them, the root folders and the latest
    documents."""
    form = SearchForm(request.GET or None, user=request.user)
    context = {"form": form, "can_manage_folders": can_manage_folders(request.user),
               "can_empty_bin": can_empty_bin(request.user)}
    if form.is_bound and form.is_filtering():
        results = Paginator(search.find(request.user, form), DOCUMENTS_PER_PAGE)
        context.update(results=results.get_page(request.GET.get("page")),
                       query_string=form.query_string())
    else:
        context.update(
            folders=with_counts(Folder.objects.filter(
                parent__isnull=True, pk__in=readable_folder_ids(request.user))
            ).select_related("group"),
            recent=search.recent_for(request.user, limit=10),
        )
    return render(request, "extranet/documents/library.html", context)


def readable_folder(request, folder_id):
    folder = get_object_or_404(Folder.objects.select_related("group", "parent"), pk=folder_id)
    if not can_read_folder(request.user, folder):
        raise PermissionDenied
    return folder


@member_required
def folder_detail(request, folder_id):
    folder = readable_folder(request, folder_id)
    documents = (folder.documents.live().select_related("owner_association").defer("text")
                 .prefetch_related("tags").order_by("-updated_at", "-pk"))
    return render(request, "extranet/documents/folder_detail.html", {
        "folder": folder,
        "path": [*folder.ancestors(), folder],
        "subfolders": with_counts(folder.children.filter(
            pk__in=readable_folder_ids(request.user))).select_related("group"),
        "documents": Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page")),
        "can_add": can_add_to(request.user, folder),
        "can_manage_folders": can_manage_folders(request.user),
    })


def _manager_only(request):
    if not can_manage_folders(request.user):
        raise PermissionDenied


@member_required
def folder_create(request):
    _manager_only(request)
    initial = {}
    if request.GET.get("parent", "").isdigit():
        initial["parent"] = Folder.objects.filter(pk=request.GET["parent"]).first()
    form = FolderForm(request.POST or None, initial=initial, instance=Folder())
    if request.method == "POST" and form.is_valid():
        folder = form.save(commit=False)
        folder.created_by = request.user
        folder.save()
        forget_folders(request.user)
        messages.success(request, _("Le dossier « %(name)s » est créé.") % {"name": folder.name})
        return redirect("extranet:folder_detail", folder_id=folder.pk)
    return render(request, "extranet/documents/folder_form.html", {"form": form})


@member_required
def folder_edit(request, folder_id):
    _manager_only(request)
    folder = get_object_or_404(Folder, pk=folder_id)
    form = FolderForm(request.POST or None, instance=folder)
    if request.method == "POST" and form.is_valid():
        form.save()
        forget_folders(request.user)
        messages.success(request, _("Le dossier est enregistré."))
        return redirect("extranet:folder_detail", folder_id=folder.pk)
    return render(request, "extranet/documents/folder_form.html", {"form": form,
                                                                   "folder": folder})


@member_required
def folder_delete(request, folder_id):
    """GET asks to confirm; POST removes the folder, if it holds nothing (no subfolder, no
    document, not even in the bin: it could come back)."""
    _manager_only(request)
    folder = get_object_or_404(Folder.objects.select_related("parent"), pk=folder_id)
    holds = folder.children.exists() or folder.documents.exists()
    if request.method == "POST":
        with transaction.atomic():
            locked = Folder.objects.select_for_update().get(pk=folder.pk)
            if locked.children.exists() or locked.documents.exists():
                messages.error(request, _("Ce dossier contient encore des documents ou des "
                                          "sous-dossiers (la corbeille compte aussi) : "
                                          "déplacez-les d'abord."))
                return redirect("extranet:folder_detail", folder_id=folder.pk)
            locked.delete()
        messages.success(request, _("Le dossier « %(name)s » est supprimé.") % {
            "name": folder.name})
        if folder.parent_id:
            return redirect("extranet:folder_detail", folder_id=folder.parent_id)
        return redirect(reverse("extranet:library"))
    return render(request, "extranet/documents/folder_delete.html", {
        "folder": folder, "holds": holds})
