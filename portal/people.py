"""How a person (an account) is named to others, everywhere: pages, emails, the admin.

Their names when they gave some; otherwise a neutral label, « Personne sans nom ». Never
their email address, nor their user name (made from the address when they signed up):
contact details are shown only where a person chose to show them (the members' directory).
In templates: `{% load portal_tags %}{{ person|person_name }}`.
"""

from django.utils.translation import gettext as _


def person_name(person):
    """`person`'s full name, or « Personne sans nom »; "" for no person at all."""
    if person is None:
        return ""
    return person.get_full_name().strip() or _("Personne sans nom")

