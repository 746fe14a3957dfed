"""Operations on the news, used by the views: publishing and changing a post with its
attachments and the library's documents it cites, commenting, and withdrawing. Posts and
comments are withdrawn (`removed_at`, `removed_by`), never deleted. Who may do what is for
the caller to check (extranet/news/permissions.py)."""

from django.db import transaction
from django.utils import timezone

from extranet.documents import links
from extranet.news import notifications
from extranet.news.attachments import clean_filename, content_type_of
from extranet.news.models import Attachment, Comment


@transaction.atomic
def publish(post, attachments=(), by=None, library_documents=()):
    """Save a new post written by `by` (its author unless already set) with its attachments
    (checked uploaded files, see attachments.check) and the library's documents it cites
    (chosen in PostForm: documents its writer reads); once the transaction is committed,
    the people who asked for each post are told."""
    if by is not None and post.author_id is None:
        post.author = by
    post.save()
    attach(post, attachments)
    post.library_documents.set(library_documents)
    transaction.on_commit(lambda: notifications.post_published(post.pk))
    return post


@transaction.atomic
def update_post(post, attachments=(), by=None, library_documents=None):
    """Save the changes made to a post, the attachments added to it and, when given, the
    library's documents it cites (those `by` does not read stay linked); nobody is told
    again."""
    post.save()
    attach(post, attachments)
    if library_documents is not None:
        links.relink(post.library_documents, library_documents, by)
    return post


def attach(post, uploads):
    for upload in uploads:
        name = clean_filename(upload.name)
        attachment = Attachment(post=post, filename=name[:255],
                                content_type=content_type_of(name), size=upload.size)
        attachment.file.save(name, upload, save=False)
        attachment.save()


def withdraw_post(post, by):
    """Take the post out of the feed (its attachments with it); the row stays."""
    post.removed_at = timezone.now()
    post.removed_by = by
    post.save(update_fields=["removed_at", "removed_by"])
    return post


def add_comment(post, author, body):
    return Comment.objects.create(post=post, author=author, body=body)


def withdraw_comment(comment, by):
    comment.removed_at = timezone.now()
    comment.removed_by = by
    comment.save(update_fields=["removed_at", "removed_by"])
    return comment
