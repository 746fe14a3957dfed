"""The public addresses of petitions: the form's POST (and its page, to show errors again
with what was typed), the confirmation link of the emails, the letter to officials once a
signature is confirmed, and the live counter. Thin: the rules are campaigns.signatures' and
campaigns.letters'."""

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from campaigns import letters, petition_pages, signatures
from campaigns.forms import LetterForm, PetitionForm
from campaigns.models import CampaignPage, Signature
from directory import member_names
from portal.i18n import current_language
from portal.ratelimits import REFUSAL, RateLimit, client_ip, first_exceeded

SIGNATURES_PER_IP = RateLimit("campaigns:signatures:ip",
                              settings.CAMPAIGN_SIGNATURES_PER_IP_PER_HOUR, 60 * 60)
SIGNATURES_PER_EMAIL = RateLimit("campaigns:signatures:email",
                                 settings.CAMPAIGN_SIGNATURES_PER_EMAIL_PER_HOUR, 60 * 60)
# That this browser just signed, for the thanks page: the campaign's page id in a signed
# cookie that only that page receives, for an hour. Nothing else: what became of the
# signature (new, or an address that had signed) is told by email to the address's owner,
# never to whoever typed it. Not in the session: a burst of signers who never came before
# would each write a session row (two more queries and a commit a signature).
DONE_COOKIE = "petition_signature"
DONE_SALT = "campaigns.petition_views.done"
DONE_MAX_AGE = 60 * 60


def campaign_page(page_id):
    """The live campaign page of a petition, unless it is private (404)."""
    return petition_pages.load(page_id)[0]


def limits(request):
    """The rate limits a signature from this request counts against: (RateLimit, value)."""
    checks = [(SIGNATURES_PER_IP, client_ip(request))]
    email = request.POST.get("email", "").strip()
    if email:
        checks.append((SIGNATURES_PER_EMAIL, email))
    return checks


@never_cache
@require_http_methods(["GET", "POST"])
def sign(request, page_id):
    if request.method != "POST":
        return redirect(campaign_page(page_id).url + "#petition")
    # One cache round trip: the rate limits, and the versions of the campaign pages and of
    # the member associations' names this process keeps (campaigns.petition_pages,
    # directory.member_names), so that a burst loads them once.
    checks = limits(request)
    values = cache.get_many([limit.key(value) for limit, value in checks]
                            + [petition_pages.VERSION_KEY, member_names.VERSION_KEY])
    page, campaign = petition_pages.petition_page(
        page_id, petition_pages.version_from(values)
    )
    form = PetitionForm(request.POST, campaign=page, action=request.path,
                        members_version=member_names.MEMBERS.version_from(values))
    status = 200
    valid = form.is_valid()
    if first_exceeded(checks, values):
        form.add_error(None, REFUSAL)
        status = 429
    elif valid:
        try:
            # Whatever became of it (a new signature, or an address that had signed), the
            # same answer: the email tells the address's owner the rest.
            signatures.sign(page, form.cleaned_data, language=current_language(),
                            campaign=campaign, rate_limits=checks)
        except ValidationError as error:
            form.add_error(None, error)
            status = 409
        else:
            return signed(redirect("petitions:done", page_id=page.pk), page.pk)
    response = campaign_page(page_id).render(request, form=form)
    response.status_code = status
    return response


def signed(response, page_id):
    """`response` (the redirect to the thanks page) with the cookie of that page."""
    response.set_signed_cookie(
        DONE_COOKIE, str(page_id), salt=DONE_SALT,
        max_age=DONE_MAX_AGE, path=response.url, secure=settings.SESSION_COOKIE_SECURE,
        httponly=True, samesite="Lax",
    )
    return response


def just_signed(request, page_id):
    """Whether this browser just signed the petition of page `page_id`."""
    value = request.get_signed_cookie(DONE_COOKIE, default="", salt=DONE_SALT,
                                      max_age=DONE_MAX_AGE)
    return value == str(page_id)


@never_cache
def done(request, page_id):
    """The thanks page: the email is on its way (the same page for every signer, whether
    the address had signed or not; the email tells its owner the rest)."""
    page = get_object_or_404(CampaignPage.objects.live().select_related("locale"), pk=page_id)
    if not just_signed(request, page.pk):
        return redirect(page.url)
    return render(request, "campaigns/signature_done.html", {
        "page": page, "campaign": page, "days": settings.CAMPAIGN_CONFIRMATION_DAYS,
    })


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET: what will be confirmed, and a button (mail scanners that follow links do not
    sign for anybody); POST: confirm, then offer the letter to the officials."""
    try:
        signature = signatures.signature_from_token(token)
    except signing.SignatureExpired:
        return render(request, "campaigns/confirmation_invalid.html",
                      {"expired": True, "days": settings.CAMPAIGN_CONFIRMATION_DAYS}, status=410)
    except (signing.BadSignature, Signature.DoesNotExist):
        return render(request, "campaigns/confirmation_invalid.html", {"expired": False},
                      status=400)
    campaign = signature.campaign
    page = letters.page_in_language(campaign, current_language())
    refused = ""
    confirmed_now = False
    if request.method == "POST" and not signature.confirmed:
        try:
            confirmed_now = signatures.confirm(signature)
        except ValidationError as error:
            refused = error.messages[0]
    return render(request, "campaigns/confirmation.html", {
        "signature": signature,
        "campaign": page,
        "confirmed_now": confirmed_now,
        "refused": refused,
        "token": token,
        "count": signatures.confirmed_count(campaign),
        "letter_offered": signature.confirmed and letters.offers_letter(campaign),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def letter(request, token):
    """The letter to the officials of the signer's postcode, which the site sends (campaigns
    whose letters the site sends); reached from the confirmation page."""
    try:
        signature = signatures.signature_from_token(token)
    except (signing.BadSignature, Signature.DoesNotExist):
        raise Http404 from None
    campaign = signature.campaign
    if not (signature.confirmed and letters.offers_letter(campaign)) or signature.erased_at:
        raise Http404
    page = letters.page_in_language(campaign, current_language())
    officials = letters.officials_for(campaign, signature.postcode)
    already = letters.officials_written_to(signature)
    # The site writes only to a public address; the others are shown with their contact.
    available = [official for official in officials
                 if official.email and official.pk not in already]
    form = LetterForm(request.POST or None, officials=available,
                      initial=letters.initial_letter(page, signature, available))
    sent = []
    if request.method == "POST" and form.is_valid():
        sent = letters.send_letters(signature, form.cleaned_data)
        return render(request, "campaigns/letter_sent.html",
                      {"campaign": page, "sent": sent, "signature": signature})
    return render(request, "campaigns/letter_form.html", {
        "campaign": page, "signature": signature, "form": form, "officials": available,
        "already": [official for official in officials if official.pk in already],
        "without_email": [official for official in officials if not official.email],
    }, status=400 if form.errors else 200)


@require_GET
def counter(request, page_id):
    """The live counter: confirmed signatures and the goal, as JSON (cached a few seconds)."""
    page = get_object_or_404(CampaignPage.objects.live().public(), pk=page_id)
    count = signatures.confirmed_count(page)
    response = JsonResponse({
        "count": count, "goal": page.goal,
        "percent": min(100, round(100 * count / page.goal)) if page.goal else None,
        "open": page.petition_is_open(),
    })
    response["Cache-Control"] = "public, max-age=10"
    return response
