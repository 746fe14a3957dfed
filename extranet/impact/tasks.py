"""Background work of the impact reports: the email answering a reviewed report
(extranet.impact.review_emails says to whom and what)."""

from django_tasks import task

from extranet.impact import review_emails


@task()
def send_review_notice(report_id):
    """Tell the association's people that the coordinators validated its report, or sent
    it back with what to correct. Returns the number sent."""
    return review_emails.send(report_id)
