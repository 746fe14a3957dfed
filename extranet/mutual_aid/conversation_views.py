"""The thread of a conversation: the messages between a post's association and the one that
answered, and the form of the next message. Private correspondence: only the people acting
today for one of the two associations read it (coordinators included in that rule: they
read it only if they act for one of them)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from extranet.accounts.permissions import member_required
from extranet.mutual_aid import services
from extranet.mutual_aid.forms import MessageForm
from extranet.mutual_aid.models import Conversation


@member_required
def aid_conversation(request, conversation_id):
    """GET: the thread; POST: a new message, emailed to the other side."""
    conversation = get_object_or_404(
        Conversation.objects.select_related("post__association", "post__commune",
                                            "association"), pk=conversation_id)
    side = services.side_of(request.user, conversation)
    if side is None:
        raise PermissionDenied
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_message(conversation, request.user, form.cleaned_data["body"],
                             from_poster=side == services.POSTER)
        messages.success(request, _("Votre message est envoyé."))
        return redirect("extranet:aid_conversation", conversation_id=conversation.pk)
    thread = conversation.messages.select_related("author")
    return render(request, "extranet/mutual_aid/conversation.html", {
        "conversation": conversation, "post": conversation.post, "thread": thread,
        "form": form, "side": side, "poster_side": side == services.POSTER,
    })
