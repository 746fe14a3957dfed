"""Decisions written in the register (through `register.publish`, which numbers and chains
them) and the public page « Nos décisions et positions »."""

import datetime

import wagtail_factories

from extranet.governance import register
from extranet.governance.models import DecisionsPage, Outcome
from tests.factories.governance import PlenaryFactory


def decide(body=None, title="Position commune sur les locaux municipaux", on=None,
           outcome=Outcome.ADOPTED, is_public=True, text="Le collectif demande…", **fields):
    """One decision of the register, public and adopted unless told otherwise, decided on
    `on` (a year ago by default, so that it is always in the past)."""
    return register.publish(
        body=body or PlenaryFactory(), title=title, text=text,
        decided_on=on or datetime.date.today() - datetime.timedelta(days=365),
        outcome=outcome, is_public=is_public, **fields,
    )


class DecisionsPageFactory(wagtail_factories.PageFactory):
    """The published page « Nos décisions et positions ». Pass `parent=` (the home page)."""

    class Meta:
        model = DecisionsPage

    title = "Nos décisions et positions"
    slug = "nos-decisions"
    introduction = "Les décisions publiques du collectif, votées par ses associations."
    live = True
