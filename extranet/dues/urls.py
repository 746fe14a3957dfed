"""The pages of the extranet's part `dues` under /extranet/cotisations/ and
/extranet/fonds-de-solidarite/ (included by extranet/urls.py; each is in the access matrix
of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.dues import fund_views, member_views, receipts, treasurer_views

urlpatterns = [
    # The member associations: their dues, declaring the budget, the receipts.
    path("cotisations/", member_views.dues_home, name="dues_home"),
    path("cotisations/<id:association_id>/<int:year>/declarer/", member_views.dues_declare,
         name="dues_declare"),
    path("cotisations/recus/<id:dues_id>/", receipts.dues_receipt, name="dues_receipt"),
    # The treasurer (the coordinators).
    path("cotisations/suivi/", treasurer_views.dues_list, name="dues_list"),
    path("cotisations/suivi/export/", treasurer_views.dues_export, name="dues_export"),
    path("cotisations/<id:dues_id>/paiement/", treasurer_views.dues_record_payment,
         name="dues_record_payment"),
    path("cotisations/<id:dues_id>/paiement/modifier/", treasurer_views.dues_payment_edit,
         name="dues_payment_edit"),
    # The solidarity fund: every member reads the ledger; the coordinators record a gift,
    # an aid decided by the register, a correction of an entry. No page changes nor
    # deletes an entry.
    path("fonds-de-solidarite/", fund_views.fund_ledger, name="fund_ledger"),
    path("fonds-de-solidarite/don/", fund_views.fund_gift, name="fund_gift"),
    path("fonds-de-solidarite/aide/", fund_views.fund_aid, name="fund_aid"),
    path("fonds-de-solidarite/ecritures/<id:entry_id>/corriger/", fund_views.fund_correction,
         name="fund_correction"),
]
