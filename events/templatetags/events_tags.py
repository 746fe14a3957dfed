from django import template

from events import formatting

register = template.Library()


@register.simple_tag
def event_period(start, end):
    """{% event_period start end %}: "mardi 10 mars 2026, 19 h – 21 h" in Paris time."""
    if not start or not end:
        return ""
    return formatting.period_text(start, end)


@register.filter
def event_rule(page):
    """{{ page|event_rule }}: a recurring event's rule in words ("" for a single event)."""
    return formatting.rule_text(page)


@register.filter
def event_date(moment):
    """{{ moment|event_date }}: "mardi 10 mars 2026" in Paris time."""
    return formatting.date_text(moment) if moment else ""
