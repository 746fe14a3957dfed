"""StreamField blocks shared by every page type of the portal.

Editors are volunteers, not developers: every block has a French label and help text, and
nothing lets them type raw HTML. Templates live in templates/portal/blocks/.
"""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from portal import live_figures
from portal.i18n import language_codes, localize_pages

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class LinkValue(blocks.StructValue):
    """A link that follows the reader into their language, and vanishes with its page.

    `localize_links()` prepares the links of a whole stream in two queries at most; a value
    not prepared that way localizes itself (one query).
    """

    def target_page(self):
        page = self.get("page")
        if page is None:
            return None
        if not hasattr(self, "_localized_page"):
            self._localized_page = page.localized
        target = self._localized_page
        return target if target.live else None

    def href(self):
        if self.get("page") is not None:
            page = self.target_page()
            return page.url if page is not None else None
        return self.get("url") or None

    def text(self):
        page = self.target_page()
        return self.get("label") or (page.title if page is not None else self.get("url"))

    def lang(self):
        """The language of the link text when it is not the reader's (a page not yet
        translated), for a `lang` attribute; None otherwise."""
        if self.get("label"):
            return None
        return getattr(self, "_lang", None)


def _link_values(value):
    if isinstance(value, LinkValue):
        yield value
    if isinstance(value, blocks.StreamValue):
        for child in value:
            yield from _link_values(child.value)
    elif isinstance(value, blocks.StructValue):
        for child in value.values():
            yield from _link_values(child)
    elif isinstance(value, blocks.list_block.ListValue | list):
        for child in value:
            yield from _link_values(child)


def localize_links(stream_value):
    """Point every page link of a stream at the reader's language (two queries at most)."""
    links = [link for link in _link_values(stream_value) if link.get("page") is not None]
    if not links:
        return
    language = translation.get_language()
    pages = localize_pages([link["page"] for link in links], language)
    codes = language_codes(pages)
    for link, page in zip(links, pages, strict=True):
        link._localized_page = page
        link._lang = codes.get(page.pk) if codes.get(page.pk) != language else None


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site (followed into the reader's language) or to another site."""

    page = blocks.PageChooserBlock(
        required=False,
        label=_("Page du site"),
        help_text=_("Choisissez une page du site, ou indiquez une adresse externe ci-dessous."),
    )
    url = blocks.URLBlock(
        required=False,
        label=_("Adresse externe"),
        help_text=_("Seulement pour un lien vers un autre site (https://…)."),
    )
    label = blocks.CharBlock(
        required=False,
        max_length=80,
        label=_("Libellé"),
        help_text=_("Texte du lien. Par défaut, le titre de la page choisie."),
    )

    class Meta:
        icon = "link"
        label = _("Lien")
        template = "portal/blocks/link.html"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choisissez soit une page du site, soit une adresse externe.")
            errors["page"] = ErrorList([ValidationError(message)])
        elif value.get("url") and not value.get("label"):
            errors["label"] = ErrorList(
                [ValidationError(_("Un lien externe a besoin d'un libellé."))]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=160, label=_("Texte du titre"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Titre de section (niveau 2)")), ("h3", _("Sous-titre (niveau 3)"))],
        default="h2",
        label=_("Niveau"),
        help_text=_("Les niveaux structurent la page pour les lecteurs d'écran : "
                    "ne sautez pas de niveau."),
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "portal/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Texte alternatif"),
        help_text=_(
            "Décrivez ce que montre l'image pour une personne qui ne la voit pas. "
            "Obligatoire, sauf si l'image est purement décorative."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("Image décorative"),
        help_text=_("Cochez seulement si l'image n'apporte aucune information."),
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, label=_("Légende"), help_text=_("Facultative.")
    )
    credit = blocks.CharBlock(
        required=False, max_length=120, label=_("Crédit"), help_text=_("Auteur ou source.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "portal/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                _("Donnez un texte alternatif, ou marquez l'image "
                                  "comme décorative.")
                            )
                        ]
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(
        required=False,
        max_length=160,
        label=_("Auteur ou autrice"),
        help_text=_("Nom, et s'il y a lieu l'association ou la fonction."),
    )

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "portal/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Titre"))
    text = blocks.TextBlock(required=False, label=_("Texte"))
    link = LinkBlock(label=_("Bouton"))

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "portal/blocks/call_to_action.html"


