"""What a campaign's page shows beyond its fields (the counter, the form, the last signers,
the share links), and its routes: the printable version, the public list of signers, the
officials of a postcode with the letter to them, the image drawn for its shares."""

from urllib.parse import quote

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns import letters, signatures
from campaigns.forms import PetitionForm, member_associations
from campaigns.listing import progress
from campaigns.models import POSTCODES_RE, LetterDelivery, source_campaign
from portal import share_images
from portal.models import SiteSettings

SIGNERS_SHOWN = 10
SIGNERS_PER_PAGE = 50


def share_links(url, title):
    """(network, label, link): sharing without any third-party script on the page."""
    text = quote(title)
    url = quote(url, safe="")
    return [
        ("mastodon", _("Partager sur Mastodon"),
         f"https://mastodonshare.com/?text={text}&url={url}"),
        ("bluesky", _("Partager sur Bluesky"),
         f"https://bsky.app/intent/compose?text={text}%20{url}"),
        ("facebook", _("Partager sur Facebook"),
         f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("linkedin", _("Partager sur LinkedIn"),
         f"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        ("x", _("Partager sur X"), f"https://x.com/intent/post?text={text}&url={url}"),
        ("email", _("Envoyer par courriel"), f"mailto:?subject={text}&body={url}"),
    ]


def campaign_context(page, request, form=None):
    campaign = source_campaign(page)
    count = signatures.confirmed_count(page)
    is_open = page.live and campaign.petition_is_open()
    if form is None and is_open:
        form = PetitionForm(campaign=page,
                            action=reverse("petitions:sign", args=[page.pk]))
    full_url = page.get_full_url(request) or ""
    return {
        "campaign": page,
        "count": count,
        "percent": progress(count, page.goal),
        "petition_open": is_open,
        "closed_message": "" if is_open else signatures.closed_message(campaign),
        "form": form,
        "associations_list": member_associations() if form is not None else [],
        "last_signers": (list(signatures.public_signers(page)[:SIGNERS_SHOWN])
                         if page.show_signers else []),
        "updates": sorted(page.updates.all(), key=lambda update: (update.date, update.pk),
                          reverse=True),
        "carriers": page.associations.all().select_related("association"),
        "share_links": share_links(full_url, page.title),
        "print_url": page.url + page.reverse_subpage("print") if page.url else "",
        "counter_url": reverse("petitions:counter", args=[page.pk]),
        "feed_url": feed_url(page),
        "letter_mode": page.letter_delivery,
        "mailto": page.letter_delivery == LetterDelivery.MAILTO,
    }


def share_image(page, request):
    """The campaign's share image (portal.share_images): its title, counter and goal."""
    count = signatures.confirmed_count(page)
    site_name = SiteSettings.for_request(request).site_name
    where = share_images.where(request, page.get_full_url(request) or "")
    return share_images.response(
        ["campaign", page.pk, page.title, count, page.goal or "", site_name, where,
         get_language()],
        lambda: share_images.render(page.title, site_name, where, count=count,
                                    goal=page.goal),
    )


def feed_url(page):
    """The RSS feed of the campaigns page this campaign is under."""
    from campaigns.models import CampaignIndexPage

    index = CampaignIndexPage.objects.filter(pk=page.get_parent().pk).first() \
        if page.depth > 1 else None
    return index.url + index.reverse_subpage("feed") if index and index.url else ""


def printable(page, request):
    return page.render(request, template="campaigns/campaign_page_print.html")


def signers(page, request):
    """Every signer who agreed to be listed, fifty a page, newest first."""
    if not page.show_signers:
        from django.http import Http404

        raise Http404
    paginator = Paginator(signatures.public_signers(page), SIGNERS_PER_PAGE)
    try:
        number = int(request.GET.get("page") or 1)
        results = paginator.page(number)
    except (ValueError, EmptyPage):
        results = paginator.page(1)
    return page.render(request, template="campaigns/signers.html",
                       context_overrides={"results": results, "paginator": paginator})


def officials_for_postcode(page, request):
    """The officials of a postcode (`?code_postal=`), with the prepared letter as mailto
    links, or, when the site sends the letters, the way to it (sign, then confirm)."""
    postcode = (request.GET.get("code_postal") or "").strip()
    valid = bool(POSTCODES_RE.match(postcode))
    officials = letters.officials_for(page, postcode) if valid else []
    return page.render(request, template="campaigns/officials.html", context_overrides={
        "postcode": postcode,
        "postcode_valid": valid,
        "officials": officials,
        "mailto_links": (letters.mailto_links(page, officials)
                         if page.letter_delivery == LetterDelivery.MAILTO else []),
        # Signing leads to the letter the site sends: only while the petition is open.
        "platform": letters.offers_letter(page) and source_campaign(page).petition_is_open(),
        "days": settings.CAMPAIGN_CONFIRMATION_DAYS,
    })
