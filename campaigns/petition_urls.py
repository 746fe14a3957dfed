"""Petitions (public, under each language's prefix)."""

from django.urls import path

from campaigns import petition_views as views

app_name = "petitions"

urlpatterns = [
    path("signer/<id:page_id>/", views.sign, name="sign"),
    path("signer/<id:page_id>/merci/", views.done, name="done"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("lettre/<str:token>/", views.letter, name="letter"),
    path("compteur/<id:page_id>.json", views.counter, name="counter"),
]
