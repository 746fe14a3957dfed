"""The letter to elected officials: which officials a postcode reaches, the letter the editors
prepared (with the official's and the signer's names put in), the mailto links of campaigns
whose letters leave from the signer's own mailbox, and the letters the site sends for a
confirmed signer (once per official)."""

from urllib.parse import quote

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from campaigns.models import ElectedOfficial, Letter, LetterDelivery
from campaigns.tasks import send_letter
from portal.background import enqueue_after_commit
from portal.i18n import page_in_language  # noqa: F401 (the views and emails use it from here)

MAILTO_MAX_LENGTH = 1800  # longer links are cut by some mail programs


def offers_letter(campaign):
    return campaign.letter_delivery == LetterDelivery.PLATFORM and bool(
        campaign.letter_subject and campaign.letter_body
    )


def officials_for(campaign, postcode):
    """The campaign's target officials (in office) who represent `postcode`."""
    return ElectedOfficial.objects.filter(campaigns=campaign).order_by(
        "mandate", "name"
    ).for_postcode(postcode)


def officials_written_to(signature):
    return set(signature.letters.values_list("official_id", flat=True))


def fill(text, official_names, signer_name):
    return (text.replace("{elu}", official_names or _("Madame, Monsieur"))
            .replace("{signataire}", signer_name))


def initial_letter(campaign, signature, officials):
    """The prepared letter with the signer's name put in; {elu} stays, for `send_letters` to
    put in the name of each official the letter goes to."""
    return {
        "subject": campaign.letter_subject,
        "body": campaign.letter_body.replace("{signataire}", signature.full_name),
        "officials": officials,
    }


def mailto_links(campaign, officials, signer_name=""):
    """(official, mailto: link with the prepared letter) for those with a public address."""
    links = []
    for official in officials:
        if not official.email:
            links.append((official, None))
            continue
        body = fill(campaign.letter_body, official.name, signer_name or _("[votre nom]"))
        address = f"mailto:{quote(official.email, safe='@')}"
        subject = f"?subject={quote(campaign.letter_subject)}"
        link = f"{address}{subject}&body={quote(body)}"
        if len(link) > MAILTO_MAX_LENGTH:
            link = address + subject
        links.append((official, link))
    return links


def send_letters(signature, data):
    """Record and queue the letter to each chosen official (one per official and signer: a
    second attempt for the same official is skipped). Returns the letters queued."""
    footer = "\n\n--\n" + _("Lettre envoyée par %(name)s (%(email)s) depuis la campagne "
                             "« %(campaign)s » du site %(site)s. Répondre à ce courriel lui "
                             "répond.")
    queued = []
    for official in data["officials"]:
        if not official.email:
            continue
        body = data["body"].replace("{elu}", official.name) + footer % {
            "name": signature.full_name, "email": signature.email,
            "campaign": signature.campaign.title, "site": settings.WAGTAIL_SITE_NAME,
        }
        try:
            with transaction.atomic():
                letter = Letter.objects.create(signature=signature, official=official,
                                               subject=data["subject"], body=body)
        except IntegrityError:
            continue
        enqueue_after_commit(send_letter, letter.pk)
        queued.append(letter)
    return queued
