"""What members do with mutual aid, for the views: publish a post, answer it, write in a
conversation, close and reopen, and who may do what (the people acting today for the post's
association, or for the association that answered).

Every message is emailed to the other side once committed (extranet.mutual_aid.tasks and
relay): the addresses stay hidden, the answers go through the site."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from extranet.accounts.permissions import association_ids, is_coordinator
from extranet.mutual_aid.models import Conversation, Message, Post
from extranet.mutual_aid.tasks import send_message_notice
from portal.background import enqueue_after_commit

POSTER, ANSWERER = "poster", "answerer"


def acts_for_post(user, post):
    return post.association_id in association_ids(user)


def may_close(user, post):
    """The post's people close it; coordinators too (moderation), without editing it."""
    return acts_for_post(user, post) or is_coordinator(user)


def side_of(user, conversation):
    """POSTER when `user` writes for the post's association, ANSWERER for the association
    that answered, None for anybody else (a person acting for both writes for the side that
    opened the conversation if they did, else for the post's)."""
    ids = association_ids(user)
    poster = conversation.post.association_id in ids
    answerer = conversation.association_id in ids
    if poster and answerer:
        return ANSWERER if conversation.started_by_id == user.pk else POSTER
    return POSTER if poster else ANSWERER if answerer else None


def publish(form, by):
    """Save the new post of a valid PostForm (its association is the one chosen in the form,
    or set by the view), written by `by`."""
    post = form.save(commit=False)
    post.author = by
    post.save()
    return post


def conversation_of(post, association):
    return Conversation.objects.filter(post=post, association=association).first()


def answer(post, association, by, body):
    """Answer the current `post` for `association` (not the post's): the conversation of
    that association with the post's, opened now or continued, and its new message."""
    if not post.is_current or association.pk == post.association_id:
        raise PermissionDenied
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create(post=post, association=association,
                                                       started_by=by)
    except IntegrityError:  # it answered already (another person, another tab)
        conversation = Conversation.objects.get(post=post, association=association)
    add_message(conversation, by, body, from_poster=False)
    return conversation


def add_message(conversation, by, body, from_poster):
    """Write `body` in the conversation and email it to the other side once committed."""
    with transaction.atomic():
        message = Message.objects.create(conversation=conversation, author=by, body=body,
                                         from_poster=from_poster)
        Conversation.objects.filter(pk=conversation.pk).update(
            last_message_at=message.sent_at)
        conversation.last_message_at = message.sent_at
        enqueue_after_commit(send_message_notice, message.pk)
    return message


def with_relations(posts):
    return posts.select_related("association", "commune")


def posts_of(ids):
    """The posts of the associations `ids`, current and archived, with the number of their
    conversations."""
    return with_relations(Post.objects.filter(association_id__in=ids)).annotate(
        conversation_count=Count("conversations")).order_by("-created_at", "-pk")


def conversations_of(ids):
    """The conversations the associations `ids` opened, or that answer their posts, the
    latest first."""
    return (Conversation.objects.filter(Q(association_id__in=ids)
                                        | Q(post__association_id__in=ids))
            .select_related("post__association", "association"))
