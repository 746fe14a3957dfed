"""What the events' pages answer at their routes: the list of events to come or past ones
(filtered, by pages), the calendars to subscribe to, and an event's calendar file."""

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

# Modules, not names: they import the events' models in turn.
from events import calendars, filters
from events.models.querysets import with_listing_relations
from events.models.snippets import Theme

CALENDAR_MAX_AGE = 300  # seconds browsers and calendar apps may keep a calendar


def calendar_url(page, request, name, **kwargs):
    """The address of a calendar route of `page`: `…/calendrier.ics`, without the slash that
    Wagtail's routes end with (home/urls.py sends these addresses to Wagtail)."""
    base = page.get_url(request)
    if base is None:
        return None
    return base + page.reverse_subpage(name, kwargs=kwargs).removesuffix("/")


def ics_response(body, filename, disposition="inline"):
    """An iCalendar response: `inline` for a feed one subscribes to, `attachment` for a file
    to add to one's calendar."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=CALENDAR_MAX_AGE)
    return response


def listing(index, request, past):
    """The events of `index` to come (or past ones), filtered as the address asks, by pages."""
    now = timezone.now()
    events = index.events()
    form = filters.EventFilterForm(request.GET, events=events, now=now, past=past)
    results = with_listing_relations(form.filter(events, now, past=past))
    paginator = Paginator(results, index.EVENTS_PER_PAGE)
    try:
        page_of_results = paginator.page(form.cleaned_data.get("page") or 1)
    except EmptyPage:
        page_of_results = paginator.page(paginator.num_pages)
    query = form.query()
    theme = form.cleaned_data.get("theme")
    return index.render(
        request,
        context_overrides={
            "form": form,
            "past": past,
            "results": page_of_results,
            "paginator": paginator,
            "query_string": urlencode(query),
            "filtered": bool(query),
            "selected_theme": form.selected_theme(),
            "canonical_url": (index.get_full_url(request) or "") + (
                index.reverse_subpage("archive") if past else ""
            ),
            "calendar_url": calendar_url(index, request, "calendar"),
            "theme_calendar_url": (
                calendar_url(index, request, "theme_calendar", slug=theme) if theme else None
            ),
        },
    )


def calendar(index, request):
    """Every event to come, as an iCalendar feed to subscribe to."""
    events = index.events().upcoming()
    return ics_response(calendars.feed_ics(events, request, index.title), "agenda.ics")


def theme_calendar(index, request, slug):
    """The events to come of one theme, as an iCalendar feed to subscribe to."""
    theme = get_object_or_404(Theme, slug=slug)
    events = index.events().upcoming().filter(theme=theme)
    name = f"{index.title} · {theme.display_name}"
    return ics_response(calendars.feed_ics(events, request, name), f"agenda-{theme.slug}.ics")


def event_calendar(event, request):
    """The event as an iCalendar file, to add to one's calendar."""
    return ics_response(calendars.event_ics(event, request), f"{event.slug}.ics", "attachment")
