"""The lists of mutual aid: the current posts, the archive (closed and past posts, read
only) and the posts and conversations of the person's own associations. Every list is read
in a bounded number of queries and paged."""

from django.core.paginator import Paginator
from django.shortcuts import render

from extranet.accounts.permissions import association_ids, member_required
from extranet.mutual_aid import services
from extranet.mutual_aid.filters import PostFilterForm
from extranet.mutual_aid.models import Post

POSTS_PER_PAGE = 20
CONVERSATIONS_SHOWN = 50


def listing(request, posts, template, **context):
    filters = PostFilterForm(request.GET, posts)
    page = Paginator(services.with_relations(filters.filter(posts)), POSTS_PER_PAGE
                     ).get_page(request.GET.get("page"))
    return render(request, template, {
        "filters": filters, "posts": page, "query_string": filters.query_string(), **context,
    })


@member_required
def aid_list(request):
    """The current offers and requests of the member associations."""
    return listing(request, Post.objects.current(), "extranet/mutual_aid/list.html")


@member_required
def aid_archive(request):
    """The closed posts and those whose last day is past, read only."""
    return listing(request, Post.objects.archived(), "extranet/mutual_aid/list.html",
                   archive=True)


@member_required
def aid_mine(request):
    """The posts of the associations the person acts for (current and archived), with the
    number of their conversations, and the latest conversations of these associations."""
    ids = association_ids(request.user)
    page = Paginator(services.posts_of(ids), POSTS_PER_PAGE).get_page(request.GET.get("page"))
    conversations = list(services.conversations_of(ids)[:CONVERSATIONS_SHOWN])
    return render(request, "extranet/mutual_aid/mine.html", {
        "posts": page, "conversations": conversations, "shown": CONVERSATIONS_SHOWN,
        "ids": ids,
    })
