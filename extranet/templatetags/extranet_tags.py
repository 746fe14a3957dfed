"""What templates ask of extranet.permissions: `{% load extranet_tags %}`, then
`{% if user|is_member %}`, `{{ user|role_in:association }}`,
`{% if user|can_edit_association:association %}`, `{% if user|can_manage_group:group %}`,
`{% if user|can_change_post:post %}`…; and how a person is named to other members:
`{{ person|person_name }}`."""

from django import template

from extranet import permissions
from extranet.accounts.models import Role
from portal import people

register = template.Library()


@register.filter
def person_name(person):
    """A person's names, as other members see them, or « Personne sans nom » (never their
    address: contact details are for the members' directory); see portal.people."""
    return people.person_name(person)


@register.filter
def role_in(user, association):
    """The label of the user's role in the association ("représentant·e"), or ""."""
    role = permissions.role_in(user, association)
    return Role(role).label if role else ""


# Each question of extranet.permissions, as a filter of the same name and arguments.
for name in [
    "is_member", "is_coordinator", "can_edit_association",
    "can_post_news", "can_change_post", "can_comment", "can_remove_comment",
    "is_in_group", "can_manage_groups", "can_join_group", "can_leave_group",
    "can_manage_group", "can_update_task", "can_manage_network_meetings",
    "can_manage_meeting",
]:
    register.filter(name, getattr(permissions, name))
