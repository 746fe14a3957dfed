"""The impact reports' pages under /extranet/utilite-sociale/ (included by extranet/urls.py;
each is in the access matrix of tests/extranet/test_access_matrix.py)."""

from django.urls import path

from extranet.impact import member_views, review_views

urlpatterns = [
    # The member associations fill their reports.
    path("utilite-sociale/", member_views.impact_home, name="impact_home"),
    path("utilite-sociale/<id:association_id>/<int:year>/", member_views.impact_report_edit,
         name="impact_report_edit"),
    path("utilite-sociale/rapports/<id:report_id>/photo/", member_views.impact_report_photo,
         name="impact_report_photo"),
    # The coordinators' review.
    path("utilite-sociale/suivi/", review_views.impact_reports, name="impact_reports"),
    path("utilite-sociale/rapports/<id:report_id>/", review_views.impact_report_review,
         name="impact_report_review"),
    path("utilite-sociale/rapports/<id:report_id>/valider/",
         review_views.impact_report_validate, name="impact_report_validate"),
    path("utilite-sociale/rapports/<id:report_id>/renvoyer/",
         review_views.impact_report_send_back, name="impact_report_send_back"),
]
