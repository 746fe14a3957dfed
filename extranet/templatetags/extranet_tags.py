"""What templates ask of extranet.permissions: `{% load extranet_tags %}`, then
`{% if user|is_member %}`, `{{ user|role_in:association }}`,
`{% if user|can_edit_association:association %}`, `{% if user|can_manage_group:group %}`,
`{% if user|can_change_post:post %}`…; and how a person is named to other members:
`{{ person|person_name }}`."""

from django import template

from extranet import permissions
from extranet.accounts.models import Role

register = template.Library()


@register.filter
def person_name(person):
    """A person's names, as other members see them (never their address: contact details
    are for the members' directory)."""
    return person.get_full_name() or person.get_username()


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


# News


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


# Working groups


@register.filter
def is_in_group(user, group):
    return permissions.is_in_group(user, group)


@register.filter
def can_manage_groups(user):
    return permissions.can_manage_groups(user)


@register.filter
def can_join_group(user, group):
    return permissions.can_join_group(user, group)


@register.filter
def can_leave_group(user, group):
    return permissions.can_leave_group(user, group)


@register.filter
def can_manage_group(user, group):
    return permissions.can_manage_group(user, group)


@register.filter
def can_update_task(user, task):
    return permissions.can_update_task(user, task)


@register.filter
def can_manage_network_meetings(user):
    return permissions.can_manage_network_meetings(user)


@register.filter
def can_manage_meeting(user, meeting):
    return permissions.can_manage_meeting(user, meeting)
