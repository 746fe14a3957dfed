"""Finding events by their dates: those to come and past ones, annotated with the occurrence
that places them, and what a list of events shows beside each."""

from django.db.models import Max, Min, Prefetch, Q
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from events.models.inlines import EventOrganiser


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None, starts_from=None, starts_before=None):
        """The events with an occurrence still to come (ending after `now`, and starting in
        [starts_from, starts_before) when given), soonest first, each annotated with that
        occurrence: `next_start` and `next_end`."""
        now = now or timezone.now()
        condition = Q(occurrences__ends_at__gt=now) & month_condition(starts_from, starts_before)
        return (
            self.annotate(next_start=Min("occurrences__starts_at", filter=condition),
                          next_end=Min("occurrences__ends_at", filter=condition))
            .filter(next_start__isnull=False)
            .order_by("next_start", "pk")
        )

    def past(self, now=None, starts_from=None, starts_before=None):
        """The events with no occurrence to come, the most recent first, annotated with
        their last occurrence (in [starts_from, starts_before) when given): `last_start` and
        `last_end`."""
        now = now or timezone.now()
        condition = month_condition(starts_from, starts_before)
        return (
            self.exclude(occurrences__ends_at__gt=now)
            .annotate(last_start=Max("occurrences__starts_at", filter=condition),
                      last_end=Max("occurrences__ends_at", filter=condition))
            .filter(last_start__isnull=False)
            .order_by("-last_start", "-pk")
        )


def month_condition(starts_from, starts_before):
    condition = Q()
    if starts_from is not None:
        condition &= Q(occurrences__starts_at__gte=starts_from)
    if starts_before is not None:
        condition &= Q(occurrences__starts_at__lt=starts_before)
    return condition


def with_listing_relations(events):
    """What a list of events shows beside each: theme, place, organisers (a fixed number of
    queries, whatever the number of events)."""
    return events.select_related("theme", "venue__commune").prefetch_related(
        Prefetch("organisers",
                 queryset=EventOrganiser.objects.select_related("association")),
    )


EventPageManager = PageManager.from_queryset(EventPageQuerySet)
