"""Joining's pages in the extranet (included under /extranet/adhesion/ by home/urls.py, the
extranet itself not knowing the joining app): an association leaves the collective."""

from django.urls import path

from joining import leaving_views

app_name = "joining"

urlpatterns = [
    path("<slug:slug>/quitter/", leaving_views.leave, name="leave"),
]
