"""The governance's pages under /extranet/ (added to the extranet's URLs by extranet/urls.py,
in its namespace: every one of them needs its line in tests/extranet/test_access_matrix.py).
Grouped by what they are about."""

from django.urls import path

from extranet.governance import body_views, proposal_views

urlpatterns = [
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
]
