"""The impact reports' pages under /extranet/utilite-sociale/ (included by extranet/urls.py;
each is in the access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path  # noqa: F401

urlpatterns = [
]
