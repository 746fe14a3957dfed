"""Who may do what in the network's news (gathered in extranet/permissions.py)."""

from extranet.accounts.permissions import is_coordinator, is_member
from extranet.groups.permissions import is_in_group

# Every member reads every post and comments on it; anybody may post to the whole network,
# and to a working group they take part in. Authors edit and withdraw their own words,
# coordinators anybody's; only coordinators pin.


def can_post_news(user, group=None):
    """May publish a post (to `group`, or to the whole network)."""
    if not is_member(user):
        return False
    return group is None or is_coordinator(user) or is_in_group(user, group)


def can_pin_news(user):
    return is_coordinator(user)


def can_change_post(user, post):
    """May edit or withdraw the post: its author (still a member), or a coordinator."""
    return is_member(user) and (post.author_id == user.pk or is_coordinator(user))


def can_comment(user, post):
    return is_member(user) and post.removed_at is None


def can_remove_comment(user, comment):
    return is_member(user) and (comment.author_id == user.pk or is_coordinator(user))


