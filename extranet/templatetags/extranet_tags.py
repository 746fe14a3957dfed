"""What templates ask of extranet.permissions: `{% load extranet_tags %}`, then
`{% if user|is_member %}`, `{{ user|role_in:association }}`,
`{% if user|can_edit_association:association %}`, and for the news
`{% if user|can_change_post:post %}`, `{% if user|can_remove_comment:comment %}`…"""

from django import template

from extranet import permissions
from extranet.accounts.models import Role

register = template.Library()


@register.filter
def is_member(user):
    return permissions.is_member(user)


@register.filter
def is_coordinator(user):
    return permissions.is_coordinator(user)


@register.filter
def role_in(user, association):
    """The label of the user's role in the association ("représentant·e"), or ""."""
    role = permissions.role_in(user, association)
    return Role(role).label if role else ""


@register.filter
def can_edit_association(user, association):
    return permissions.can_edit_association(user, association)


@register.filter
def can_post_news(user):
    return permissions.can_post_news(user)


@register.filter
def can_change_post(user, post):
    return permissions.can_change_post(user, post)


@register.filter
def can_comment(user, post):
    return permissions.can_comment(user, post)


@register.filter
def can_remove_comment(user, comment):
    return permissions.can_remove_comment(user, comment)
