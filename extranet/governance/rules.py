"""How a ballot is counted: the quorum and each majority rule, on plain numbers.

- quorum: the associations present or represented (in a meeting) or that voted, abstentions
  included (online), make at least the body's share of the associations called to vote;
- simple majority: more votes for than against (abstentions do not count; a tie rejects);
- absolute majority: more votes for than half of the associations that took part, abstentions
  included;
- two thirds: at least two thirds of the votes expressed (for and against) are for;
- consensus: adopted unless one association objects (at least one vote for, none against).
Without the quorum there is no decision, whatever the votes.
"""

from dataclasses import dataclass

from extranet.governance.models import MajorityRule, Outcome


@dataclass(frozen=True)
class Tally:
    electorate: int  # associations called to vote
    present: int  # present or represented (meeting), or that voted (online)
    votes_for: int
    votes_against: int
    abstentions: int

    @property
    def voters(self):
        return self.votes_for + self.votes_against + self.abstentions

    @property
    def expressed(self):
        return self.votes_for + self.votes_against


def quorum_met(tally, quorum_percent):
    """At least `quorum_percent` % of the electorate present or represented (a body without
    quorum still needs somebody to vote)."""
    if tally.electorate == 0:
        return False
    return tally.present * 100 >= quorum_percent * tally.electorate and tally.present > 0


def majority_reached(tally, rule):
    if rule == MajorityRule.SIMPLE:
        return tally.votes_for > tally.votes_against
    if rule == MajorityRule.ABSOLUTE:
        return tally.votes_for * 2 > tally.voters
    if rule == MajorityRule.TWO_THIRDS:
        return tally.votes_for > 0 and tally.votes_for * 3 >= tally.expressed * 2
    if rule == MajorityRule.CONSENSUS:
        return tally.votes_for > 0 and tally.votes_against == 0
    raise ValueError(f"Unknown majority rule: {rule}")


def outcome(tally, rule, quorum_percent):
    """(quorum met?, Outcome)."""
    if not quorum_met(tally, quorum_percent):
        return False, Outcome.NO_DECISION
    return True, Outcome.ADOPTED if majority_reached(tally, rule) else Outcome.REJECTED
