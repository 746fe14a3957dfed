"""Background work of mutual aid: the email that carries a message of a conversation to the
other side (extranet.mutual_aid.relay says to whom and what)."""

from django_tasks import task

from extranet.mutual_aid import relay


@task()
def send_message_notice(message_id):
    """Email the message to the other side of its conversation. Returns the number sent."""
    return relay.send(message_id)
