"""The emails of the petitions: the confirmation link sent to a signer (in the language they
signed in), the note to an address that signed again once confirmed, and the letter the site
sends to an official for a signer."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from campaigns.letters import page_in_language
from campaigns.signatures import confirmation_token, link_lifetime
from portal.emails import absolute_url, one_line


def confirmation_email(signature, connection=None, page=None):
    """The email with the signature's confirmation link; `page`: the campaign's page in the
    signature's language, when the caller has it already."""
    language = signature.language if signature.language in dict(settings.LANGUAGES) \
        else settings.LANGUAGE_CODE
    with translation.override(language):
        campaign = page or page_in_language(signature.campaign, language)
        url = campaign.get_url() or ""
        context = {
            "signature": signature,
            "campaign": campaign,
            "campaign_url": absolute_url(url) if url.startswith("/") else url,
            "confirm_url": absolute_url(reverse("petitions:confirm",
                                                args=[confirmation_token(signature)])),
            "days": link_lifetime().days,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = one_line(render_to_string("campaigns/emails/confirmation_subject.txt",
                                            context))
        body = render_to_string("campaigns/emails/confirmation.txt", context)
    return EmailMessage(subject, body, None, [signature.email], connection=connection)


def already_signed_email(signature, language, connection=None):
    """The email to an address that signed a petition again once its signature was
    confirmed: it counts already, since that date, and nothing changed."""
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        campaign = page_in_language(signature.campaign, language)
        url = campaign.get_url() or ""
        context = {
            "signature": signature,
            "campaign": campaign,
            "campaign_url": absolute_url(url) if url.startswith("/") else url,
            "signed_on": timezone.localdate(signature.created_at),
            "confirmed_on": timezone.localdate(signature.confirmed_at),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = one_line(render_to_string("campaigns/emails/already_signed_subject.txt",
                                            context))
        body = render_to_string("campaigns/emails/already_signed.txt", context)
    return EmailMessage(subject, body, None, [signature.email], connection=connection)


def letter_email(letter, connection=None):
    """The letter as written by the signer, to the official's public address, the signer in
    Reply-To so that the answer reaches them."""
    signature = letter.signature
    return EmailMessage(
        one_line(letter.subject), letter.body, None, [letter.official.email],
        reply_to=[signature.email], connection=connection,
    )
