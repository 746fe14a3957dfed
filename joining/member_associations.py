"""Which associations are members of the collective: the joining app owns the rule.

An association is a member while it has a current adhesion (`CollectiveMembership`, made
when its join request is accepted) or, as before adhesions existed, while somebody currently
acts for it (extranet.accounts `Membership`); a dissolved one is not, whatever it holds
(`Association.objects.members()`, the one query everybody asks). The rule is kept in
`Association.is_member`: refreshed for the associations a change touches (an adhesion
accepted here, a membership changed in the extranet, which sends `memberships_changed`), and
every day for all (`manage.py refresh_member_associations`: adhesions and memberships start
and end by date).
"""

from django.db.models import Exists, F, OuterRef

from directory.models import Association
from directory.signals import association_changed
from extranet.accounts.models import Membership
from joining.models import CollectiveMembership


def refresh_member_associations(association_ids=None):
    """Set `Association.is_member` from the current adhesions and memberships, for the given
    associations (all by default). Returns how many associations changed."""
    associations = Association.objects.all()
    if association_ids is not None:
        associations = associations.filter(pk__in=association_ids)
    current = Membership.objects.current().filter(association=OuterRef("pk"))
    adhesion = CollectiveMembership.objects.current().filter(association=OuterRef("pk"))
    associations = associations.annotate(should_be=Exists(current) | Exists(adhesion))
    changed = associations.exclude(is_member=F("should_be"))
    count = 0
    for value in (True, False):
        count += Association.objects.filter(
            pk__in=changed.filter(should_be=value).values("pk")
        ).update(is_member=value)
    if count:
        association_changed(sender=Association)  # update() sends no signal
    return count


def memberships_changed(sender, association_ids, **kwargs):
    """Receiver of extranet.accounts.signals.memberships_changed."""
    refresh_member_associations(association_ids)
