"""The email that carries a message of a conversation to the other side: from the site's
own address (DEFAULT_FROM_EMAIL), with the message, the first name of who wrote it and their
association, the post's title and the link to the thread. No address of either side is in
it, nor a Reply-To: the answer is written on the site. In French, one email per recipient
(extranet.mutual_aid.recipients) over one connection."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from extranet.mutual_aid import recipients
from extranet.mutual_aid.models import Message
from portal.emails import absolute_url, one_line


def thread_url(conversation):
    """The absolute address of the conversation's thread."""
    return absolute_url(reverse("extranet:aid_conversation", args=[conversation.pk]))


def sender_association(message):
    conversation = message.conversation
    return conversation.post.association if message.from_poster else conversation.association


def email(message, person, connection=None):
    conversation = message.conversation
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "message": message, "post": conversation.post, "person": person,
            "sender_name": message.author.first_name,
            "sender_association": sender_association(message),
            "site_name": settings.WAGTAIL_SITE_NAME, "url": thread_url(conversation),
        }
        subject = one_line(render_to_string("extranet/mutual_aid/emails/message_subject.txt",
                                            context))
        body = render_to_string("extranet/mutual_aid/emails/message.txt", context)
    return EmailMessage(f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body,
                        settings.DEFAULT_FROM_EMAIL, [person.email], connection=connection)


def send(message_id):
    """Send the message to the other side; the number sent."""
    message = (Message.objects.select_related(
        "author", "conversation__post__association", "conversation__post__author",
        "conversation__association", "conversation__started_by")
        .filter(pk=message_id).first())
    if message is None:
        return 0
    sent = 0
    with get_connection() as connection:
        for person in recipients.of_message(message):
            sent += email(message, person, connection).send()
    return sent
