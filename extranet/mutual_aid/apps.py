from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MutualAidConfig(AppConfig):
    name = "extranet.mutual_aid"
    label = "mutual_aid"
    verbose_name = _("Entraide")
