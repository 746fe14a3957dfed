"""The pages of the extranet's part `mutual_aid` under /extranet/entraide/ (included by
extranet/urls.py; each is in the access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.mutual_aid import conversation_views, list_views, map_views, post_views

urlpatterns = [
    # The lists: the current posts, the archive, the person's associations' own.
    path("entraide/", list_views.aid_list, name="aid_list"),
    path("entraide/archives/", list_views.aid_archive, name="aid_archive"),
    path("entraide/mes-annonces/", list_views.aid_mine, name="aid_mine"),
    # The map of the current offers by commune, and its GeoJSON.
    path("entraide/carte/", map_views.aid_map, name="aid_map"),
    path("entraide/carte/donnees/", map_views.aid_map_data, name="aid_map_data"),
    # One post.
    path("entraide/nouvelle/", post_views.aid_post_create, name="aid_post_create"),
    path("entraide/<id:post_id>/", post_views.aid_post_detail, name="aid_post_detail"),
    path("entraide/<id:post_id>/modifier/", post_views.aid_post_edit, name="aid_post_edit"),
    path("entraide/<id:post_id>/clore/", post_views.aid_post_close, name="aid_post_close"),
    path("entraide/<id:post_id>/rouvrir/", post_views.aid_post_reopen,
         name="aid_post_reopen"),
    # The answers.
    path("entraide/conversations/<id:conversation_id>/", conversation_views.aid_conversation,
         name="aid_conversation"),
]
