"""The mutual aid between the member associations in the demo (`seed_demo`): offers and
requests across the categories, their days counted from today (some with a last day in a few
weeks; one closed by its association and one whose last day is past, for the archive), three
offers shown on the public site, two conversations, and the page « Entraide entre
associations » under the home page, in French and English. Text in
demo/data/mutual_aid.toml. The posts are made once: nothing is added when there is a post."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content
from demo.listing_pages import in_both_languages
from demo.streamfield import stream
from directory.models import Association, Commune
from extranet.mutual_aid.models import Conversation, Kind, Message, MutualAidPage, Post


def seed(command, home, english):
    """The posts and conversations (once), and the public page: {slug: page}."""
    data = content.MUTUAL_AID
    if not Post.objects.exists():
        posts = {entry["title"]: post(entry) for entry in data["posts"]}
        for entry in data["conversations"]:
            conversation(posts[entry["post"]], entry)
        command.created += 1
    page = in_both_languages(command, MutualAidPage, home, english, data["page"], paragraph,
                             fields=lambda text: {"body": stream(text["body"])})
    return {page.slug: page}


def paragraph(text):
    return " ".join(text.split())


def person(username):
    return get_user_model().objects.get(username=username)


def days_from_now(days):
    return timezone.now() + datetime.timedelta(days=days)


def post(entry):
    """One post, published on its first day (or today), closed if the entry says so."""
    today = timezone.localdate()
    starts_on = today + datetime.timedelta(days=entry["starts"])
    ends_on = today + datetime.timedelta(days=entry["ends"]) if "ends" in entry else None
    made = Post(
        kind=Kind(entry["kind"]), category=entry["category"], title=entry["title"],
        description=paragraph(entry["description"]),
        association=Association.objects.get(name=entry["association"]),
        author=person(entry["author"]), commune=Commune.objects.get(code=entry["commune"]),
        starts_on=starts_on, ends_on=ends_on, is_public=entry.get("public", False),
        created_at=days_from_now(min(entry["starts"], 0)),
    )
    made.full_clean()
    made.save()
    if entry.get("closed"):
        made.close()
    return made


def conversation(post, entry):
    """One conversation on `post` and its messages, dated as the entry says."""
    messages = entry["messages"]
    made = Conversation.objects.create(
        post=post, association=Association.objects.get(name=entry["association"]),
        started_by=person(entry["started_by"]),
        started_at=days_from_now(messages[0]["days"]),
        last_message_at=days_from_now(messages[-1]["days"]),
    )
    Message.objects.bulk_create(
        Message(conversation=made, author=person(message["author"]),
                from_poster=message.get("from_poster", False), body=paragraph(message["body"]),
                sent_at=days_from_now(message["days"]))
        for message in messages
    )
    return made
