"""The campaigns an association carries: a section of its page in the directory, registered
by CampaignsConfig (directory.association_sections)."""

from django.db.models import F

from campaigns.models import CURRENT_STATUSES, ENDED_STATUSES, CampaignPage

CARRIED_CURRENT = 10
CARRIED_PAST = 5


def carried_by(association, locale):
    """The live public campaigns in `locale` that `association` carries: (current ones, in
    preparation or open; the last past ones, closed, won or lost), newest first, with their
    theme (three queries, whatever the number of campaigns)."""
    campaigns = (CampaignPage.objects.live().public()
                 .filter(locale=locale, associations__association=association)
                 .select_related("theme")
                 .order_by(F("first_published_at").desc(nulls_last=True), "-pk"))
    return (list(campaigns.filter(status__in=CURRENT_STATUSES)[:CARRIED_CURRENT]),
            list(campaigns.filter(status__in=ENDED_STATUSES)[:CARRIED_PAST]))


def section(association, locale):
    """The section's context, or None when the association carries no campaign there."""
    current, past = carried_by(association, locale)
    return {"current": current, "past": past} if current or past else None
