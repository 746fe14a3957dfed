"""Who may do what in the extranet: the one place that gathers it. Each part keeps its own
rules beside it (extranet/accounts/permissions.py: membership and roles, which everything
builds on; extranet/groups/permissions.py; extranet/documents/permissions.py;
extranet/news/permissions.py; extranet/governance/permissions.py), imported by that part;
the extranet's shell (its views, the templates' filters of `extranet_tags`, the dashboard)
and other apps read them here.

Views use the decorators (`member_required`) or the mixin, templates the filters of
`extranet_tags`, other apps the functions.
"""

from extranet.accounts.permissions import (  # noqa: F401 - gathered here
    CACHE_ATTRIBUTE,
    MemberRequiredMixin,
    association_ids,
    can_edit_association,
    current_memberships,
    forget,
    is_coordinator,
    is_member,
    member_required,
    refuse_non_member,
    role_in,
)
from extranet.documents.permissions import (  # noqa: F401 - gathered here
    can_add_to,
    can_change_document,
    can_empty_bin,
    can_manage_folders,
    can_read_document,
    can_read_folder,
    readable_folder_ids,
)
from extranet.governance.permissions import (  # noqa: F401 - gathered here
    can_change_proposal,
    can_convene,
    can_discuss_proposal,
    can_give_meeting_proxy,
    can_hand_over,
    can_keep_meeting,
    can_manage_bodies,
    can_manage_rotation,
    can_open_ballot,
    can_propose,
    can_read_coordination,
    can_read_governance,
    can_read_handover,
    can_remove_proposal_comment,
    can_take_in_amendment,
)
from extranet.groups.permissions import (  # noqa: F401 - gathered here
    GROUP_MEMBERS_ATTRIBUTE,
    can_join_group,
    can_leave_group,
    can_manage_group,
    can_manage_groups,
    can_manage_meeting,
    can_manage_network_meetings,
    can_update_task,
    forget_groups,
    group_ids,
    is_in_group,
)
from extranet.news.permissions import (  # noqa: F401 - gathered here
    can_change_post,
    can_comment,
    can_pin_news,
    can_post_news,
    can_remove_comment,
)
