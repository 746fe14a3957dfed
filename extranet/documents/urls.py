"""The library's pages under /extranet/documents/ (included by extranet/urls.py; each is in
the access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.documents import bin_views, document_views, download_views, library_views

urlpatterns = [
    path("documents/", library_views.library, name="library"),
    path("documents/dossiers/nouveau/", library_views.folder_create, name="folder_create"),
    path("documents/dossiers/<id:folder_id>/", library_views.folder_detail,
         name="folder_detail"),
    path("documents/dossiers/<id:folder_id>/modifier/", library_views.folder_edit,
         name="folder_edit"),
    path("documents/dossiers/<id:folder_id>/supprimer/", library_views.folder_delete,
         name="folder_delete"),
    path("documents/nouveau/", document_views.document_create, name="document_create"),
    path("documents/corbeille/", bin_views.document_bin_list, name="document_bin_list"),
    path("documents/<id:document_id>/", document_views.document_detail,
         name="document_detail"),
    path("documents/<id:document_id>/modifier/", document_views.document_edit,
         name="document_edit"),
    path("documents/<id:document_id>/nouvelle-version/", document_views.version_create,
         name="version_create"),
    path("documents/<id:document_id>/corbeille/", document_views.document_bin,
         name="document_bin"),
    path("documents/<id:document_id>/restaurer/", bin_views.document_restore,
         name="document_restore"),
    path("documents/<id:document_id>/journal/", bin_views.document_journal,
         name="document_journal"),
    path("documents/<id:document_id>/telecharger/", download_views.download,
         name="document_download"),
    path("documents/<id:document_id>/versions/<int:number>/telecharger/",
         download_views.version_download, name="version_download"),
]
