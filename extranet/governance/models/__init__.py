"""The governance of the collective: its bodies (models/bodies.py), their meetings
(meetings.py), the proposals put to them (proposals.py), the ballots and votes (ballots.py) and
the decision register (decisions.py). One association, one vote: everything here counts
associations (`directory.Association`), never people."""

from extranet.governance.models.ballots import (  # noqa: F401
    Ballot,
    BallotMode,
    Choice,
    Elector,
    Outcome,
    Paper,
    Proxy,
    Vote,
)
from extranet.governance.models.bodies import (  # noqa: F401
    Body,
    BodyKind,
    BodySeat,
    CoordinationTerm,
    MajorityRule,
    RotationPlace,
)
from extranet.governance.models.decisions import Decision, RegisterIsAppendOnly  # noqa: F401
from extranet.governance.models.meetings import (  # noqa: F401
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BodyMeeting,
    MeetingDocument,
)
from extranet.governance.models.pages import DecisionsPage  # noqa: F401
from extranet.governance.models.proposals import (  # noqa: F401
    CommentKind,
    Effect,
    Proposal,
    ProposalAttachment,
    ProposalComment,
)
