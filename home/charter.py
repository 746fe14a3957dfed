"""The charter of the collective: the page editors write, the versions it has had, and the
associations that signed it.

The charter is a text the members adopt together: each time its text changes and is
published, a `CharterVersion` keeps that text as it was adopted (its date, the decision that
adopted it), and it is never rewritten afterwards. An association signs one version
(`CharterSignature`), when it joins the collective or when it adopts a new version. The
French page is the text of reference: versions and signatures follow the charter in the
default language; its translations show the same numbering.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.models import BasePage

CHARTER_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class CharterArticleBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=160, required=False, label=_("Titre de l'article"),
        help_text=_("Facultatif. Les articles sont numérotés tout seuls, dans l'ordre."),
    )
    text = blocks.RichTextBlock(features=CHARTER_TEXT_FEATURES, label=_("Texte de l'article"))

    class Meta:
        icon = "doc-full"
        label = _("Article")


class CharterChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=160, label=_("Titre de la partie"),
        help_text=_("Par exemple « Nos valeurs », « Les engagements des membres », "
                    "« Nos principes de gouvernance »."),
    )
    articles = blocks.ListBlock(CharterArticleBlock(), min_num=1, label=_("Articles"))

    class Meta:
        icon = "list-ol"
        label = _("Partie de la charte")


class CharterPage(BasePage):
    """The charter as it stands: the page shows the text of the last adopted version, its
    signatories, and the history of earlier versions."""

    preamble = RichTextField(
        _("préambule"), features=CHARTER_TEXT_FEATURES, blank=True,
        help_text=_("Ce qui rassemble les associations du collectif, avant les articles."),
    )
    chapters = StreamField(
        [("chapter", CharterChapterBlock())], blank=True, verbose_name=_("articles"),
        help_text=_("Les parties de la charte et leurs articles, numérotés de 1 à la fin."),
    )
    adopted_on = models.DateField(
        _("adoptée le"), null=True, blank=True,
        help_text=_("Date de la décision qui adopte ce texte. À changer à chaque nouvelle "
                    "version : un texte modifié est une nouvelle version."),
    )
    adopted_by = models.CharField(
        _("décision d'adoption"), max_length=200, blank=True,
        help_text=_("Par exemple « Assemblée générale du 14 mars 2026, décision n° 2026-03 »."),
    )
    decision_url = models.URLField(
        _("lien vers la décision"), blank=True,
        help_text=_("Facultatif : le compte rendu ou, plus tard, la décision au registre."),
    )
    change_summary = models.TextField(
        _("ce qui change"), blank=True,
        help_text=_("En une ou deux phrases, ce que cette version change par rapport à la "
                    "précédente. Affiché dans l'historique."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("preamble"),
        FieldPanel("chapters"),
        MultiFieldPanel(
            [FieldPanel("adopted_on"), FieldPanel("adopted_by"), FieldPanel("decision_url"),
             FieldPanel("change_summary")],
            heading=_("Adoption de cette version"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields, index.SearchField("preamble"), index.SearchField("chapters"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("charte")
        verbose_name_plural = _("chartes")


class CharterVersion(models.Model):
    """The text of the charter as one decision adopted it. Written when the page is published
    with a changed text; never changed nor deleted afterwards."""

    page = models.ForeignKey(
        CharterPage, verbose_name=_("charte"), on_delete=models.PROTECT,
        related_name="versions", help_text=_("La page de la charte (en français)."),
    )
    number = models.PositiveIntegerField(
        _("numéro de version"), help_text=_("1 pour la première version, puis 2, 3…")
    )
    title = models.CharField(_("titre"), max_length=255)
    preamble = models.TextField(_("préambule"), blank=True)
    chapters = models.JSONField(
        _("articles"), default=list,
        help_text=_("Les parties et leurs articles numérotés, tels qu'adoptés : "
                    "[{title, articles: [{number, title, text}]}], textes en HTML."),
    )
    adopted_on = models.DateField(_("adoptée le"), null=True, blank=True)
    adopted_by = models.CharField(_("décision d'adoption"), max_length=200, blank=True)
    decision_url = models.URLField(_("lien vers la décision"), blank=True)
    change_summary = models.TextField(_("ce qui change"), blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("révision de la page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La révision publiée qui a fait cette version."),
    )
    published_at = models.DateTimeField(_("publiée le"), default=timezone.now)

    class Meta:
        ordering = ["page", "-number"]
        verbose_name = _("version de la charte")
        verbose_name_plural = _("versions de la charte")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="one_charter_version_number"),
        ]

    def __str__(self):
        return _("Charte, version %(number)s") % {"number": self.number}


class CharterSignature(models.Model):
    """An association signed a version of the charter (when it joined, or later)."""

    association = models.ForeignKey(
        "directory.Association", verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="charter_signatures", help_text=_("L'association signataire."),
    )
    version = models.ForeignKey(
        CharterVersion, verbose_name=_("version signée"), on_delete=models.PROTECT,
        related_name="signatures", help_text=_("La version de la charte qu'elle a acceptée."),
    )
    signed_on = models.DateField(
        _("signée le"), default=timezone.localdate,
        help_text=_("Le jour où l'association a accepté cette version."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("enregistrée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    recorded_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True)

    class Meta:
        ordering = ["-signed_on", "association__name"]
        verbose_name = _("signature de la charte")
        verbose_name_plural = _("signatures de la charte")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "version"], name="one_signature_per_charter_version"
            ),
        ]

    def __str__(self):
        return f"{self.association} · {self.version}"
