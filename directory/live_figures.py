"""The directory's live figures (see portal/live_figures.py), registered by DirectoryConfig:
what the directory counts of the department's associations, published and not dissolved."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import live_figures

SOURCE = _("Annuaire du collectif (Répertoire national des associations et fiches des "
           "associations)")


def listed():
    from directory.models import Association

    return Association.objects.published().active()


def count_associations():
    return listed().count()


def count_members():
    from directory.members import members_count

    return members_count()


def count_communes():
    return listed().exclude(commune=None).values("commune_id").distinct().count()


def count_created_last_year():
    since = timezone.localdate() - datetime.timedelta(days=365)
    return listed().filter(created_on__gt=since).count()


def count_sectors():
    from directory.models import Sector

    return Sector.objects.filter(associations__in=listed()).distinct().count()


def register():
    live_figures.register(
        "directory.associations", label=_("associations en activité dans l'annuaire"),
        compute=count_associations, source=SOURCE,
    )
    live_figures.register(
        "directory.members", label=_("associations membres du collectif"),
        compute=count_members, source=_("Adhésions au collectif"),
    )
    live_figures.register(
        "directory.communes", label=_("communes où siège au moins une association"),
        compute=count_communes, source=SOURCE,
    )
    live_figures.register(
        "directory.created_last_year", label=_("associations créées ces douze derniers mois"),
        compute=count_created_last_year, source=SOURCE,
    )
    live_figures.register(
        "directory.sectors", label=_("secteurs d'activité représentés"),
        compute=count_sectors, source=SOURCE,
    )
