"""Permission policies shared by the apps' admin screens."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class KeptRecordsPolicy(ModelPermissionPolicy):
    """The model's permissions, less the actions nobody may take on these records, not even
    a superuser: records that say who did what (memberships, role changes, moderation of
    proposed changes) are kept."""

    def __init__(self, model, refused):
        super().__init__(model)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.refused]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)
