"""The answers to a post: one conversation per post and answering association, a thread of
messages between the post's association and that one, written on the site.

Each message is emailed to the other side (the post's author, or the person who opened the
conversation) from the site's own address, with the text and a link back to the thread: no
email address of either side is in it, nor a Reply-To; they answer on the site. Only the people
acting for one of the two associations read the thread."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.mutual_aid.models.posts import Post

MESSAGE_MAX_LENGTH = 3000


class Conversation(models.Model):
    post = models.ForeignKey(Post, verbose_name=_("annonce"), on_delete=models.PROTECT,
                             related_name="conversations")
    association = models.ForeignKey(
        Association, verbose_name=_("association qui répond"), on_delete=models.PROTECT,
        related_name="+", help_text=_("L'association membre qui répond à l'annonce."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ouverte par"), on_delete=models.PROTECT,
        related_name="+", help_text=_("La personne qui a répondu la première fois ; les "
                                      "messages de l'annonceur lui parviennent."),
    )
    started_at = models.DateTimeField(_("ouverte le"), default=timezone.now, editable=False)
    last_message_at = models.DateTimeField(_("dernier message le"), default=timezone.now)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("conversation d'entraide")
        verbose_name_plural = _("conversations d'entraide")
        constraints = [
            models.UniqueConstraint(fields=["post", "association"],
                                    name="mutual_aid_one_conversation_per_association",
                                    violation_error_message=_(
                                        "Cette association a déjà répondu à cette annonce : "
                                        "poursuivez la conversation.")),
        ]

    def __str__(self):
        return f"{self.post} · {self.association}"


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, verbose_name=_("conversation"),
                                     on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("auteur·rice"),
                               on_delete=models.PROTECT, related_name="+")
    from_poster = models.BooleanField(
        _("de l'annonceur"), default=False,
        help_text=_("Écrit pour l'association de l'annonce (sinon pour celle qui répond)."),
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    sent_at = models.DateTimeField(_("envoyé le"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("message d'entraide")
        verbose_name_plural = _("messages d'entraide")
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="mutual_aid_message_not_empty"),
        ]

    def __str__(self):
        return f"{self.conversation} · {self.sent_at:%Y-%m-%d %H:%M}"



