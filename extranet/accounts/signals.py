"""What the accounts tell the apps above them, without importing them.

`memberships_changed(sender=Membership, association_ids=[...])` is sent when memberships
start, change or end (services.save_membership), once the change is saved in the current
transaction: whoever keeps something that depends on who acts for an association (the
joining app keeps `Association.is_member`) reads it again.
"""

from django.dispatch import Signal

memberships_changed = Signal()
