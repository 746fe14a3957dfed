"""Site search: /search/?q= over every live public page in the reader's language."""

import logging

from django.core.paginator import EmptyPage, Paginator
from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from wagtail.models import Locale, Page

from home.forms import SearchForm

RESULTS_PER_PAGE = 10
logger = logging.getLogger(__name__)


def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # a bad page number or a NUL character: the field is left out, no error
    query = form.cleaned_data.get("q", "")
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth=1)
            .specific()
            .search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(form.cleaned_data.get("page") or 1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    except DatabaseError:  # a query the search engine still cannot parse: no results
        logger.warning("Search failed for %r", query, exc_info=True)
        paginator = Paginator(Page.objects.none(), RESULTS_PER_PAGE)
        page = paginator.page(1)
    return TemplateResponse(
        request,
        "home/search_results.html",
        {
            "search_query": query,
            "results": page,
            "paginator": paginator,
            "query_string": urlencode({"q": query}),
        },
    )
