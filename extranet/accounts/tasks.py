"""Background work of the accounts: sending their emails outside the request."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(subject, body, from_email, to, html_body=None, headers=None):
    """Send one email already rendered (see AccountAdapter.send_mail)."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers or {})
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
