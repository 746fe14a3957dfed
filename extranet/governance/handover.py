"""The handover list of the coordination: what the outgoing team leaves open for the incoming
one (open tasks, invitations, requests waiting for an answer, documents…).

Each part of the site that holds such things registers a section, `register(key, label,
provider)`, at its `AppConfig.ready()`: the governance registers the working groups' tasks,
the invitations, the associations' change requests and the shared documents kept for the
coordination or waiting in the bin (extranet/governance/apps.py); the joining app, above
the extranet, registers its join requests. `provider()` returns `(count, items)`: how many
there are, and at most `LIMIT` of them as `(title, url)` pairs, in two queries or so.
"""

from dataclasses import dataclass

LIMIT = 20


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    count: int
    items: list


_providers = {}


def register(key, label, provider, order=100):
    """Add (or replace) the section `key`: `label` is its heading, `provider()` its content."""
    _providers[key] = (order, label, provider)


def sections():
    """Every registered section, filled, in their order."""
    result = []
    for key, (_order, label, provider) in sorted(_providers.items(),
                                                 key=lambda item: (item[1][0], item[0])):
        count, items = provider()
        result.append(Section(key=key, label=label, count=count, items=list(items)[:LIMIT]))
    return result
