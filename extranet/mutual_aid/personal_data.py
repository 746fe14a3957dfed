"""What mutual aid holds on people (the posts they published, the conversations they opened,
the messages they wrote), its export and its retention period (registered in
portal.personal_data by extranet.mutual_aid.apps).

A post that is archived (closed, or past its last day) for more than
MUTUAL_AID_ARCHIVE_RETENTION_DAYS (two years by default) is deleted with its conversations
and their messages by `manage.py purge_personal_data`: the help was given or not, and the
correspondence about it has no reason to outlive that. The closing of an account (the
accounts' erasure) leaves the current posts and messages signed by an anonymous account.
"""

import datetime

from django.db import transaction
from django.db.models import Q

from extranet.mutual_aid.models import Conversation, Message, Post, Status
from portal.personal_data import Retention, iso_datetime, people


def export(email):
    persons = people(email)
    posts = (Post.objects.filter(author__in=persons).select_related("association", "commune")
             .order_by("created_at", "pk"))
    messages = (Message.objects.filter(author__in=persons)
                .select_related("conversation__post").order_by("sent_at", "pk"))
    return [
        {"kind": "mutual_aid_post", "type": post.kind, "title": post.title,
         "description": post.description, "association": post.association.name,
         "commune": post.commune.name, "starts_on": post.starts_on.isoformat(),
         "ends_on": post.ends_on.isoformat() if post.ends_on else None,
         "status": post.status, "created_at": iso_datetime(post.created_at),
         "closed_at": iso_datetime(post.closed_at)}
        for post in posts
    ] + [
        {"kind": "mutual_aid_message", "post": message.conversation.post.title,
         "body": message.body, "sent_at": iso_datetime(message.sent_at)}
        for message in messages
    ]


def long_archived(now, days):
    """Posts archived for more than `days`: closed before the cutoff, or whose last day
    is before it."""
    cutoff = now - datetime.timedelta(days=days)
    return Post.objects.filter(
        Q(status=Status.CLOSED, closed_at__lt=cutoff) | Q(ends_on__lt=cutoff.date()))


def delete_posts(posts, now):
    """Delete the posts, their conversations and messages; the number of posts."""
    with transaction.atomic():
        ids = list(posts.values_list("pk", flat=True))
        conversations = Conversation.objects.filter(post_id__in=ids)
        Message.objects.filter(conversation__in=conversations).delete()
        conversations.delete()
        return Post.objects.filter(pk__in=ids).delete()[1].get(Post._meta.label, 0)


RETENTION = [
    Retention(
        setting="MUTUAL_AID_ARCHIVE_RETENTION_DAYS",
        label="Annonces d'entraide archivées, leurs conversations et messages",
        outcome="supprimées",
        expired=long_archived,
        purge=delete_posts,
    ),
]
