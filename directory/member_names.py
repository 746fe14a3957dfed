"""The published member associations by name, as each process keeps them: a signer who types
the name of a member association in a petition is linked to it, without a query at each
signature of a burst (campaigns.forms.PetitionForm).

Kept under a version that changes with the directory's caches (directory.signals: when an
association is saved or deleted, when the members are refreshed or an RNA import ends), and
loaded again after `LIFETIME` seconds whatever the version, for the changes that send no
signal and say nothing (a bulk update from a shell).
"""

from directory.models.associations import Association
from portal.process_cache import ProcessCache

LIFETIME = 5 * 60
MEMBERS = ProcessCache("directory:member-names:version", size=1, lifetime=LIFETIME)
VERSION_KEY = MEMBERS.version_key


def normalized(name):
    """A name as it is compared: case, spaces around it and repeated spaces do not count."""
    return " ".join(name.split()).casefold()


def load():
    """{normalized name: id} of the published member associations; of two with the same
    name, the older one."""
    members = (Association.objects.members().published()
               .order_by("-pk").values_list("pk", "name"))
    return {normalized(name): pk for pk, name in members}


def member_association_id(name, version=None):
    """The id of the published member association called `name` (case and spaces aside),
    else None. `version`: the value of VERSION_KEY when the caller read it in a round trip of
    its own (else it is read here)."""
    name = normalized(name or "")
    if not name:
        return None
    if version is None:
        version = MEMBERS.current_version()
    return MEMBERS.get("names", version, load).get(name)
