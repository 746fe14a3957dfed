"""Who coordinates the collective besides the people with the coordinator role: the
associations whose term of coordination runs on a day. The accounts are the lowest part of
the extranet and know nothing of the governance, which holds the terms: it registers its
source here at `GovernanceConfig.ready()`.

A source is a function `source(on_date) -> set of association ids` (one query at most);
`is_coordinator` (extranet/accounts/permissions.py) asks them once per request.
"""

_sources = []


def register_coordinating_source(source):
    """Add a source of coordinating associations (once, however often it is registered)."""
    if source not in _sources:
        _sources.append(source)


def coordinating_association_ids(on_date):
    """The ids of the associations that coordinate the collective on `on_date`."""
    ids = set()
    for source in _sources:
        ids |= set(source(on_date))
    return ids
