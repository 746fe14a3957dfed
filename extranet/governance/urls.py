"""The governance's pages under /extranet/ (added to the extranet's URLs by extranet/urls.py,
in its namespace: every one of them needs its line in tests/extranet/test_access_matrix.py).
Grouped by what they are about."""

from django.urls import path

from extranet.governance import meeting_session_views, meeting_views

urlpatterns = [
    # The meetings of the bodies ("séances", to stay clear of the groups' "reunions/").
    path("seances/", meeting_views.body_meeting_list, name="body_meeting_list"),
    path("seances/nouvelle/", meeting_views.body_meeting_create, name="body_meeting_create"),
    path("seances/<id:body_meeting_id>/", meeting_views.body_meeting_detail,
         name="body_meeting_detail"),
    path("seances/<id:body_meeting_id>/modifier/", meeting_views.body_meeting_edit,
         name="body_meeting_edit"),
    path("seances/<id:body_meeting_id>/annuler/", meeting_views.body_meeting_cancel,
         name="body_meeting_cancel"),
    path("seances/documents/<id:meeting_document_id>/", meeting_views.body_meeting_document,
         name="body_meeting_document"),
    path("seances/<id:body_meeting_id>/procuration/", meeting_session_views.body_meeting_proxy,
         name="body_meeting_proxy"),
    path("seances/<id:body_meeting_id>/presences/",
         meeting_session_views.body_meeting_attendance, name="body_meeting_attendance"),
    path("seances/<id:body_meeting_id>/votes/ouvrir/",
         meeting_session_views.body_meeting_ballot_open, name="body_meeting_ballot_open"),
    path("seances/<id:body_meeting_id>/votes/<id:meeting_ballot_id>/",
         meeting_session_views.body_meeting_ballot, name="body_meeting_ballot"),
    path("seances/<id:body_meeting_id>/compte-rendu/",
         meeting_session_views.body_meeting_minutes, name="body_meeting_minutes"),
    path("seances/<id:body_meeting_id>/approuver-compte-rendu/",
         meeting_session_views.body_meeting_approve_minutes,
         name="body_meeting_approve_minutes"),
]
