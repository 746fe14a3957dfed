"""What the governance tells the rest of the site.

`decision_published(sender=Decision, decision=…)` is sent when a decision is written in the
register, inside the transaction that writes it: a receiver that fails undoes the decision.
Receivers act on the effect of the proposal behind it (`decision.ballot.proposal.effect`):
the joining app ends the adhesion of an excluded association; the coordination terms start
here (extranet/governance/coordination.py).
"""

from django.dispatch import Signal

decision_published = Signal()
