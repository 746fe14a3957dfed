"""The bodies as the shared documents see them (extranet/documents/bodies.py, registered in
extranet/governance/apps.py): a folder may be for the people of one body."""

from django.db.models import Exists, Q
from django.utils import timezone

from directory.models import Association
from extranet.accounts.permissions import association_ids, is_member
from extranet.governance.models import Body, BodyKind, BodySeat
from extranet.governance.models.bodies import current_filter


def choices():
    return Body.objects.order_by("name").values_list("pk", "name")


def ids_for(user):
    """The bodies where an association the user acts for sits today, as
    `Body.member_associations` says: the plenary for the people of a member association,
    the others by their current seats (one query)."""
    if not is_member(user):
        return set()
    acting = Association.objects.members().filter(pk__in=association_ids(user))
    seats = BodySeat.objects.filter(current_filter(timezone.localdate()),
                                    association__in=acting)
    return set(Body.objects.filter(
        (Q(kind=BodyKind.PLENARY) & Q(Exists(acting))) | Q(pk__in=seats.values("body_id"))
    ).values_list("pk", flat=True))
