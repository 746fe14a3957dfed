"""Background work of the portal: the emails of the page /donnees-personnelles/
(portal/data_requests.py), each in the language the person asked in."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from portal import data_request_links, personal_data
from portal.emails import absolute_url, one_line


def _email(template, email, language, context, attachments=()):
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "email": email, **context}
        subject = one_line(render_to_string(f"portal/emails/{template}_subject.txt", context))
        body = render_to_string(f"portal/emails/{template}.txt", context)
    message = EmailMessage(subject, body, None, [email])
    for attachment in attachments:
        message.attach(*attachment)
    return message.send()


@task()
def send_data_request_link(email, action, language):
    """The link that confirms a request of the page /donnees-personnelles/."""
    token = data_request_links.make_token(email, action, language)
    with translation.override(language):
        url = absolute_url(reverse("personal_data:confirm", args=[token]))
    return _email("data_request_link", email, language, {
        "action": action, "confirm_url": url,
        "hours": settings.PERSONAL_DATA_LINK_HOURS,
    })


@task()
def send_data_export(email, language):
    """Everything the site holds on `email`, as a JSON attachment."""
    with translation.override(language):  # the kinds' labels
        document = personal_data.export_json(email)
    name = f"donnees-personnelles-{timezone.localdate():%Y-%m-%d}.json"
    return _email("data_export", email, language, {}, attachments=[
        (name, document, "application/json"),
    ])


@task()
def send_erasure_done(email, language):
    """The confirmation that `email` was erased."""
    return _email("data_erased", email, language, {})
