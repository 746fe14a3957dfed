from django import template

from portal import navigation

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
