"""Telling members of the network's news by email, as each of them chose in their profile
(`Profile.news_notification`): each post as it is published, a weekly digest, or nothing.

Who hears of a post: the people acting for a member association today, with an address,
except its author; a working group's post goes to the group's current participants only.

Nobody gets the same post twice: every post sent is written down (`Delivery`, unique per post
and person) in the same transaction as the sending, so a post recorded was sent, and a
sending that fails leaves nothing recorded (the next run tries again). A person who receives
each post by email finds none of them again in a digest.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from extranet.accounts.models import Membership, NewsNotification, Profile
from extranet.groups.models import GroupMember
from extranet.news.models import Delivery, Post
from portal.emails import absolute_url, one_line

# A digest covers the posts of the last two weeks not sent yet: a week missed (the server
# down on a Monday) is caught up by the next one; older news stays on the extranet.
DIGEST_LOOKBACK = datetime.timedelta(days=14)


def post_published(post_id):
    """Called once the post is saved (on commit): send it to those who want each post,
    in the background."""
    from extranet.news.tasks import send_post_to_subscribers

    # Queued at once, not with portal.background.enqueue_after_commit: this runs only as
    # the on_commit callback of news.services.publish, once the post is committed.
    send_post_to_subscribers.enqueue(post_id)


def members():
    """People who may read the news: active, with an address, acting for an association."""
    return get_user_model().objects.filter(is_active=True).exclude(email="").filter(
        Exists(Membership.objects.current().filter(person=OuterRef("pk")))
    )


def choosing(people, choice):
    """Those of `people` whose profile says `choice` (no profile: the field's default)."""
    chosen = Q(profile__news_notification=choice)
    if choice == Profile._meta.get_field("news_notification").default:
        chosen |= Q(profile__isnull=True)
    return people.filter(chosen)


def audience(post, people):
    """Those of `people` a post is for: everybody, or its group's participants; not its
    author."""
    people = people.exclude(pk=post.author_id)
    if post.group_id is not None:
        people = people.filter(
            Exists(GroupMember.objects.current().filter(group_id=post.group_id,
                                                        person=OuterRef("pk")))
        )
    return people


def render_email(template, context, person, connection):
    """The email `template` (subject and body) for one person, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **context, "person": person, "site_name": settings.WAGTAIL_SITE_NAME,
            "profile_url": absolute_url(reverse("extranet:profile")),
        }
        subject = one_line(render_to_string(f"extranet/emails/{template}_subject.txt", context))
        body = render_to_string(f"extranet/emails/{template}.txt", context)
    return EmailMessage(f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body, None, [person.email],
                        connection=connection)


def post_url(post):
    return absolute_url(reverse("extranet:post_detail", args=[post.pk]))


def send_post(post_id):
    """Email a newly published post to each person who asked for every post. Returns the
    number of emails sent."""
    post = Post.objects.visible().select_related(
        "author", "association", "category", "group"
    ).filter(pk=post_id).first()
    if post is None:
        return 0
    people = audience(post, choosing(members(), NewsNotification.EACH_POST)).exclude(
        news_deliveries__post=post
    ).order_by("pk")
    sent = 0
    with get_connection() as connection:
        for person in people.iterator():
            try:
                with transaction.atomic():
                    Delivery.objects.create(post=post, person=person,
                                            channel=Delivery.Channel.EACH_POST)
                    render_email("news_post", {"post": post, "url": post_url(post)},
                                 person, connection).send()
            except IntegrityError:
                continue  # sent meanwhile by another run
            sent += 1
    return sent


@dataclass
class DigestReport:
    people: int = 0  # digests sent
    posts: int = 0  # posts sent, all digests together
    candidates: int = 0  # posts of the period


def send_digest(now=None):
    """Send each person who chose the weekly digest the posts of the last two weeks they
    have not received yet; nothing to those with nothing new."""
    now = now or timezone.now()
    report = DigestReport()
    posts = list(
        Post.objects.visible()
        .filter(published_at__gt=now - DIGEST_LOOKBACK, published_at__lte=now)
        .select_related("author", "association", "category", "group")
        .order_by("-pinned", "-published_at", "-pk")
    )
    report.candidates = len(posts)
    if not posts:
        return report
    sent_before = set(Delivery.objects.filter(post__in=posts).values_list("post_id", "person_id"))
    group_ids = {post.group_id for post in posts if post.group_id}
    in_group = set(GroupMember.objects.current().filter(group_id__in=group_ids)
                   .values_list("group_id", "person_id"))
    people = choosing(members(), NewsNotification.WEEKLY).order_by("pk")
    with get_connection() as connection:
        for person in people.iterator():
            news = [
                post for post in posts
                if post.author_id != person.pk
                and (post.pk, person.pk) not in sent_before
                and (post.group_id is None or (post.group_id, person.pk) in in_group)
            ]
            if not news:
                continue
            try:
                with transaction.atomic():
                    Delivery.objects.bulk_create([
                        Delivery(post=post, person=person, channel=Delivery.Channel.DIGEST,
                                 sent_at=now)
                        for post in news
                    ])
                    render_email("news_digest", {
                        "posts": [(post, post_url(post)) for post in news],
                        "home_url": absolute_url(reverse("extranet:news_list")),
                    }, person, connection).send()
            except IntegrityError:
                continue  # one of them was sent meanwhile: next week's digest has the rest
            report.people += 1
            report.posts += len(news)
    return report
