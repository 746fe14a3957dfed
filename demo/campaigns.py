"""The demo's campaigns (`seed_demo`): the campaigns page in French and English, the elected
officials they address, two open campaigns and a won one with their carriers, updates,
confirmed signatures and the letters the site sent. Their text is in data/campaigns.toml;
idempotent (what exists is left as it is, and signatures only go to a campaign that has none)."""

import datetime

from django.utils import timezone, translation
from django.utils.text import slugify

from campaigns.letters import fill, officials_for
from campaigns.models import (
    DEFAULT_CONSENT_TEXT,
    CampaignAssociation,
    CampaignIndexPage,
    CampaignPage,
    CampaignUpdate,
    ElectedOfficial,
    Letter,
    LetterStatus,
    Signature,
)
from demo import content
from demo.streamfield import demands, stream
from directory.models import Association
from events.models import Theme


def demo_email(first_name, last_name):
    """A demo signer's address: never a real one (example.org)."""
    return f"{slugify(first_name)}.{slugify(last_name)}@example.org"


def seed(command, home):
    """The campaigns page, the officials the campaigns address, two open campaigns and a
    won one, with their carriers, updates and confirmed signatures."""
    page = command.section_page(home, CampaignIndexPage, content.CAMPAIGNS_PAGE["fr"])
    officials = {}
    for data in content.ELECTED_OFFICIALS:
        official = ElectedOfficial.objects.filter(name=data["name"], body=data["body"]).first()
        if official is None:
            official = ElectedOfficial(**data)
            official.full_clean()
            official.save()
            command.created += 1
        officials[official.name] = official
    for data in content.CAMPAIGNS:
        campaign = page.get_children().filter(slug=data["slug"]).specific().first()
        if campaign is None:
            campaign = campaign_page(command, page, data, officials)
        if not campaign.signatures.exists():  # else signed since, or erased: leave them
            sign(command, campaign, data)
    return page


def campaign_page(command, parent, data, officials):
    now, today = timezone.now(), timezone.localdate()
    deadline = None
    if data.get("deadline_days") is not None:
        deadline = datetime.datetime.combine(
            today + datetime.timedelta(days=data["deadline_days"]), datetime.time(23, 59),
            tzinfo=timezone.get_default_timezone(),
        )
    with translation.override("fr"):
        consent_text = str(DEFAULT_CONSENT_TEXT)
    page = CampaignPage(
        title=data["title"], slug=data["slug"], introduction=data["introduction"],
        theme=Theme.objects.get(slug=data["theme"]), status=data["status"],
        outcome=data.get("outcome", ""), body=stream(data["body"]),
        demands=demands(data["demands"]), goal=data.get("goal"), deadline=deadline,
        consent_text=consent_text, letter_delivery=data["letter_delivery"],
        letter_subject=data.get("letter_subject", ""),
        letter_body=data.get("letter_body", ""),
        first_published_at=now + datetime.timedelta(days=data["published_days"]),
    )
    page.officials = [officials[name] for name in data["officials"]]
    page.associations = [CampaignAssociation(association=Association.objects.get(name=name))
                         for name in data["carriers"]]
    # In the order given (sort_order, as the admin sets it): the translation follows it.
    page.updates = [
        CampaignUpdate(date=today + datetime.timedelta(days=days), title=title, text=text,
                       sort_order=position)
        for position, (days, title, text) in enumerate(data["updates"])
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    command.created += 1
    return page


def sign(command, campaign, data):
    """The campaign's demo signers, confirmed, spread over its signing days, and the
    letters the site sent for some of them."""
    start, stop = data["signers"]
    people = content.SIGNERS[start:stop]
    directory = {association.name: association for association in
                 Association.objects.filter(name__in=[person[3] for person in people])}
    comments = {index: (text, status) for index, text, status in data["comments"]}
    span = data["signed_until"] - data["signed_from"]
    now = timezone.now()
    signatures = {}
    for number, (first_name, last_name, postcode, association) in enumerate(people):
        index = start + number
        days = data["signed_from"] + span * number / max(len(people) - 1, 1)
        signed_at = (now + datetime.timedelta(days=days)).replace(
            hour=8 + (number * 5) % 13, minute=(number * 17) % 60, second=0, microsecond=0)
        comment, comment_status = comments.get(index, ("", ""))
        signatures[index] = Signature.objects.create(
            campaign=campaign, first_name=first_name, last_name=last_name,
            email=demo_email(first_name, last_name), postcode=postcode,
            association=directory.get(association),
            association_name="" if association in directory else association,
            comment=comment, comment_status=comment_status,
            show_publicly=index not in data["hidden"],
            consent_text=campaign.consent_text, created_at=signed_at,
            confirmation_sent_at=signed_at, confirmation_emailed_at=signed_at,
            confirmed_at=signed_at + datetime.timedelta(minutes=3 + number % 20),
        )
        command.created += 1
    for index in data["letters"]:
        send_letters(command, campaign, signatures[index])


def send_letters(command, campaign, signature):
    written_at = signature.confirmed_at + datetime.timedelta(minutes=2)
    for official in officials_for(campaign, signature.postcode):
        if official.email:
            Letter.objects.create(
                signature=signature, official=official, subject=campaign.letter_subject,
                body=fill(campaign.letter_body, official.name, signature.full_name),
                status=LetterStatus.SENT, created_at=written_at,
                sent_at=written_at + datetime.timedelta(seconds=30),
            )
            command.created += 1


def translate(command, index, english):
    """The campaigns page in English, and each campaign's English version (its signatures
    stay with the French page, which counts them for both)."""
    index_en = index.get_translation_or_none(english)
    if index_en is None:
        text = content.CAMPAIGNS_PAGE["en"]
        index_en = index.copy_for_translation(english)
        index_en.title, index_en.slug = text["title"], text["slug"]
        index_en.introduction = text["introduction"]
        index_en.save_revision().publish()
        command.created += 1
    for data in content.CAMPAIGNS:
        page = index.get_children().filter(slug=data["slug"]).specific().first()
        if page is None or page.get_translation_or_none(english):
            continue
        text = data["en"]
        page_en = page.copy_for_translation(english)
        page_en.title, page_en.slug = text["title"], text["slug"]
        page_en.introduction = text["introduction"]
        page_en.outcome = text.get("outcome", "")
        page_en.body = stream(text["body"])
        page_en.demands = demands(text["demands"])
        page_en.consent_text = content.CONSENT_EN
        page_en.updates = [
            CampaignUpdate(date=update.date, title=title, text=update_text,
                           sort_order=update.sort_order)
            for update, (title, update_text) in zip(
                page.updates.order_by("sort_order"), text["updates"], strict=True)
        ]
        page_en.first_published_at = page.first_published_at
        page_en.save_revision().publish()
        command.created += 1
