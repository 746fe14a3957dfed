"""The network's news in the extranet: posts, their attachments and comments, and the record
of which post was sent to whom (so that no one gets the same post twice by email).

Posts and comments are withdrawn (`removed_at`), never deleted: a removed post disappears
from the feed but stays in the database, with who removed it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.groups.models import WorkingGroup
from portal.people import person_name
from portal.storage import private_storage


class Category(models.Model):
    name = models.CharField(
        _("nom"), max_length=80, unique=True,
        help_text=_("Par exemple « Vie du réseau », « Appels à projets », « Formations »."),
    )
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=90, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("catégorie d'actualités")
        verbose_name_plural = _("catégories d'actualités")

    def __str__(self):
        return self.name


class PostQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(removed_at__isnull=True)

    def feed(self):
        """What the feed shows: pinned posts first, then the newest."""
        return self.visible().order_by("-pinned", "-published_at", "-pk")


class Post(models.Model):
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(
        _("texte"),
        help_text=_("Texte simple ; les paragraphes et les adresses web sont mis en forme."),
    )
    category = models.ForeignKey(
        Category, verbose_name=_("catégorie"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="posts", help_text=_("Pour trier et filtrer le fil des actualités."),
    )
    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("groupe de travail"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="posts",
        help_text=_("Vide pour une actualité de tout le réseau."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur·rice"), on_delete=models.PROTECT,
        related_name="news_posts", help_text=_("La personne qui a publié l'actualité."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("au nom de"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="news_posts",
        help_text=_("L'association pour laquelle l'auteur·rice écrit."),
    )
    pinned = models.BooleanField(
        _("épinglée"), default=False,
        help_text=_("Reste en tête du fil (la coordination seulement)."),
    )
    published_at = models.DateTimeField(
        _("publiée le"), default=timezone.now, db_index=True,
        help_text=_("L'ordre du fil, après les actualités épinglées."),
    )
    library_documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("documents de la bibliothèque"), blank=True,
        related_name="news_posts",
        help_text=_("Des documents de la bibliothèque dont parle l'actualité : chaque "
                    "personne ne voit que ceux des dossiers qu'elle lit."),
    )
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    removed_at = models.DateTimeField(_("retirée le"), null=True, blank=True, editable=False)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("retirée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-pinned", "-published_at", "-pk"]
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
        indexes = [models.Index(fields=["-pinned", "-published_at"], name="news_post_feed")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("extranet:post_detail", kwargs={"post_id": self.pk})


def attachment_path(instance, filename):
    """A name nobody can guess; the original name is kept in `filename`."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"news-attachments/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """A file joined to a post, kept outside MEDIA_ROOT and served to members only."""

    post = models.ForeignKey(
        Post, verbose_name=_("actualité"), on_delete=models.PROTECT, related_name="attachments",
        editable=False,
    )
    # Set from the checked upload (extranet.news.attachments), never typed.
    file = models.FileField(
        _("fichier"), upload_to=attachment_path, storage=private_storage, max_length=255,
        editable=False,
    )
    filename = models.CharField(_("nom du fichier"), max_length=255, editable=False)
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("taille (octets)"), editable=False)
    uploaded_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.filename


class CommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(removed_at__isnull=True)


class Comment(models.Model):
    post = models.ForeignKey(
        Post, verbose_name=_("actualité"), on_delete=models.PROTECT, related_name="comments",
        editable=False,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur·rice"), on_delete=models.PROTECT,
        related_name="news_comments", editable=False,
    )
    body = models.TextField(_("commentaire"), max_length=5000)
    created_at = models.DateTimeField(_("écrit le"), default=timezone.now, editable=False)
    removed_at = models.DateTimeField(_("retiré le"), null=True, blank=True, editable=False)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("retiré par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")

    def __str__(self):
        return f"{person_name(self.author)} · {self.post}"


class Delivery(models.Model):
    """A post sent to a person by email, alone or in a digest: at most once (the unique
    constraint is what the sending relies on)."""

    class Channel(models.TextChoices):
        EACH_POST = "each", _("courriel de l'actualité")
        DIGEST = "digest", _("résumé hebdomadaire")

    post = models.ForeignKey(
        Post, verbose_name=_("actualité"), on_delete=models.CASCADE, related_name="deliveries",
        editable=False,
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
        related_name="news_deliveries", editable=False,
    )
    channel = models.CharField(_("par"), max_length=10, choices=Channel.choices, editable=False)
    sent_at = models.DateTimeField(_("envoyée le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("envoi d'actualité")
        verbose_name_plural = _("envois d'actualités")
        constraints = [
            models.UniqueConstraint(fields=["post", "person"], name="news_post_sent_once"),
        ]

    def __str__(self):
        return f"{self.post} → {person_name(self.person)}"
