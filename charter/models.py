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
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from charter import adoptions
from charter.diff import diff_versions
from charter.forms import CompareForm
from portal import dates
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


def numbered_chapters(chapters):
    """The parts of a charter (its StreamField value) as plain data, articles numbered from 1
    to the end across the parts: [{title, articles: [{number, title, text}]}], each text the
    rich text as stored (links by id, expanded when shown)."""
    parts, number = [], 0
    for block in chapters:
        articles = []
        for article in block.value["articles"]:
            number += 1
            text = article["text"]
            articles.append({"number": number, "title": article["title"] or "",
                             "text": getattr(text, "source", text) or ""})
        parts.append({"title": block.value["title"] or "", "articles": articles})
    return parts


class CharterPage(RoutablePageMixin, BasePage):
    """The charter as it stands: the page shows the text of the last adopted version, its
    signatories, and the history of earlier versions (see templates/charter/charter_page.html).

    Routes: `version/<n>/` (an earlier version as adopted), `comparer/?de=1&a=2` (what changed
    between two versions), `imprimer/` (the print layout)."""

    preamble = RichTextField(
        _("préambule"), features=CHARTER_TEXT_FEATURES, blank=True,
        help_text=_("Ce qui rassemble les associations du collectif, avant les articles."),
    )
    chapters = StreamField(
        [("chapter", CharterChapterBlock())], blank=True, verbose_name=_("articles"),
        help_text=_("Les parties de la charte et leurs articles, numérotés de 1 à la fin."),
    )
    decision_number = models.CharField(
        _("décision d'adoption (numéro du registre)"), max_length=20, blank=True,
        help_text=_("Le numéro, au registre des décisions, de la décision qui adopte ce texte, "
                    "par exemple 2026-007. La date d'adoption est reprise de la décision, et "
                    "la charte renvoie à la page publique de la décision."),
    )
    adopted_on = models.DateField(
        _("adoptée le"), null=True, blank=True,
        help_text=_("Date de la décision qui adopte ce texte : reprise de la décision du "
                    "registre quand vous en citez une. Un texte modifié est une nouvelle "
                    "version."),
    )
    adopted_by = models.CharField(
        _("décision d'adoption (texte libre)"), max_length=200, blank=True,
        help_text=_("Seulement pour une version adoptée hors du registre des décisions (avant "
                    "qu'il existe) : par exemple « Assemblée générale constitutive du 14 mars "
                    "2026 ». Laissez vide quand vous citez une décision du registre."),
    )
    decision_url = models.URLField(
        _("lien vers la décision"), blank=True,
        help_text=_("Seulement avec le texte libre : le compte rendu de la décision."),
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
            [FieldPanel("decision_number"), FieldPanel("adopted_on"), FieldPanel("adopted_by"),
             FieldPanel("decision_url"), FieldPanel("change_summary")],
            heading=_("Adoption de cette version"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields, index.SearchField("preamble"), index.SearchField("chapters"),
    ]
    # The French page cites the decision; its translations cite the same one.
    override_translatable_fields = [SynchronizedField("decision_number")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("charte")
        verbose_name_plural = _("chartes")

    # The text and its versions

    def text_snapshot(self):
        """What a version keeps of the text: title, preamble and the numbered parts."""
        return {"title": self.title, "preamble": self.preamble or "",
                "chapters": numbered_chapters(self.chapters)}

    def is_reference(self):
        """True for the page in the default language (French): the one that has versions."""
        return self.locale_id is None or self.locale_id == Locale.get_default().pk

    def latest_version(self):
        return self.versions.order_by("-number").first() if self.pk else None

    def clean(self):
        """A changed text is a new version: it needs the decision that adopts it (a decision
        of the register, by its number, or for a version adopted outside the register its
        date and wording), later than the previous version's. The first version needs it
        too. An unchanged text keeps the date of its version. Translations follow the French
        page and are not checked."""
        super().clean()
        if not self.is_reference():
            return
        self.decision_number = self.decision_number.strip()
        if self.decision_number:
            self.take_date_from_the_register()
        latest = self.latest_version()
        if latest is None or latest.text_differs(self.text_snapshot()):
            errors = self.new_version_errors(latest)
            if errors:
                raise ValidationError(errors)
        elif latest.adopted_on and self.adopted_on != latest.adopted_on:
            raise ValidationError({
                "decision_number" if self.decision_number else "adopted_on": _(
                    "Le texte n'a pas changé depuis la version %(number)s, adoptée le "
                    "%(date)s : gardez sa décision, ou modifiez le texte pour en faire une "
                    "nouvelle version."
                ) % {"number": latest.number,
                     "date": dates.long_date(latest.adopted_on)}})

    def take_date_from_the_register(self):
        """The cited decision must be in the register and have adopted its text: the page
        takes its date (one record of the date, the register's)."""
        decision = adoptions.decision(self.decision_number)
        if decision is None:
            raise ValidationError({"decision_number": _(
                "Le registre des décisions n'a pas de décision n° %(number)s. Vérifiez le "
                "numéro (par exemple 2026-007) : la décision doit y être inscrite avant que "
                "la charte la cite.") % {"number": self.decision_number}})
        if not decision.adopted:
            raise ValidationError({"decision_number": _(
                "La décision n° %(number)s n'a pas adopté la proposition (rejetée, ou quorum "
                "non atteint) : elle ne peut pas adopter la charte. Citez la décision qui "
                "l'adopte.") % {"number": self.decision_number}})
        self.adopted_on = decision.decided_on

    def new_version_errors(self, latest):
        errors = {}
        if not self.adopted_on:
            errors["adopted_on"] = _(
                "Un texte nouveau ou modifié est une nouvelle version de la charte : "
                "indiquez la décision qui l'adopte.")
        elif latest is not None and latest.adopted_on and self.adopted_on <= latest.adopted_on:
            errors["decision_number" if self.decision_number else "adopted_on"] = _(
                "Le texte a changé : c'est une nouvelle version, adoptée après la version "
                "%(number)s (adoptée le %(date)s). Indiquez la nouvelle décision."
            ) % {"number": latest.number,
                 "date": dates.long_date(latest.adopted_on)}
        if self.decision_number:
            if latest is not None and self.decision_number == latest.decision_number:
                errors["decision_number"] = _(
                    "Le texte a changé : indiquez la nouvelle décision qui l'adopte (celle-ci "
                    "a adopté la version %(number)s).") % {"number": latest.number}
        elif not self.adopted_by.strip():
            errors["decision_number"] = _(
                "Indiquez le numéro de la décision du registre qui adopte cette version, par "
                "exemple 2026-007.")
        elif latest is not None and self.adopted_by.strip() == latest.adopted_by.strip():
            errors["adopted_by"] = _(
                "Le texte a changé : indiquez la nouvelle décision qui l'adopte (celle-ci "
                "a adopté la version %(number)s).") % {"number": latest.number}
        return errors

    # What the page shows

    def reference_page(self):
        """The French page, whose versions and signatures the translations show."""
        if self.is_reference():
            return self
        return (CharterPage.objects.filter(translation_key=self.translation_key,
                                           locale=Locale.get_default()).first() or self)

    def charter_context(self, request):
        from charter import services

        reference = self.reference_page()
        versions = list(reference.versions.order_by("-number")) if reference.pk else []
        # The register's decisions that adopted them, with their public pages: one lookup.
        adopting = adoptions.decisions([v.decision_number for v in versions], request)
        for version in versions:
            version.adopting = adopting.get(version.decision_number)
        current = versions[0] if versions else None
        return {
            "reference_page": reference,
            "is_translation": reference.pk != self.pk,
            "versions": versions,
            "current_version": current,
            "adoption": services.adoption_of(self, current),
            # The versions are the French text: marked so on a translation's page.
            "versions_lang": (Locale.get_default().language_code
                              if reference.locale_id != self.locale_id else None),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parts"] = numbered_chapters(self.chapters)
        return context

    @path("")
    def current(self, request):
        from charter import services

        context = self.charter_context(request)
        signatories = services.signatories(context["reference_page"], self, request)
        context.update(signatories=signatories,
                       compare_form=CompareForm(context["versions"]))
        return self.render(request, context_overrides=context)

    @path("version/<id:number>/", name="version")
    def version(self, request, number):
        context = self.charter_context(request)
        version = next((v for v in context["versions"] if v.number == number), None)
        if version is None:
            raise Http404
        if version is context["current_version"]:
            return redirect(self.get_url(request))
        context["version"] = version
        return self.render(request, template="charter/charter_version.html",
                           context_overrides=context)

    @path("comparer/", name="compare")
    def compare(self, request):
        context = self.charter_context(request)
        form = CompareForm(context["versions"], request.GET or None)
        context["compare_form"] = form
        status = 200
        if form.is_bound and form.is_valid():
            context["diff"] = diff_versions(form.cleaned_data["de"], form.cleaned_data["a"])
        elif form.is_bound:
            status = 400
        elif len(context["versions"]) >= 2:
            context["diff"] = diff_versions(context["versions"][1], context["versions"][0])
        response = self.render(request, template="charter/charter_compare.html",
                               context_overrides=context)
        response.status_code = status
        return response

    @path("imprimer/", name="print")
    def printable(self, request):
        return self.render(request, template="charter/charter_page_print.html",
                           context_overrides=self.charter_context(request))


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
    title = models.CharField(_("titre"), max_length=255,
                             help_text=_("Le titre de la charte dans cette version."))
    preamble = models.TextField(_("préambule"), blank=True,
                                help_text=_("Le préambule tel qu'adopté (HTML)."))
    chapters = models.JSONField(
        _("articles"), default=list,
        help_text=_("Les parties et leurs articles numérotés, tels qu'adoptés : "
                    "[{title, articles: [{number, title, text}]}], textes en HTML."),
    )
    adopted_on = models.DateField(_("adoptée le"), null=True, blank=True,
                                  help_text=_("La date de la décision qui a adopté ce texte."))
    decision_number = models.CharField(
        _("décision d'adoption (numéro du registre)"), max_length=20, blank=True,
        help_text=_("Le numéro de la décision du registre qui a adopté ce texte (vide pour "
                    "une version adoptée avant le registre)."),
    )
    adopted_by = models.CharField(_("décision d'adoption"), max_length=200, blank=True,
                                  help_text=_("L'instance et la décision qui l'ont adopté."))
    decision_url = models.URLField(_("lien vers la décision"), blank=True,
                                   help_text=_("Le compte rendu ou la décision au registre."))
    change_summary = models.TextField(
        _("ce qui change"), blank=True,
        help_text=_("Ce que cette version change par rapport à la précédente."),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("révision de la page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La révision publiée qui a fait cette version."),
    )
    published_at = models.DateTimeField(
        _("publiée le"), default=timezone.now,
        help_text=_("Quand la page a été publiée avec ce texte."),
    )

    class Meta:
        ordering = ["page", "-number"]
        verbose_name = _("version de la charte")
        verbose_name_plural = _("versions de la charte")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="one_charter_version_number"),
            models.CheckConstraint(condition=Q(number__gte=1),
                                   name="charter_version_number_from_one"),
        ]

    def __str__(self):
        return _("Charte, version %(number)s") % {"number": self.number}

    def save(self, *args, **kwargs):
        """A version is written once, when the text is published, and never rewritten."""
        if not self._state.adding:
            raise ValidationError(_("Une version adoptée de la charte ne se modifie pas : "
                                    "publiez un nouveau texte pour faire une nouvelle version."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Une version adoptée de la charte ne se supprime pas."))

    def text(self):
        return {"title": self.title, "preamble": self.preamble, "chapters": self.chapters}

    def text_differs(self, snapshot):
        """True when `snapshot` (CharterPage.text_snapshot()) is not this version's text."""
        return snapshot != self.text()

    def articles(self):
        return [article for part in self.chapters for article in part.get("articles", [])]


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

    def save(self, *args, **kwargs):
        """A signature is recorded once and never rewritten."""
        if not self._state.adding:
            raise ValidationError(_("Une signature de la charte ne se modifie pas."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Une signature de la charte ne se supprime pas."))

    def clean(self):
        super().clean()
        if not (self.version_id and self.signed_on):
            return
        if self.signed_on > timezone.localdate():
            raise ValidationError({"signed_on": _("La date de signature ne peut pas être "
                                                  "dans le futur.")})
        adopted_on = self.version.adopted_on
        if adopted_on and self.signed_on < adopted_on:
            raise ValidationError({"signed_on": _(
                "Cette version a été adoptée le %(date)s : elle ne peut pas avoir été signée "
                "avant.") % {"date": dates.long_date(adopted_on)}})
        if self.association_id and self.association.dissolved_on and (
                self.association.dissolved_on < self.signed_on):
            raise ValidationError({"association": _(
                "Cette association était dissoute à cette date.")})
