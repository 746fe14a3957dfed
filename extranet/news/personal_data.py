"""What the extranet's news hold on people (the news and comments they wrote, the news the
site emailed them), its export and its retention periods (registered in
portal.personal_data by extranet.news.apps).

Published news and comments are the network's conversation: they are kept, and the closing
of an account (the accounts' erasure) leaves them signed by an anonymous account. What the
moderation removed more than NEWS_REMOVED_RETENTION_DAYS ago is deleted (a comment) or
emptied (a news item: its title and text), and the record of which news were emailed to whom
is deleted after NEWS_DELIVERY_RETENTION_DAYS, by `manage.py purge_personal_data`.
"""

import datetime

from django.db import transaction

from extranet.news.models import Comment, Delivery, Post
from portal.personal_data import Retention, delete_records, iso_datetime, people

REMOVED = "[retiré]"


def export(email):
    persons = people(email)
    posts = Post.objects.filter(author__in=persons).order_by("published_at", "pk")
    comments = (Comment.objects.filter(author__in=persons).select_related("post")
                .order_by("created_at", "pk"))
    deliveries = (Delivery.objects.filter(person__in=persons).select_related("post")
                  .order_by("sent_at", "pk"))
    return [
        {"kind": "post", "title": post.title, "body": post.body,
         "published_at": iso_datetime(post.published_at),
         "removed_at": iso_datetime(post.removed_at)}
        for post in posts
    ] + [
        {"kind": "comment", "post": comment.post.title, "body": comment.body,
         "created_at": iso_datetime(comment.created_at),
         "removed_at": iso_datetime(comment.removed_at)}
        for comment in comments
    ] + [
        {"kind": "delivery", "post": delivery.post.title,
         "channel": str(delivery.get_channel_display()), "sent_at": iso_datetime(delivery.sent_at)}
        for delivery in deliveries
    ]


def removed_comments(now, days):
    return Comment.objects.filter(removed_at__lt=now - datetime.timedelta(days=days))



def removed_posts(now, days):
    return (Post.objects.filter(removed_at__lt=now - datetime.timedelta(days=days))
            .exclude(title=REMOVED, body=""))


def empty_posts(posts, now):
    with transaction.atomic():
        return Post.objects.filter(pk__in=list(posts.values_list("pk", flat=True))).update(
            title=REMOVED, body="")


def old_deliveries(now, days):
    return Delivery.objects.filter(sent_at__lt=now - datetime.timedelta(days=days))



RETENTION = [
    Retention(
        setting="NEWS_REMOVED_RETENTION_DAYS",
        label="Commentaires retirés par la modération",
        outcome="supprimés",
        expired=removed_comments,
        purge=delete_records,
    ),
    Retention(
        setting="NEWS_REMOVED_RETENTION_DAYS",
        label="Actualités retirées par la modération",
        outcome="vidées (titre et texte)",
        expired=removed_posts,
        purge=empty_posts,
    ),
    Retention(
        setting="NEWS_DELIVERY_RETENTION_DAYS",
        label="Envois des actualités par courriel (qui a reçu quoi)",
        outcome="supprimés",
        expired=old_deliveries,
        purge=delete_records,
    ),
]
