from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Pages générales")

    def ready(self):
        from wagtail.signals import page_published

        from home.charter import CharterPage, CharterSignature
        from home.charter_services import page_published as charter_published
        from portal import personal_data as registry

        # A published charter whose text changed is kept as a new version.
        page_published.connect(charter_published, sender=CharterPage,
                               dispatch_uid="home_charter_version_on_publish")
        # Who recorded a signature by hand (portal/personal_data.py).
        registry.register_models(CharterSignature)
