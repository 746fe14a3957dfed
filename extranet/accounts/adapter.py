"""How django-allauth behaves here: no open sign-up, emails sent as background tasks."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.encoding import force_str

from extranet.accounts.tasks import send_email
from portal.background import enqueue_after_commit


@dataclass
class SiteName:
    """What allauth's emails say of the site ("current_site"), without django.contrib.sites."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Nobody signs up: coordinators invite people (invitations are still to come)."""
        return False

    def format_email_subject(self, subject):
        return f"[{settings.WAGTAIL_SITE_NAME}] {force_str(subject)}"

    def send_mail(self, template_prefix, email, context):
        """Render the email now (it needs the request) and leave the sending to a task, so a
        slow mail server never holds up the page (`db_worker` sends it in production)."""
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": SiteName(
                settings.WAGTAIL_SITE_NAME, request.get_host() if request else ""
            ),
            **context,
        }
        message = self.render_mail(template_prefix, email, full_context)
        body, html_body = message.body, None
        if isinstance(message, EmailMultiAlternatives):
            html_body = next(
                (content for content, mimetype in message.alternatives
                 if mimetype == "text/html"),
                None,
            )
        elif message.content_subtype == "html":
            body, html_body = "", message.body
        # Within a transaction (an invitation accepted, an address added), the email leaves
        # once it is committed, and not at all if it rolls back.
        enqueue_after_commit(
            send_email, subject=message.subject, body=body, from_email=message.from_email,
            to=list(message.to), html_body=html_body, headers=dict(message.extra_headers),
        )