def shown_number(figure):
    """The current number of a live figure, grouped the reader's way and followed by its
    unit ("1 234", "35 %"), or None when the figure is no longer registered."""
    if figure is None:
        return None
    number = live_figures.value(figure.key)
    if number is None:
        return None
    shown = number_format(number, use_l10n=True, force_grouping=True)
    return f"{shown}\N{NO-BREAK SPACE}{figure.unit}" if figure.unit else shown


class KeyFiguresValue(blocks.StructValue):
    def shown(self):
        """What the key figures template shows: {title, figures: [{label, value, source}]}.
        A typed figure is shown as typed; a live figure is counted now (or cached a few
        minutes), with the figure's label and source unless the editor gave others, and left
        out when no longer registered; None when no figure is left."""
        shown = []
        for item in self.get("figures") or []:
            key = item.get("live")
            if not key:
                shown.append({"label": item.get("label"), "value": item.get("value"),
                              "source": item.get("source")})
                continue
            figure = live_figures.get(key)
            number = shown_number(figure)
            if number is None:
                continue
            shown.append({"label": item.get("label") or figure.label, "value": number,
                          "source": item.get("source") or figure.source})
        if not shown:
            return None
        return {"title": self.get("title"), "figures": shown}


class KeyFigureBlock(blocks.StructBlock):
    """A figure typed by the editor, or one the site counts itself (a live figure)."""

    value = blocks.CharBlock(
        required=False, max_length=20, label=_("Chiffre"),
        help_text=_("Par exemple « 1 200 » ou « 35 % ». Laissez vide si vous choisissez un "
                    "chiffre en direct."),
    )
    live = blocks.ChoiceBlock(
        choices=live_figures.choices, required=False, label=_("Ou chiffre en direct"),
        help_text=_("Un chiffre compté par le site (annuaire, rapports d'impact) : il reste "
                    "toujours à jour. Choisissez-le à la place d'un chiffre tapé."),
    )
    label = blocks.CharBlock(
        required=False, max_length=120, label=_("Ce qu'il compte"),
        help_text=_("Pour un chiffre en direct, facultatif : par défaut, son libellé."),
    )
    source = blocks.CharBlock(
        required=False, max_length=160, label=_("Source"),
        help_text=_("D'où vient ce chiffre. Pour un chiffre en direct, par défaut la sienne."),
    )

    class Meta:
        icon = "order"
        label = _("Chiffre clé")

    def clean(self, value):
        value = super().clean(value)
        typed, live = (value.get("value") or "").strip(), value.get("live")
        errors = {}
        if bool(typed) == bool(live):
            errors["value"] = _("Tapez un chiffre ou choisissez un chiffre en direct, l'un "
                                "des deux seulement.")
        elif typed and not (value.get("label") or "").strip():
            errors["label"] = _("Dites ce que compte ce chiffre.")
        if errors:
            raise StructBlockValidationError(block_errors={
                name: ErrorList([ValidationError(message)]) for name, message in errors.items()
            })
        return value


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Titre"))
    figures = blocks.ListBlock(
        KeyFigureBlock(), min_num=1, max_num=6, label=_("Chiffres"),
        help_text=_("De un à six chiffres, tapés ou comptés en direct par le site."),
    )

    class Meta:
        icon = "order"
        label = _("Chiffres clés")
        template = "portal/blocks/key_figures_block.html"
        value_class = KeyFiguresValue


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250, label=_("Question"))
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Réponse"))

    class Meta:
        icon = "help"
        label = _("Question")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Titre"))
    items = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Accordéon / FAQ")
        template = "portal/blocks/accordion.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        required=False,
        max_length=160,
        label=_("Libellé"),
        help_text=_("Par défaut, le titre du document. Le format et le poids sont ajoutés."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "portal/blocks/document_link.html"


class EmbedValue(blocks.StructValue):
    def iframe_html(self):
        """The provider's HTML with a title on its frame, as screen readers need one."""
        embed = self.get("embed")
        html = getattr(embed, "html", "") or ""
        title = escape(self.get("title") or "")
        html = re.sub(r"(<iframe\b[^>]*?)\s+title=(\"[^\"]*\"|'[^']*')", r"\1", html)
        return mark_safe(html.replace("<iframe", f'<iframe title="{title}"', 1))  # noqa: S308


class VideoEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(
        label=_("Adresse de la vidéo ou du contenu"),
        help_text=_("Adresse d'une vidéo YouTube, Vimeo ou Dailymotion."),
    )
    title = blocks.CharBlock(
        max_length=160,
        label=_("Titre du contenu"),
        help_text=_("Annoncé aux lecteurs d'écran avant le lecteur vidéo."),
    )
    transcript = blocks.TextBlock(
        required=False,
        label=_("Transcription"),
        help_text=_("Le texte de la vidéo, pour les personnes qui ne peuvent pas l'écouter."),
    )

    class Meta:
        icon = "media"
        label = _("Contenu intégré")
        template = "portal/blocks/embed.html"
        value_class = EmbedValue


class BaseStreamBlock(blocks.StreamBlock):
    """The library of blocks every page body offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Texte"), icon="pilcrow",
        template="portal/blocks/paragraph.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    accordion = AccordionBlock()
    document = DocumentLinkBlock()
    embed = VideoEmbedBlock()

    class Meta:
        label = _("Contenu")


# Live figures and contacts (the guide for elected officials; usable by any page type).


class LiveFiguresValue(blocks.StructValue):
    def shown(self):
        """What the key figures template shows: {title, figures: [{label, value, source}]},
        the numbers counted now (or cached a few minutes); a figure whose key is no longer
        registered is left out, and None when none is left."""
        shown = []
        for item in self.get("figures") or []:
            figure = live_figures.get(item.get("figure"))
            if figure is None:
                continue
            number = shown_number(figure)
            if number is None:
                continue
            shown.append({
                "label": item.get("label") or figure.label,
                "value": number,
                "source": figure.source,
            })
        if not shown:
            return None
        return {"title": self.get("title"), "figures": shown}


class LiveFigureBlock(blocks.StructBlock):
    figure = blocks.ChoiceBlock(
        choices=live_figures.choices,
        label=_("Chiffre"),
        help_text=_("Compté par le site à partir de l'annuaire et des rapports d'impact : il "
                    "reste toujours à jour."),
    )
    label = blocks.CharBlock(
        required=False, max_length=120, label=_("Libellé"),
        help_text=_("Facultatif : ce que le chiffre compte, si vous voulez le dire autrement "
                    "que le libellé proposé."),
    )

    class Meta:
        icon = "order"
        label = _("Chiffre en direct")


class LiveFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Titre"))
    figures = blocks.ListBlock(
        LiveFigureBlock(), min_num=1, max_num=6, label=_("Chiffres"),
        help_text=_("De un à six chiffres, affichés comme les chiffres clés."),
    )

    class Meta:
        icon = "order"
        label = _("Chiffres en direct")
        template = "portal/blocks/live_figures.html"
        value_class = LiveFiguresValue


class ContactBlock(blocks.StructBlock):
    """A public contact (elected officials and their services may call or write to them)."""

    name = blocks.CharBlock(max_length=120, label=_("Nom"),
                            help_text=_("Une personne ou un service, par exemple « Accueil »."))
    role = blocks.CharBlock(
        required=False, max_length=160, label=_("Rôle"),
        help_text=_("Par exemple « coordinatrice du collectif » ou « porte-parole pour le "
                    "nord du département »."),
    )
    organisation = blocks.CharBlock(
        required=False, max_length=160, label=_("Organisation"),
        help_text=_("L'association ou la structure de la personne."),
    )
    email = blocks.EmailBlock(
        required=False, label=_("Courriel"),
        help_text=_("Une adresse publique, que la personne accepte de voir publiée."),
    )
    phone = blocks.CharBlock(
        required=False, max_length=30, label=_("Téléphone"),
        help_text=_("Public lui aussi, par exemple 01 60 00 00 00."),
    )

    class Meta:
        icon = "user"
        label = _("Contact")
        template = "portal/blocks/contact.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("email") and not (value.get("phone") or "").strip():
            raise StructBlockValidationError(block_errors={"email": ErrorList([ValidationError(
                _("Donnez au moins un courriel ou un téléphone pour joindre ce contact."))])})
        return value
