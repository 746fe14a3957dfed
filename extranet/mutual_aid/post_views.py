"""The pages of one post: publishing it, reading it (and answering it, for the people of
another member association; its conversations, for the people of its own), changing it,
closing and reopening it.

Every member reads every post, current or archived. The people acting today for the post's
association change, close and reopen it; coordinators may close any post (moderation) but
not change it. Nobody answers a closed or past post, nor their own association's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.accounts.permissions import member_required
from extranet.mutual_aid import services
from extranet.mutual_aid.forms import (
    KIND_PARAMETERS,
    AnswerForm,
    PostForm,
    acting_associations,
)
from extranet.mutual_aid.models import Post


def get_post(post_id):
    return get_object_or_404(services.with_relations(Post.objects.all()), pk=post_id)


@member_required
def aid_post_create(request):
    """A new offer or request (?type=offre|demande chooses the kind)."""
    associations = acting_associations(request.user)
    post = Post(author=request.user, association=associations[0])
    initial = {"kind": KIND_PARAMETERS.get(request.GET.get("type"))}
    form = PostForm(request.POST or None, instance=post, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        post = services.publish(form, request.user)
        messages.success(request, _("Votre annonce est publiée : les membres du réseau la "
                                    "voient dans l'entraide."))
        return redirect("extranet:aid_post_detail", post_id=post.pk)
    return render(request, "extranet/mutual_aid/post_form.html", {"form": form})


@member_required
def aid_post_detail(request, post_id):
    """The post; POST answers it (the first message of a conversation)."""
    post = get_post(post_id)
    acting = services.acts_for_post(request.user, post)
    answering = acting_associations(request.user, exclude=post.association_id)
    answered = list(post.conversations.filter(association__in=answering)
                    .select_related("association"))
    free = [a for a in answering if a.pk not in {c.association_id for c in answered}]
    form = None
    if post.is_current and free:
        form = AnswerForm(request.POST or None, associations=free)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            conversation = services.answer(post, form.answering_association(), request.user,
                                           form.cleaned_data["body"])
            messages.success(request, _("Votre message est envoyé. La réponse vous parviendra "
                                        "par courriel et s'affichera ici."))
            return redirect("extranet:aid_conversation", conversation_id=conversation.pk)
    conversations = None
    if acting:
        conversations = post.conversations.select_related("association")
    return render(request, "extranet/mutual_aid/post_detail.html", {
        "post": post, "form": form, "answered": answered, "acting": acting,
        "conversations": conversations,
        "may_close": services.may_close(request.user, post),
    })


@member_required
def aid_post_edit(request, post_id):
    post = get_post(post_id)
    if not services.acts_for_post(request.user, post):
        raise PermissionDenied
    form = PostForm(request.POST or None, instance=post, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("L'annonce est modifiée."))
        return redirect("extranet:aid_post_detail", post_id=post.pk)
    return render(request, "extranet/mutual_aid/post_form.html", {"form": form, "post": post})


@member_required
@require_POST
def aid_post_close(request, post_id):
    post = get_post(post_id)
    if not services.may_close(request.user, post):
        raise PermissionDenied
    post.close()
    messages.success(request, _("L'annonce est close : elle passe aux archives."))
    return redirect("extranet:aid_post_detail", post_id=post.pk)


@member_required
@require_POST
def aid_post_reopen(request, post_id):
    post = get_post(post_id)
    if not services.acts_for_post(request.user, post):
        raise PermissionDenied
    post.reopen()
    if post.is_current:
        messages.success(request, _("L'annonce est rouverte."))
    else:
        messages.warning(request, _("L'annonce est rouverte, mais son dernier jour est passé "
                                    ": modifiez ses dates pour qu'elle revienne dans la "
                                    "liste."))
    return redirect("extranet:aid_post_detail", post_id=post.pk)
