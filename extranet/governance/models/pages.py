"""The public face of the decision register: the page « Nos décisions et positions ».

It lists the public decisions of the register (`is_public`), newest first, by pages of 20,
filtered by year (`?annee=2026`), and shows each one at `<number>/` under the page's address
(`…/nos-decisions/2026-007/`): its text, date, body, outcome, tally and quorum, and the
decisions it replaces or that replace it. A decision that is not public answers 404 there.
The page is translated like the others (wagtail-localize); the decisions' text is French.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from extranet.governance.models.decisions import Decision
from portal.models import BasePage


class DecisionsPage(RoutablePageMixin, BasePage):
    """« Nos décisions et positions »: the public decisions of the register."""

    DECISIONS_PER_PAGE = 20
    YEAR_PARAMETER = "annee"

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page « Nos décisions et positions »")
        verbose_name_plural = _("pages « Nos décisions et positions »")

    def public_decisions(self):
        return Decision.objects.public().select_related("body")

    def decision_url(self, number, request=None):
        """The address of a decision's page under this page (None if the page has none)."""
        base = self.get_url(request)
        if base is None:
            return None
        return base + self.reverse_subpage("decision", args=[number])

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        for number, published_at in (Decision.objects.public().order_by("-year", "-sequence")
                                     .values_list("number", "published_at")):
            urls.append({"location": base + self.reverse_subpage("decision", args=[number]),
                         "lastmod": published_at})
        return urls

    def selected_year(self, request, years):
        value = request.GET.get(self.YEAR_PARAMETER, "")
        return int(value) if value.isdigit() and int(value) in years else None

    @path("")
    def index(self, request):
        years = list(Decision.objects.public().order_by("-year").values_list("year", flat=True)
                     .distinct())
        year = self.selected_year(request, years)
        decisions = self.public_decisions()
        if year is not None:
            decisions = decisions.filter(year=year)
        paginator = Paginator(decisions, self.DECISIONS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        base = self.get_url(request) or ""
        for decision in results:
            decision.page_url = base + self.reverse_subpage("decision", args=[decision.number])
        return self.render(request, context_overrides={
            "years": years,
            "selected_year": year,
            "results": results,
            "paginator": paginator,
            "query_string": urlencode({self.YEAR_PARAMETER: year}) if year else "",
            "decisions_lang": settings.LANGUAGE_CODE,
        })

    @path("<str:number>/", name="decision")
    def decision(self, request, number):
        decision = (Decision.objects.public().with_links().filter(number=number).first())
        if decision is None:
            raise Http404
        replaced = decision.supersedes
        replacement = getattr(decision, "superseded_by", None)
        return self.render(
            request, template="governance/decision_page.html",
            context_overrides={
                "decision": decision,
                "replaced": replaced,
                "replaced_url": (self.decision_url(replaced.number, request)
                                 if replaced and replaced.is_public else None),
                "replacement": replacement,
                "replacement_url": (self.decision_url(replacement.number, request)
                                    if replacement and replacement.is_public else None),
                "decisions_lang": settings.LANGUAGE_CODE,
                "canonical_url": (self.get_full_url(request) or "")
                + self.reverse_subpage("decision", args=[decision.number]),
            },
        )
