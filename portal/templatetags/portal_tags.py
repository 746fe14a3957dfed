import datetime

from django import template
from django.utils import timezone

from portal import dates, navigation, people

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    return {"links": navigation.menu_links(context["request"], "main")}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    return {"links": navigation.menu_links(context["request"], "footer")}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context["request"]
    return {
        "ancestors": navigation.breadcrumbs(request, page),
        "page": page,
    }


@register.simple_tag(takes_context=True)
def language_links(context):
    return navigation.language_links(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def home_url(context):
    return navigation.home_url(context["request"])


@register.filter
def file_extension(document):
    return document.file_extension.upper() if document else ""


@register.simple_tag(takes_context=True)
def legal_links(context, site_settings):
    return navigation.legal_links(context["request"], site_settings)


@register.simple_tag(takes_context=True)
def join_link(context, site_settings):
    return navigation.join_link(context["request"], site_settings)


@register.filter
def person_name(person):
    """A person as others see them: names, or « Personne sans nom » (portal.people)."""
    return people.person_name(person)


@register.filter
def html_datetime(value):
    """A valid value for `<time datetime="…">`: a date as `2026-12-06`, a moment in local
    time to the second, with its offset, as `2026-12-06T10:30:00+01:00` (no microseconds,
    which the HTML checker refuses); "" for no value."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


# Dates and times in words, one way for the whole site (portal.dates): "mardi 8 décembre
# 2026", "1er décembre 2026", "18 h 30", "8 décembre 2026 à 18 h 30".
register.filter("long_date", dates.long_date)
register.filter("weekday_date", dates.weekday_date)
register.filter("hour", dates.hour)
register.filter("date_hour", dates.date_hour)
register.filter("weekday_date_hour", dates.weekday_date_hour)
