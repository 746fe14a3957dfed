"""The decisions that adopt the charter's versions, as the decision register knows them.

The charter sits below the extranet, whose governance keeps the register: the charter does
not import it. The governance registers, in its `AppConfig.ready()`, one function that reads
the register:

    adoptions.register(lookup)

where `lookup(numbers, request=None)` returns {number: AdoptingDecision} for the numbers of
`numbers` that are decisions of the register (the unknown ones are left out), in one or two
queries whatever their count. `url` is the decision's public page in the active language, or
None when the decision is not public (or the site has no page for the decisions).

Without a registered lookup (the charter alone), no number is known: a charter page citing
one is refused.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AdoptingDecision:
    number: str
    decided_on: datetime.date
    title: str
    adopted: bool
    url: str | None = None


_lookups: list[Callable] = []


def register(lookup):
    """Declare a function that reads the register (registering it again changes nothing)."""
    if lookup not in _lookups:
        _lookups.append(lookup)


def unregister(lookup):
    if lookup in _lookups:
        _lookups.remove(lookup)


def decisions(numbers, request=None):
    """{number: AdoptingDecision} for those of `numbers` the register knows."""
    wanted = {number for number in numbers if number}
    found = {}
    if not wanted:
        return found
    for lookup in _lookups:
        found.update(lookup(wanted - set(found), request=request))
    return found


def decision(number, request=None):
    """The decision of the register numbered `number`, or None if there is none."""
    return decisions([number], request).get(number)
