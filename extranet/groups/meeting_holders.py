"""Meetings that a higher part of the extranet holds (a body's meeting is convened, moved and
cancelled by extranet.governance, which emails the associations each time) are not the
working groups' to change: their pages neither list them nor open them for a change.

Such a part registers, at its AppConfig.ready(), the name of its one-to-one relation to
`Meeting` (`related_name`); the groups never import it."""

from django.db.models import Q

_relations = []


def register(relation):
    """`relation`: the related_name of a OneToOneField to extranet.groups.models.Meeting."""
    if relation not in _relations:
        _relations.append(relation)


def held_elsewhere():
    """A filter on Meeting: those another part holds (nothing when none registered)."""
    condition = Q(pk__in=[])
    for relation in _relations:
        condition |= Q(**{f"{relation}__isnull": False})
    return condition
