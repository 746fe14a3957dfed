"""What the extranet's home shows a person: the tasks on their plate, the news of the network
and of their groups, the next meetings, the votes waiting for their association and the
latest documents of the library they may read, the yearly impact reports their
associations have still to submit, the year's dues they have still to pay and the latest
offers and requests of mutual aid. Each list is short and read in a few queries."""

from django.db.models import Count, Q

from extranet.documents import search as documents
from extranet.dues import services as dues
from extranet.governance import waiting
from extranet.groups.models import Meeting, Task
from extranet.impact import services as impact
from extranet.mutual_aid.models import Post as AidPost
from extranet.news.models import Post
from extranet.permissions import association_ids, group_ids

MY_TASKS = 10
NEWS = 8
MEETINGS = 5
DOCUMENTS = 5
AID_POSTS = 5


def my_tasks(user):
    """Open tasks given to me, or to an association I act for; soonest due first."""
    return list(
        Task.objects.open()
        .filter(Q(assignee=user) | Q(responsible_association_id__in=association_ids(user)))
        .filter(group__archived_on__isnull=True)
        .select_related("group", "responsible_association", "assignee")[:MY_TASKS]
    )


def news_for(user):
    """The latest posts for the whole network and for my groups, pinned first."""
    return list(
        Post.objects.feed()
        .filter(Q(group__isnull=True) | Q(group_id__in=group_ids(user)))
        .select_related("author", "association", "category", "group")
        .annotate(comment_count=Count("comments", filter=Q(comments__removed_at__isnull=True)))
        [:NEWS]
    )


def next_meetings(user):
    """The next meetings of the whole network and of my groups."""
    return list(
        Meeting.objects.upcoming()
        .filter(Q(group__isnull=True) | Q(group_id__in=group_ids(user)))
        .select_related("group", "body_meeting__body")[:MEETINGS]
    )


def votes_waiting(user):
    """The open online ballots where an association I may vote for has not voted yet."""
    return waiting.votes_waiting(user)


def recent_documents(user):
    """The latest documents added or updated in the folders I may read."""
    return documents.recent_for(user, limit=DOCUMENTS)


def impact_reports_waiting(user):
    """The associations I act for whose report of the open year is not submitted yet."""
    return impact.waiting_reports(user)


def dues_unpaid(user):
    """The member associations I act for whose dues of the year are not paid (once the
    year's dues are called)."""
    return dues.unpaid_for(user)


def latest_aid_posts():
    """The latest current offers and requests of mutual aid, of every association."""
    return list(AidPost.objects.current().select_related("association", "commune")
                [:AID_POSTS])
