"""Who reads and changes what in the library (gathered in extranet/permissions.py).

A folder's rule says who reads it: every member, the people of a working group, the people
of the associations of a governance body, the coordinators, or everybody (public, then also
on the portal). A folder is read only by those who may read every folder above it. The
coordinators read every folder: they keep the library, its bin and its journal.

Whoever reads a folder may add documents to it, except a public folder, which only the
coordinators fill (what is there is published on the portal). A document is changed (its
details, a new version, the bin) by the people of its owner association and by the
coordinators. Folders are made, changed and removed by the coordinators.

The folders a person reads are worked out once per request from every folder (one query;
a collective has tens of folders, not thousands) and kept on the user object.
"""

from extranet.accounts.permissions import association_ids, is_coordinator, is_member
from extranet.documents import bodies
from extranet.documents.models import Audience, Folder
from extranet.groups.permissions import group_ids

READABLE_ATTRIBUTE = "_documents_readable_folders"


def _opens(folder, member, groups, body_ids):
    audience = folder["audience"]
    if audience == Audience.PUBLIC:
        return True
    if not member:
        return False
    if audience == Audience.MEMBERS:
        return True
    if audience == Audience.GROUP:
        return folder["group_id"] in groups
    if audience == Audience.BODY:
        return folder["body_id"] in body_ids
    return False


def readable_folder_ids(user):
    """The ids of the folders `user` (anonymous too) may read."""
    ids = getattr(user, READABLE_ATTRIBUTE, None)
    if ids is not None:
        return ids
    folders = {row["pk"]: row for row in Folder.objects.values(
        "pk", "parent_id", "audience", "group_id", "body_id")}
    if is_coordinator(user):
        ids = frozenset(folders)
    else:
        member = is_member(user)
        audiences = {row["audience"] for row in folders.values()}
        # Each costs a query: asked only when a folder has that rule.
        groups = group_ids(user) if member and Audience.GROUP in audiences else set()
        body_ids = bodies.ids_for(user) if member and Audience.BODY in audiences else set()
        opens = {pk: _opens(row, member, groups, body_ids) for pk, row in folders.items()}

        def readable(pk, depth=0):
            row = folders[pk]
            if not opens[pk] or depth > len(folders):
                return False
            return row["parent_id"] is None or readable(row["parent_id"], depth + 1)

        ids = frozenset(pk for pk in folders if readable(pk))
    if getattr(user, "is_authenticated", False):
        setattr(user, READABLE_ATTRIBUTE, ids)
    return ids


def forget_folders(user):
    if hasattr(user, READABLE_ATTRIBUTE):
        delattr(user, READABLE_ATTRIBUTE)


def public_folder_ids():
    """The folders everybody reads: public, and in public folders only."""

    class Visitor:
        is_authenticated = False
        is_active = False

    return readable_folder_ids(Visitor())


def can_read_folder(user, folder):
    return getattr(folder, "pk", folder) in readable_folder_ids(user)


def can_read_document(user, document):
    """A live document of a folder the user reads (the bin is the coordinators')."""
    if document.in_bin:
        return is_coordinator(user)
    return can_read_folder(user, document.folder_id)


def can_add_to(user, folder):
    if not is_member(user) or not can_read_folder(user, folder):
        return False
    return is_coordinator(user) or folder.audience != Audience.PUBLIC


def can_change_document(user, document):
    """May change its details, add a version, move it (within what one may fill) and bin it."""
    if document.in_bin or not is_member(user):
        return False
    return is_coordinator(user) or (
        document.owner_association_id in association_ids(user)
        and can_add_to(user, document.folder)
    )


def can_manage_folders(user):
    return is_coordinator(user)


def can_empty_bin(user):
    """May read the bin, restore from it, and read a document's journal."""
    return is_coordinator(user)


can_read_journal = can_empty_bin
