"""Background work of the news: the emails (extranet.news.notifications says to whom)."""

from django_tasks import task

from extranet.news import notifications


@task()
def send_post_to_subscribers(post_id):
    """Email a post just published to those who asked for each post."""
    return notifications.send_post(post_id)


@task()
def send_news_digest():
    """The weekly digest (the `send_news_digest` command runs the same from cron)."""
    report = notifications.send_digest()
    return {"people": report.people, "posts": report.posts}
