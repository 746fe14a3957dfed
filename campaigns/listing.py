"""The campaigns' index: current campaigns, then past ones (`?etat=passees`), by theme
(`?theme=<slug>`), twelve a page, with their counters in one query; and the open campaigns
that the home page leads with."""

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.http import urlencode

from campaigns.models import (
    CURRENT_STATUSES,
    ENDED_STATUSES,
    CampaignPage,
    CampaignStatus,
    Signature,
)
from events.models import Theme

PAST = "passees"


def with_counts(campaigns):
    """Each campaign annotated with `signature_count` (its default-language page's confirmed
    signatures): one subquery, whatever the number of campaigns."""
    counts = (Signature.objects.filter(campaign__translation_key=OuterRef("translation_key"),
                                       confirmed_at__isnull=False)
              .order_by().values("campaign__translation_key")
              .annotate(total=Count("pk")).values("total"))
    return campaigns.annotate(signature_count=Coalesce(Subquery(counts[:1]), 0))


def progress(count, goal):
    """The percentage of the goal reached (at most 100), None without a goal."""
    return min(100, round(100 * count / goal)) if goal else None


HOME_CAMPAIGNS = 3


def open_campaigns(locale, limit=HOME_CAMPAIGNS):
    """The open campaigns of `locale`, newest first, each with `signature_count`,
    `percent` (of its goal) and `petition_open`: two queries, whatever their number."""
    campaigns = with_counts(
        CampaignPage.objects.live().public()
        .filter(locale=locale, status=CampaignStatus.OPEN).select_related("theme")
    ).order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:limit]
    now = timezone.now()
    campaigns = list(campaigns)
    for campaign in campaigns:
        campaign.percent = progress(campaign.signature_count, campaign.goal)
        campaign.petition_open = campaign.petition_is_open(now)
    return campaigns


def campaign_index(index, request):
    campaigns = index.campaigns()
    past = request.GET.get("etat") == PAST
    campaigns = campaigns.filter(status__in=ENDED_STATUSES if past else CURRENT_STATUSES)
    themes = list(Theme.objects.filter(
        campaigns__in=CampaignPage.objects.child_of(index).live().public()
    ).distinct())
    theme = next((theme for theme in themes if theme.slug == request.GET.get("theme")), None)
    if theme is not None:
        campaigns = campaigns.filter(theme=theme)
    campaigns = with_counts(campaigns.select_related("theme")).order_by(
        F("first_published_at").desc(nulls_last=True), "-pk"
    )
    paginator = Paginator(campaigns, index.CAMPAIGNS_PER_PAGE)
    try:
        results = paginator.page(int(request.GET.get("page") or 1))
    except (ValueError, EmptyPage):
        results = paginator.page(1)
    query = {key: value for key, value in
             [("etat", PAST if past else ""), ("theme", theme.slug if theme else "")] if value}
    feed_url = index.url + index.reverse_subpage("feed") if index.url else ""
    return index.render(request, context_overrides={
        "results": results,
        "paginator": paginator,
        "past": past,
        "themes": themes,
        "selected_theme": theme,
        "query_string": urlencode(query),
        "feed_url": feed_url,
        "has_past": past or index.campaigns().filter(status__in=ENDED_STATUSES).exists(),
    })
