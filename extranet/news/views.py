"""The news of the extranet: the feed, a post with its comments, writing, changing and
withdrawing posts and comments, and the attachments' downloads (members only). Who may do
what is extranet/news/permissions.py's; the operations are in services.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from extranet.accounts.permissions import member_required
from extranet.documents import links
from extranet.news import services
from extranet.news.forms import CommentForm, NewsFilterForm, PostForm
from extranet.news.models import Attachment, Comment, Post
from extranet.news.permissions import (
    can_change_post,
    can_comment,
    can_post_news,
    can_remove_comment,
)
from portal.uploads import private_download

POSTS_PER_PAGE = 20


def count_of(model, **filters):
    """The number of `model` rows of each post, as a subquery (no join, no GROUP BY on the
    posts)."""
    counted = (model.objects.filter(post=OuterRef("pk"), **filters).order_by()
               .values("post").annotate(count=Count("pk")).values("count"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_relations(posts):
    return posts.select_related("category", "group", "author", "association")


def visible_posts():
    return with_relations(Post.objects.visible())


@member_required
def news_list(request):
    """The feed: pinned posts first, then the newest, by category and by group."""
    filters = NewsFilterForm(request.GET)
    posts = filters.filter(with_relations(Post.objects.feed())).annotate(
        comment_count=count_of(Comment, removed_at__isnull=True),
        attachment_count=count_of(Attachment),
    )
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "extranet/news/news_list.html", {
        "filters": filters,
        "posts": page,
        "query_string": filters.query_string(),
        "can_post": can_post_news(request.user),
    })


@member_required
def post_create(request):
    if not can_post_news(request.user):
        raise PermissionDenied
    form = PostForm(request.POST or None, request.FILES or None, user=request.user,
                    instance=Post(author=request.user))
    if request.method == "POST" and form.is_valid():
        post = services.publish(form.save(commit=False), form.cleaned_data["attachments"],
                                by=request.user,
                                library_documents=form.cleaned_data["library_documents"])
        messages.success(request, _("Votre actualité est publiée."))
        return redirect("extranet:post_detail", post_id=post.pk)
    return render(request, "extranet/news/post_form.html", {"form": form})


@member_required
def post_detail(request, post_id):
    """The post, its attachments and comments; members comment here (POST)."""
    post = get_object_or_404(visible_posts(), pk=post_id)
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not can_comment(request.user, post):
            raise PermissionDenied
        if form.is_valid():
            services.add_comment(post, request.user, form.cleaned_data["body"])
            messages.success(request, _("Votre commentaire est publié."))
            return redirect(f"{post.get_absolute_url()}#commentaires")
    return render(request, "extranet/news/post_detail.html", {
        "post": post,
        "attachments": post.attachments.all(),
        "library": links.shown(request.user, post.library_documents),
        "comments": post.comments.visible().select_related("author"),
        "form": form,
    })


@member_required
def post_edit(request, post_id):
    post = get_object_or_404(visible_posts(), pk=post_id)
    if not can_change_post(request.user, post):
        raise PermissionDenied
    form = PostForm(request.POST or None, request.FILES or None, user=request.user,
                    instance=post)
    if request.method == "POST" and form.is_valid():
        services.update_post(form.save(commit=False), form.cleaned_data["attachments"],
                             by=request.user,
                             library_documents=form.cleaned_data["library_documents"])
        messages.success(request, _("L'actualité est modifiée."))
        return redirect(post)
    return render(request, "extranet/news/post_form.html", {
        "form": form, "post": post, "attachments": post.attachments.all(),
    })


@member_required
def post_withdraw(request, post_id):
    """Asks first (GET), withdraws (POST): the post leaves the feed, the row stays."""
    post = get_object_or_404(visible_posts(), pk=post_id)
    if not can_change_post(request.user, post):
        raise PermissionDenied
    if request.method == "POST":
        services.withdraw_post(post, by=request.user)
        messages.success(request, _("L'actualité « %(title)s » est retirée.")
                         % {"title": post.title})
        return redirect("extranet:news_list")
    return render(request, "extranet/news/post_withdraw.html", {"post": post})


@member_required
def comment_withdraw(request, comment_id):
    """Asks first (GET), withdraws (POST, the button beside each comment)."""
    comment = get_object_or_404(
        Comment.objects.visible().filter(post__removed_at__isnull=True)
        .select_related("post", "author"),
        pk=comment_id,
    )
    if not can_remove_comment(request.user, comment):
        raise PermissionDenied
    if request.method == "POST":
        services.withdraw_comment(comment, by=request.user)
        messages.success(request, _("Le commentaire est retiré."))
        return redirect(f"{comment.post.get_absolute_url()}#commentaires")
    return render(request, "extranet/news/comment_withdraw.html", {"comment": comment})


@member_required
def attachment_download(request, attachment_id):
    """The file, to members only, under its original name and the type checked when it was
    added; never shown in the browser's window (nosniff, as an attachment)."""
    attachment = get_object_or_404(
        Attachment.objects.filter(post__removed_at__isnull=True), pk=attachment_id
    )
    return private_download(attachment.file, attachment.filename, attachment.content_type)
