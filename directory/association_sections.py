"""Sections of an association's page in the directory that other apps add: its events, the
campaigns it carries, later its impact reports. The directory shows them without knowing
those apps: each registers its section in its `AppConfig.ready()`:

    association_sections.register(
        "events", template="events/includes/association_events.html",
        context=events_of_association, order=10,
    )

- `key` names the section (registering the same key again replaces it);
- `context(association, locale)` returns what the template needs, as a dict, or None when the
  section has nothing to show (the page then leaves it out); a few queries at most, whatever
  the number of items;
- `template` renders the section, a `<section>` with its own heading, given `section` (the
  dict returned by `context`) and the page's context;
- sections appear by `order`, then in the order they registered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 0


_sections = {}


def register(key, *, template, context, order=0):
    """Add the section `key` to every association's page."""
    _sections[key] = Section(key=key, template=template, context=context, order=order)


def unregister(key):
    _sections.pop(key, None)


def sections():
    """The registered sections, in the order the page shows them."""
    return sorted(_sections.values(), key=lambda section: section.order)


class Shown(NamedTuple):
    key: str
    template: str
    context: dict


def shown(association, locale):
    """The sections that have something to show for `association` in `locale`'s language,
    in order, each with its context."""
    result = []
    for section in sections():
        context = section.context(association, locale)
        if context:
            result.append(Shown(section.key, section.template, context))
    return result


def shown_context(sections_shown, key):
    """The context of the section `key` among `sections_shown`, or None if not shown."""
    return next((item.context for item in sections_shown if item.key == key), None)
