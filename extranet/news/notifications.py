"""Emails about the news (replaced by the notifications' work: each post, weekly digest)."""


def post_published(post_id):
    """Tell the people who asked for each post (see notifications)."""
