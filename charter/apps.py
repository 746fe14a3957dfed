from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CharterConfig(AppConfig):
    name = "charter"
    verbose_name = _("Charte du collectif")

    def ready(self):
        from wagtail.signals import page_published

        from charter.models import CharterPage, CharterSignature
        from charter.services import page_published as charter_published
        from portal import personal_data as registry

        # A published charter whose text changed is kept as a new version.
        page_published.connect(charter_published, sender=CharterPage,
                               dispatch_uid="charter_version_on_publish")
        # Who recorded a signature by hand (portal/personal_data.py).
        registry.register_models(CharterSignature)
        # What the public pages show of it: they are made again when it changes.
        from charter.models import CharterVersion
        from portal import page_cache

        page_cache.invalidate_on_change(CharterVersion, CharterSignature)
