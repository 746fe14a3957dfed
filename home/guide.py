"""The guide for elected officials: a page in chapters, with a table of contents, questions and
answers, live figures from the directory, public contacts, and a printable version.

The chapters are numbered in their order; their anchors (`#chapitre-1`, `#chapitre-2`…) are
what the table of contents links to. The printable version (`imprimer/`) shows the whole
guide with every answer open, ready to print or to save as PDF.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BaseStreamBlock, ContactBlock, LiveFiguresBlock, localize_links
from portal.models import BasePage

FAQ_ANCHOR = "questions-frequentes"


class GuideChapterBodyBlock(BaseStreamBlock):
    """What a chapter holds: the blocks of every page, live figures and contacts."""

    live_figures = LiveFiguresBlock()
    contact = ContactBlock()

    class Meta:
        label = _("Contenu du chapitre")


class GuideChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=160, label=_("Titre du chapitre"),
        help_text=_("Les chapitres sont numérotés tout seuls et forment le sommaire. Dans le "
                    "chapitre, utilisez des titres de niveau 3."),
    )
    body = GuideChapterBodyBlock(label=_("Contenu du chapitre"))

    class Meta:
        icon = "doc-full"
        label = _("Chapitre")


class GuidePage(RoutablePageMixin, BasePage):
    """The guide for elected officials (one per language, usually under the home page)."""

    edition = models.CharField(
        _("édition"), max_length=120, blank=True,
        help_text=_("Par exemple « Première édition, mars 2026 » : affiché en tête du guide "
                    "et de sa version imprimable."),
    )
    chapters = StreamField(
        [("chapter", GuideChapterBlock())], blank=True, verbose_name=_("chapitres"),
        help_text=_("Les chapitres du guide, dans l'ordre. Une foire aux questions se fait "
                    "avec le bloc « Accordéon / FAQ » : le sommaire y renvoie."),
    )

    content_panels = [
        *BasePage.content_panels, FieldPanel("introduction"), FieldPanel("edition"),
        FieldPanel("chapters"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("chapters")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide pour les élus")
        verbose_name_plural = _("guides pour les élus")

    def table_of_contents(self):
        """[{number, title, anchor}] for each chapter, in order."""
        return [
            {"number": number, "title": chapter.value["title"], "anchor": f"chapitre-{number}"}
            for number, chapter in enumerate(self.chapters, start=1)
        ]

    def faq_location(self):
        """(chapter index, block index) of the first question-and-answer block, or None."""
        for chapter_index, chapter in enumerate(self.chapters):
            for block_index, block in enumerate(chapter.value["body"]):
                if block.block_type == "accordion":
                    return chapter_index, block_index
        return None

    def chapters_to_show(self):
        """[{number, title, anchor, blocks: [(block, anchor or None)]}]: the chapters with
        their numbers, the first question-and-answer block carrying the FAQ anchor."""
        faq = self.faq_location()
        return [
            {
                **entry,
                "blocks": [
                    (block, FAQ_ANCHOR if (chapter_index, block_index) == faq else None)
                    for block_index, block in enumerate(chapter.value["body"])
                ],
            }
            for chapter_index, (entry, chapter) in enumerate(
                zip(self.table_of_contents(), self.chapters, strict=True))
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.chapters:
            localize_links(self.chapters)
        context["toc"] = self.table_of_contents()
        context["guide_chapters"] = self.chapters_to_show()
        context["faq_anchor"] = FAQ_ANCHOR if self.faq_location() else None
        return context

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("imprimer/", name="print")
    def printable(self, request):
        """The whole guide, every answer open, for printing or saving as PDF."""
        return self.render(request, template="home/guide_page_print.html")
