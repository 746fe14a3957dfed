from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "extranet.accounts"
    label = "accounts"
    verbose_name = _("Comptes et rattachements")

    def ready(self):
        from allauth.account.models import EmailAddress
        from django.contrib.auth import get_user_model

        from extranet.accounts import personal_data
        from extranet.accounts.models import Invitation, Membership, Profile, RoleChange
        from portal import personal_data as registry

        # What the accounts hold on people, and how long (manage.py export/erase/
        # purge_personal_data). Erasing closes the account: it runs after the other apps'
        # erasure, which find the account by its address.
        registry.register(
            "invitations", label=_("Invitations à l'extranet"),
            export=personal_data.export_invitations, erase=personal_data.erase_invitations,
            retention=personal_data.INVITATION_RETENTION,
        )
        registry.register(
            "accounts", label=_("Comptes utilisateurs, profils et rattachements"),
            export=personal_data.export, erase=personal_data.erase,
            retention=personal_data.ACCOUNT_RETENTION, erase_last=True,
        )
        registry.register_models(get_user_model(), EmailAddress, Profile, Membership,
                                 RoleChange, Invitation)
