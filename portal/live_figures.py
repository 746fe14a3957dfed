"""Live figures: numbers the site counts itself, that editors place in pages (the "Chiffres
en direct" block of the guide for elected officials) rather than typing them.

Each app declares its figures in its `AppConfig.ready()`:

    live_figures.register(
        "directory.members", label=_("associations membres du collectif"),
        compute=count_members, source=_("Annuaire du collectif"),
    )

- `key` names the figure for good: pages store it, so it is never reused for another number
  (a figure that is no longer registered shows nothing where it was placed);
- `compute()` returns the number (an int), with a few queries at most;
- `label` and `source` are what the block shows under and beside the number (French source
  strings, translated lazily);
- `unit` (optional) is shown after the number, for example "%" or "€".

Each value is kept in the Django cache for `CACHE_TIMEOUT` seconds, one key per figure, so a
page showing six figures costs no query once warm. An app whose data changed calls
`refresh(*keys)` (from a signal receiver, for example) so that its figures are counted again
at the next reading rather than a few minutes later.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache

CACHE_TIMEOUT = 10 * 60  # seconds a figure is kept before being counted again
CACHE_PREFIX = "live-figure:"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    compute: Callable[[], int]
    source: str = ""
    unit: str = ""


_figures = {}


def register(key, *, label, compute, source="", unit=""):
    """Declare the figure `key` (registering the same key again replaces it)."""
    _figures[key] = Figure(key=key, label=label, compute=compute, source=source, unit=unit)


def unregister(key):
    """Forget the figure `key` (pages that show it then show nothing in its place)."""
    _figures.pop(key, None)
    cache.delete(CACHE_PREFIX + key)


def refresh(*keys):
    """Drop the cached values of the figures `keys`: they are counted again when next shown."""
    cache.delete_many([CACHE_PREFIX + key for key in keys])


def figures():
    """The registered figures, in the order they registered (that of INSTALLED_APPS)."""
    return list(_figures.values())


def get(key):
    """The figure registered under `key`, or None."""
    return _figures.get(key)


def choices():
    """(key, label) of every registered figure: the choices of the block, read each time a
    form is built, so that figures registered later appear without a migration."""
    return [(figure.key, figure.label) for figure in figures()]


def value(key):
    """The current number of the figure `key` (from the cache when counted less than
    CACHE_TIMEOUT seconds ago), or None for an unknown key."""
    figure = get(key)
    if figure is None:
        return None
    return cache.get_or_set(CACHE_PREFIX + key, figure.compute, CACHE_TIMEOUT)
