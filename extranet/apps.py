from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExtranetConfig(AppConfig):
    name = "extranet"
    verbose_name = _("Extranet")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from extranet import second_factor

        authenticator_added.connect(second_factor.remember_set_up_here,
                                    dispatch_uid="second_factor_set_up_here")
