"""What the public directory answers at its routes: the list of associations (searched,
filtered, by pages), the data of its map, an association's page and the open data exports."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import urlencode

# Modules, not names: they import the directory's models in turn.
from directory import association_sections, forms, opendata
from directory.map import map_data as map_features


class CachedCountPaginator(Paginator):
    """A paginator whose count is kept in the cache under `count_key` (when given): counting
    tens of thousands of rows is the dearest part of a browse of the directory."""

    COUNT_TIMEOUT = 60 * 60

    def __init__(self, *args, count_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        return cache.get_or_set(self.count_key, lambda: Paginator.count.func(self),
                                self.COUNT_TIMEOUT)


def directory_list(directory, request):
    """The published associations, searched and filtered as the address asks, by pages."""
    form = forms.DirectoryFilterForm(request.GET)
    results = (
        form.filter(directory.associations())
        .select_related("commune")
        .prefetch_related("sectors")
    )
    paginator = CachedCountPaginator(results, directory.RESULTS_PER_PAGE,
                                     count_key=form.count_cache_key())
    try:
        page_of_results = paginator.page(form.cleaned_data.get("page") or 1)
    except EmptyPage:
        page_of_results = paginator.page(paginator.num_pages)
    query = form.query()
    return directory.render(
        request,
        context_overrides={
            "form": form,
            "results": page_of_results,
            "paginator": paginator,
            "query_string": urlencode(query),
            "filtered": bool(query),
            "map_tiles": settings.DIRECTORY_MAP_TILES,
        },
    )


def map_data(directory, request):
    """The associations of the list, filtered like the page, as GeoJSON for its map."""
    form = forms.DirectoryFilterForm(request.GET)
    associations = form.filter(directory.associations())
    base = directory.get_url(request)
    query = {key: value for key, value in form.query().items() if key != "commune"}

    def url_of_slug(slug):
        return f"{base}{slug}/"

    def url_of_commune(code):
        return f"{base}?{urlencode({**query, 'commune': code})}"

    response = JsonResponse(
        map_features(associations, url_of_slug, url_of_commune, directory.MAP_MAX_POINTS),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )
    patch_cache_control(response, public=True, max_age=directory.MAP_MAX_AGE)
    return response


def association_page(directory, request, slug):
    """A published association's page, with what other apps show there."""
    association = get_object_or_404(
        directory.associations().select_related("commune", "logo").prefetch_related("sectors"),
        slug=slug,
    )
    return directory.render(
        request,
        template="directory/association_page.html",
        context_overrides={
            "association": association,
            # What other apps show there (their events, campaigns): association_sections.
            "sections": association_sections.shown(association, directory.locale),
        },
    )


def export_schema(directory):
    """The JSON Schema of the JSON export."""
    return JsonResponse(
        opendata.json_schema(directory.full_url + directory.reverse_subpage("export_schema")),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def export(directory, request, kind):
    """The published associations (filtered like the page) as CSV or JSON, streamed."""
    associations = forms.DirectoryFilterForm(request.GET).filter(directory.associations())
    base = directory.full_url

    def url_of(association):
        return association.page_url(base)

    if kind == "csv":
        response = StreamingHttpResponse(
            opendata.csv_chunks(associations, url_of), content_type="text/csv; charset=utf-8"
        )
    else:
        schema_url = directory.full_url + directory.reverse_subpage("export_schema")
        response = StreamingHttpResponse(
            opendata.json_chunks(associations, url_of, schema_url),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = f'inline; filename="associations.{kind}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
