"""The governance's pages under /extranet/ (added to the extranet's URLs by extranet/urls.py,
in its namespace: every one of them needs its line in tests/extranet/test_access_matrix.py).
Grouped by what they are about."""

from django.urls import path

from extranet.governance import coordination_views

urlpatterns = [
    # The rotating coordination: who coordinates and who did, the rotation order, the
    # handover list.
    path("coordination/", coordination_views.coordination_history,
         name="coordination_history"),
    path("coordination/rotation/", coordination_views.coordination_rotation,
         name="coordination_rotation"),
    path("coordination/passation/", coordination_views.coordination_handover,
         name="coordination_handover"),
]
