"""Who the public site shows as the collective's members: member associations
(`Association.objects.members()`: the joining app keeps the rule) whose page is published."""

from directory.models.associations import Association


def public_members():
    """The member associations the public site shows, by name."""
    return Association.objects.members().published().order_by("name")


def members_count():
    """How many member associations the public site shows (one COUNT query)."""
    return public_members().count()
