"""The extranet's life in the demo (`seed_demo`): news categories, working groups with their
members, tasks and meetings, the network's meetings, and a few posts with comments, by the
demo members (their usernames). Made once: nothing is added when a news category exists."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content
from directory.models import Association
from extranet.groups.models import GroupMember, Meeting, Task, WorkingGroup
from extranet.news.models import Category, Comment, Post


def seed(command, usernames):
    """The extranet's working groups, tasks, meetings and news (once)."""
    if Category.objects.exists():
        return
    User = get_user_model()
    people = {user.username: user for user in User.objects.filter(username__in=usernames)}
    categories = {slug: Category.objects.create(name=name, slug=slug)
                  for name, slug in content.NEWS_CATEGORIES}
    now = timezone.now()

    def at(days, hour):
        day = timezone.localtime(now) + datetime.timedelta(days=days)
        return day.replace(hour=hour, minute=0, second=0, microsecond=0)

    groups = {}
    for data in content.WORKING_GROUPS:
        group = WorkingGroup.objects.create(
            name=data["name"], description=data["description"],
            lead_association=Association.objects.get(name=data["lead"]),
        )
        groups[group.name] = group
        for username in data["members"]:
            GroupMember.objects.create(group=group, person=people[username])
        for title, association, assignee, days, status in data["tasks"]:
            Task.objects.create(
                group=group, title=title, status=status,
                responsible_association=Association.objects.get(name=association),
                assignee=people.get(assignee),
                due_on=timezone.localdate() + datetime.timedelta(days=days),
            )
        for title, days, hour, place in data["meetings"]:
            Meeting.objects.create(group=group, title=title, starts_at=at(days, hour),
                                   ends_at=at(days, hour + 2), place=place)
    for title, days, hour, place in content.NETWORK_MEETINGS:
        Meeting.objects.create(title=title, starts_at=at(days, hour),
                               ends_at=at(days, hour + 2), place=place)
    for data in content.NEWS_POSTS:
        author = people[data["author"]]
        published_at = now - datetime.timedelta(days=data["days_ago"])
        post = Post.objects.create(
            title=data["title"], body=data["body"], author=author,
            association=author.memberships.first().association,
            category=categories[data["category"]], group=groups.get(data.get("group")),
            pinned=data.get("pinned", False), published_at=published_at,
        )
        for username, body in data["comments"]:
            Comment.objects.create(post=post, author=people[username], body=body,
                                   created_at=published_at + datetime.timedelta(hours=3))
    command.created += 1
