"""The page /donnees-personnelles/ (public, under each language's prefix; its address is
translated: /en/personal-data/)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from portal import data_request_views as views

app_name = "personal_data"

urlpatterns = [
    path(pgettext_lazy("URL", "donnees-personnelles/"), views.request_form, name="request"),
    path(pgettext_lazy("URL", "donnees-personnelles/envoye/"), views.sent, name="sent"),
    path(pgettext_lazy("URL", "donnees-personnelles/confirmer/<str:token>/"), views.confirm,
         name="confirm"),
]
