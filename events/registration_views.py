"""The public pages of registration: the form (shown on the event page, and on its own page
to show errors again with what was typed), the confirmation, and the cancellation reached
from the link of the emails. Thin: the rules are events.registrations'."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events import registrations
from events.forms import RegistrationForm
from events.models import EventPage, Registration, RegistrationStatus
from portal.i18n import current_language
from portal.page_access import serve_as_page
from portal.ratelimits import REFUSAL, RateLimit, client_ip, first_exceeded, hit_all

# Registrations taken per IP address and per email address and hour (the emails they send
# are what robots would abuse), an address registered already counting like a new one;
# counted in the default cache, so shared by every worker with REDIS_URL.
RATE_LIMIT = 10
EMAIL_RATE_LIMIT = 5
RATE_WINDOW = 60 * 60
REGISTRATIONS_PER_IP = RateLimit("events:registrations", RATE_LIMIT, RATE_WINDOW)
REGISTRATIONS_PER_EMAIL = RateLimit("events:registrations:email", EMAIL_RATE_LIMIT,
                                    RATE_WINDOW)
# What the visitor is told on the next page: the event, the places and the rank on the
# waiting list, the same whether the address was registered already or not (nothing that
# says which).
SESSION_KEY = "event_registration"


def limits(request):
    """The rate limits a registration from this request counts against: (RateLimit, value)."""
    checks = [(REGISTRATIONS_PER_IP, client_ip(request))]
    email = request.POST.get("email", "").strip()
    if email:
        checks.append((REGISTRATIONS_PER_EMAIL, email))
    return checks


def event_page(page_id):
    """The published event page (either language) that takes registrations, or 404."""
    page = get_object_or_404(EventPage.objects.live().select_related("venue"), pk=page_id)
    if not registrations.takes_registrations(registrations.source_event(page)):
        raise Http404
    return page


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, page_id):
    """The form's POST, and its page to show the errors again; a private event's answers as
    the event page does (its password form, or the sign-in page)."""
    page = event_page(page_id)
    return serve_as_page(page, request, registration_form, page)


def registration_form(request, page):
    form = None
    status = 200
    if request.method == "POST":
        event = registrations.source_event(page)
        form = RegistrationForm(request.POST, max_places=event.max_places_per_registration)
        checks = limits(request)
        if first_exceeded(checks):
            form.is_valid()
            form.add_error(None, REFUSAL)
            status = 429
        elif form.is_valid():
            try:
                answer = registrations.register(page, form.cleaned_data,
                                                language=current_language())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                hit_all(checks)
                request.session[SESSION_KEY] = {
                    "event": answer.event_id, "places": answer.places,
                    "position": answer.position,
                }
                return redirect("event_registration:done", page_id=page.pk)
    context = registrations.registration_context(page, request, form=form)
    return render(request, "events/registration_form.html",
                  {**context, "event_page": page}, status=status)


@never_cache
def done(request, page_id):
    """What the visitor was told when registering (read from the session: nothing personal
    in the address): the same page whether the address was registered already or not."""
    page = get_object_or_404(EventPage.objects.live().select_related("venue"), pk=page_id)
    return serve_as_page(page, request, registration_done, page)


def registration_done(request, page):
    answer = request.session.get(SESSION_KEY)
    if not isinstance(answer, dict) or answer.get("event") != registrations.source_event(page).pk:
        return redirect("event_registration:register", page_id=page.pk)
    return render(request, "events/registration_done.html", {
        "event_page": page,
        "places": answer["places"],
        "position": answer["position"],
        "starts_at": timezone.localtime(page.starts_at),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """GET: what will be cancelled, and a button; POST: cancel (twice changes nothing)."""
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    page = registrations.page_in_language(registration.event, current_language())
    return serve_as_page(page, request, registration_cancel, registration, page)


def registration_cancel(request, registration, page):
    cancelled_now = False
    refused = ""
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        try:
            cancelled_now = registrations.cancel(registration)
        except ValidationError as error:
            refused = error.messages[0]
    event = registration.event
    return render(request, "events/registration_cancel.html", {
        "registration": registration,
        "event_page": page,
        "starts_at": timezone.localtime(event.starts_at),
        "started": timezone.now() >= event.starts_at,
        "cancelled_now": cancelled_now,
        "refused": refused,
    })
