"""The impact reports' pages under /extranet/utilite-sociale/ (included by extranet/urls.py;
each is in the access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.impact import review_views

urlpatterns = [
    # The coordinators' review.
    path("utilite-sociale/suivi/", review_views.impact_reports, name="impact_reports"),
    path("utilite-sociale/rapports/<id:report_id>/", review_views.impact_report_review,
         name="impact_report_review"),
    path("utilite-sociale/rapports/<id:report_id>/valider/",
         review_views.impact_report_validate, name="impact_report_validate"),
    path("utilite-sociale/rapports/<id:report_id>/renvoyer/",
         review_views.impact_report_send_back, name="impact_report_send_back"),
]
