"""Background work of the governance: the emails of a body's meetings
(extranet.governance.notices says to whom and what)."""

from django_tasks import task

from extranet.governance import notices


@task()
def send_meeting_notice(body_meeting_id, kind):
    """The convocation, the update after a move, or the cancellation of a body's meeting,
    to every person acting for an association of the body. Returns the number sent."""
    return notices.send(body_meeting_id, kind)
