"""What the charter asks of the register (charter/adoptions.py): the decisions that adopt its
versions, and the address of their public page. Registered in GovernanceConfig.ready()."""

from django.utils import translation

from charter.adoptions import AdoptingDecision
from extranet.governance.models import Decision, DecisionsPage, Outcome


def decisions_page(language=None):
    """The live public page « Nos décisions et positions » in `language` (the active one by
    default), else in French, else any; None when the site has none. One query."""
    language = language or translation.get_language()
    pages = list(DecisionsPage.objects.live().public().select_related("locale").order_by("pk"))
    for wanted in (language, "fr"):
        for page in pages:
            if page.locale.language_code == wanted:
                return page
    return pages[0] if pages else None


def charter_decisions(numbers, request=None):
    """{number: AdoptingDecision} for the decisions of the register numbered in `numbers`.
    Two queries at most."""
    found = list(Decision.objects.filter(number__in=list(numbers))
                 .only("number", "decided_on", "title", "outcome", "is_public"))
    page = decisions_page() if any(decision.is_public for decision in found) else None
    return {
        decision.number: AdoptingDecision(
            number=decision.number, decided_on=decision.decided_on, title=decision.title,
            adopted=decision.outcome == Outcome.ADOPTED,
            url=(page.decision_url(decision.number, request)
                 if page is not None and decision.is_public else None),
        )
        for decision in found
    }
