"""Every page of the extranet under /extranet/ (allauth's account pages are under
/extranet/compte/, see portal/urls.py). Each view here is in the access matrix of
tests/extranet/test_access_matrix.py: a new one needs its line there."""

from django.urls import path

from extranet import views
from extranet.accounts import views as account_views
from extranet.news import views as news_views

app_name = "extranet"

urlpatterns = [
    path("", views.home, name="home"),
    path("profil/", account_views.profile, name="profile"),
    path("membres/", views.members, name="members"),
    path("associations/<slug:slug>/modifier/", views.association_edit,
         name="association_edit"),
    path("invitations/", account_views.invitations, name="invitations"),
    path("invitations/<int:invitation_id>/annuler/", account_views.invitation_revoke,
         name="invitation_revoke"),
    # Opened from the email, signed in or not: the token says which invitation.
    path("invitation/<str:token>/", account_views.invitation, name="invitation"),
    # The network's news (extranet.news).
    path("actualites/", news_views.news_list, name="news_list"),
    path("actualites/nouvelle/", news_views.post_create, name="post_create"),
    path("actualites/<int:post_id>/", news_views.post_detail, name="post_detail"),
    path("actualites/<int:post_id>/modifier/", news_views.post_edit, name="post_edit"),
    path("actualites/<int:post_id>/retirer/", news_views.post_withdraw, name="post_withdraw"),
    path("actualites/commentaires/<int:comment_id>/retirer/", news_views.comment_withdraw,
         name="comment_withdraw"),
    path("actualites/pieces-jointes/<int:attachment_id>/", news_views.attachment_download,
         name="attachment_download"),
]
