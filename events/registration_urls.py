"""Registration to events (public, under each language's prefix)."""

from django.urls import path

from events import registration_views as views

app_name = "event_registration"

urlpatterns = [
    path("inscription/<id:page_id>/", views.register, name="register"),
    path("inscription/<id:page_id>/merci/", views.done, name="done"),
    path("annulation/<uuid:token>/", views.cancel, name="cancel"),
]
