"""Who the public site shows as the collective's members: member associations
(`Association.is_member`, kept by the memberships) whose page is published and that are not
dissolved."""

from directory.models.associations import Association


def public_members():
    """The member associations the public site shows, by name."""
    return Association.objects.members().published().active().order_by("name")


def members_count():
    """How many member associations the public site shows (one COUNT query)."""
    return public_members().count()
