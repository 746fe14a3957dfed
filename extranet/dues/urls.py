"""The pages of the extranet's part `dues` (included by extranet/urls.py; each is in the
access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.dues import fund_views

urlpatterns = []

# The solidarity fund (extranet/dues/fund_views.py): every member reads the ledger; the
# coordinators record a gift, an aid decided by the register, a correction of an entry. No
# page changes nor deletes an entry.
urlpatterns += [
    path("fonds-de-solidarite/", fund_views.fund_ledger, name="fund_ledger"),
    path("fonds-de-solidarite/don/", fund_views.fund_gift, name="fund_gift"),
    path("fonds-de-solidarite/aide/", fund_views.fund_aid, name="fund_aid"),
    path("fonds-de-solidarite/ecritures/<id:entry_id>/corriger/", fund_views.fund_correction,
         name="fund_correction"),
]
