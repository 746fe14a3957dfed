"""Every page of the extranet under /extranet/ (allauth's account pages are under
/extranet/compte/, see home/urls.py). Each view here is in the access matrix of
tests/extranet/test_access_matrix.py: a new one needs its line there."""

from django.urls import path

from extranet import views
from extranet.accounts import views as account_views
from extranet.documents import urls as document_urls
from extranet.dues import urls as dues_urls
from extranet.governance import urls as governance_urls
from extranet.groups import views as group_views
from extranet.impact import urls as impact_urls
from extranet.mutual_aid import urls as mutual_aid_urls
from extranet.news import views as news_views

app_name = "extranet"

urlpatterns = [
    path("", views.home, name="home"),
    path("profil/", account_views.profile, name="profile"),
    path("membres/", views.members, name="members"),
    path("associations/<slug:slug>/modifier/", views.association_edit,
         name="association_edit"),
    path("rattachements/", account_views.memberships, name="memberships"),
    path("rattachements/<id:membership_id>/", account_views.membership_edit,
         name="membership_edit"),
    path("invitations/", account_views.invitations, name="invitations"),
    path("invitations/<id:invitation_id>/annuler/", account_views.invitation_revoke,
         name="invitation_revoke"),
    # Opened from the email, signed in or not: the token says which invitation.
    path("invitation/<str:token>/", account_views.invitation, name="invitation"),
    # The network's news (extranet.news).
    path("actualites/", news_views.news_list, name="news_list"),
    path("actualites/nouvelle/", news_views.post_create, name="post_create"),
    path("actualites/<id:post_id>/", news_views.post_detail, name="post_detail"),
    path("actualites/<id:post_id>/modifier/", news_views.post_edit, name="post_edit"),
    path("actualites/<id:post_id>/retirer/", news_views.post_withdraw, name="post_withdraw"),
    path("actualites/commentaires/<id:comment_id>/retirer/", news_views.comment_withdraw,
         name="comment_withdraw"),
    path("actualites/pieces-jointes/<id:attachment_id>/", news_views.attachment_download,
         name="attachment_download"),
    # Working groups, their tasks and meetings. "nouveau" is not a group's slug
    # (extranet.groups.models.RESERVED_SLUGS).
    path("groupes/", group_views.group_list, name="group_list"),
    path("groupes/nouveau/", group_views.group_create, name="group_create"),
    path("groupes/<slug:group_slug>/", group_views.group_detail, name="group_detail"),
    path("groupes/<slug:group_slug>/modifier/", group_views.group_edit, name="group_edit"),
    path("groupes/<slug:group_slug>/rejoindre/", group_views.group_join, name="group_join"),
    path("groupes/<slug:group_slug>/quitter/", group_views.group_leave, name="group_leave"),
    path("groupes/<slug:group_slug>/taches/nouvelle/", group_views.task_create,
         name="task_create"),
    path("groupes/<slug:group_slug>/reunions/nouvelle/", group_views.meeting_create,
         name="meeting_create"),
    path("taches/<id:task_id>/", group_views.task_edit, name="task_edit"),
    path("reunions/", group_views.meeting_list, name="meeting_list"),
    path("reunions/nouvelle/", group_views.network_meeting_create,
         name="network_meeting_create"),
    path("reunions/<id:meeting_id>/modifier/", group_views.meeting_edit, name="meeting_edit"),
    path("reunions/<id:meeting_id>/annuler/", group_views.meeting_cancel,
         name="meeting_cancel"),
    # The shared documents: folders, documents, versions, the bin
    # (extranet/documents/urls.py).
    *document_urls.urlpatterns,
    # The governance: bodies, proposals, ballots, meetings, the decision register and the
    # coordination (extranet/governance/urls.py).
    *governance_urls.urlpatterns,
    # The yearly impact reports of the member associations and their review by the
    # coordinators (extranet/impact/urls.py).
    *impact_urls.urlpatterns,
    # Mutual aid between the member associations: offers, requests, the answers through the
    # site (extranet/mutual_aid/urls.py).
    *mutual_aid_urls.urlpatterns,
    # The dues of the member associations and the solidarity fund (extranet/dues/urls.py).
    *dues_urls.urlpatterns,
]
