"""`{% registration_state page as registration %}`: what the registration block of an event
page shows (see templates/events/includes/registration.html), for pages whose context does
not give it already."""

from django import template

from events.registrations import registration_context

register = template.Library()


@register.simple_tag(takes_context=True)
def registration_state(context, page):
    return registration_context(page, context.get("request"))["registration"]
