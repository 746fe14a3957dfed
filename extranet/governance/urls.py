"""The governance's pages under /extranet/ (added to the extranet's URLs by extranet/urls.py,
in its namespace: every one of them needs its line in tests/extranet/test_access_matrix.py).
Grouped by what they are about."""

from django.urls import path

from extranet.governance import (
    ballot_views,
    body_views,
    coordination_views,
    home_views,
    meeting_session_views,
    meeting_views,
    proposal_views,
    proxy_views,
    register_views,
)

urlpatterns = [
    # The rotating coordination: who coordinates and who did, the rotation order, the
    # handover list.
    path("coordination/", coordination_views.coordination_history,
         name="coordination_history"),
    path("coordination/rotation/", coordination_views.coordination_rotation,
         name="coordination_rotation"),
    path("coordination/passation/", coordination_views.coordination_handover,
         name="coordination_handover"),
    # The coordinators' screen (every member reads it).
    path("gouvernance/", home_views.governance_home, name="governance_home"),
    # Online ballots, their proxies, and counting them.
    path("propositions/<id:proposal_id>/mettre-au-vote/", ballot_views.ballot_open,
         name="ballot_open"),
    path("votes/", ballot_views.ballot_list, name="ballot_list"),
    path("votes/<id:ballot_id>/", ballot_views.ballot_detail, name="ballot_detail"),
    path("votes/<id:ballot_id>/procuration/", proxy_views.ballot_proxy, name="ballot_proxy"),
    path("votes/<id:ballot_id>/depouiller/", ballot_views.ballot_close, name="ballot_close"),
    # The decision register: read, exported, printed; corrected by a new decision only.
    # "export.csv" and "imprimer" come before a decision's number.
    path("decisions/", register_views.decision_list, name="decision_list"),
    path("decisions/export.csv", register_views.decision_export, name="decision_export"),
    path("decisions/imprimer/", register_views.decision_print, name="decision_print"),
    path("decisions/<str:number>/", register_views.decision_detail, name="decision_detail"),
    path("decisions/<str:number>/corriger/", register_views.decision_correct,
         name="decision_correct"),
    # The bodies, their rules and seats. "nouvelle" is not a body's slug (body_forms).
    path("instances/", body_views.body_list, name="body_list"),
    path("instances/nouvelle/", body_views.body_create, name="body_create"),
    path("instances/<slug:body_slug>/", body_views.body_detail, name="body_detail"),
    path("instances/<slug:body_slug>/modifier/", body_views.body_edit, name="body_edit"),
    path("instances/<slug:body_slug>/sieges/", body_views.body_seats, name="body_seats"),
    # The proposals and their discussion.
    path("propositions/", proposal_views.proposal_list, name="proposal_list"),
    path("propositions/nouvelle/", proposal_views.proposal_create, name="proposal_create"),
    path("propositions/<id:proposal_id>/", proposal_views.proposal_detail,
         name="proposal_detail"),
    path("propositions/<id:proposal_id>/modifier/", proposal_views.proposal_edit,
         name="proposal_edit"),
    path("propositions/<id:proposal_id>/retirer/", proposal_views.proposal_withdraw,
         name="proposal_withdraw"),
    path("propositions/commentaires/<id:comment_id>/retirer/",
         proposal_views.proposal_comment_withdraw, name="proposal_comment_withdraw"),
    path("propositions/commentaires/<id:comment_id>/reprendre/",
         proposal_views.proposal_amendment_take_in, name="proposal_amendment_take_in"),
    path("propositions/pieces-jointes/<id:attachment_id>/",
         proposal_views.proposal_attachment_download, name="proposal_attachment_download"),
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
