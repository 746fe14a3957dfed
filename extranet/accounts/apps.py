from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "extranet.accounts"
    label = "accounts"
    verbose_name = _("Comptes et adhésions")

    def ready(self):
        from allauth.account.models import EmailAddress
        from django.contrib.auth import get_user_model

        from extranet.accounts import personal_data
        from extranet.accounts.models import Invitation, Membership, Profile, RoleChange
        from portal import personal_data as registry

        # What the accounts hold on people (manage.py export_personal_data). They are not
        # erased by erase_personal_data: an administrator closes an account.
        registry.register(
            "accounts", label=_("Comptes utilisateurs, profils et adhésions"),
            export=personal_data.export, notice=personal_data.notice,
        )
        registry.register_models(get_user_model(), EmailAddress, Profile, Membership,
                                 RoleChange, Invitation)
