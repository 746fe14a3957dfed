"""The pages of the extranet's part `mutual_aid` (included by extranet/urls.py; each is in the
access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.mutual_aid import map_views

urlpatterns = [
    # The map of the current offers by commune, and its GeoJSON.
    path("entraide/carte/", map_views.aid_map, name="aid_map"),
    path("entraide/carte/donnees/", map_views.aid_map_data, name="aid_map_data"),
]
