"""The pages of the extranet's part `dues` under /extranet/cotisations/ (included by
extranet/urls.py; each is in the access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.dues import member_views, receipts, treasurer_views

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
]
