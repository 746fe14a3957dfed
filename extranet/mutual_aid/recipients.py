"""Who receives a message of a conversation: on the post's side its author, on the answering
side the person who opened the conversation; when that person no longer acts for the
association (or has no active account or address), the people acting for it today."""

from extranet.accounts.models import Membership


def people_of(association_id):
    """The people acting today for the association, with an active account and an address,
    by id (one query)."""
    memberships = (Membership.objects.current()
                   .filter(association_id=association_id, person__is_active=True)
                   .exclude(person__email="").select_related("person").order_by("person_id"))
    people = []
    for membership in memberships:
        if membership.person not in people:
            people.append(membership.person)
    return people


def recipients(person, association_id):
    """[`person`] if they act today for the association and can be written to, else its
    people."""
    people = people_of(association_id)
    if person in people:
        return [person]
    return people


def of_message(message):
    """Who receives `message` (the other side of its conversation)."""
    conversation = message.conversation
    if message.from_poster:
        people = recipients(conversation.started_by, conversation.association_id)
    else:
        people = recipients(conversation.post.author, conversation.post.association_id)
    return [person for person in people if person.pk != message.author_id]
