"""The public page /donnees-personnelles/ (/en/personal-data/): a person asks for the export
or the erasure of their data, and confirms it through the emailed link
(portal/data_requests.py). Nothing these pages say depends on what the site holds."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal import data_request_links, data_requests
from portal.forms import PersonalDataRequestForm
from portal.i18n import current_language
from portal.ratelimits import REFUSAL, RateLimit, client_ip, first_exceeded, hit_all


def limits(request, email):
    """The rate limits a request counts against: (RateLimit, value)."""
    checks = [(RateLimit("personal_data:ip", settings.PERSONAL_DATA_REQUESTS_PER_IP_PER_HOUR,
                         60 * 60), client_ip(request))]
    if email:
        checks.append((RateLimit("personal_data:email",
                                 settings.PERSONAL_DATA_REQUESTS_PER_EMAIL_PER_HOUR, 60 * 60),
                       email.strip().lower()))
    return checks


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request):
    form = PersonalDataRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        checks = limits(request, request.POST.get("email", ""))
        if first_exceeded(checks):
            form.add_error(None, REFUSAL)
            status = 429
        elif form.is_valid():
            hit_all(checks)
            data_requests.ask(form.cleaned_data["email"], form.cleaned_data["action"],
                              current_language())
            return redirect("personal_data:sent")
        else:
            status = 400
    return render(request, "portal/personal_data/request_form.html", {"form": form},
                  status=status)


@never_cache
def sent(request):
    return render(request, "portal/personal_data/request_sent.html",
                  {"hours": settings.PERSONAL_DATA_LINK_HOURS})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        if request.method == "POST":
            done = data_requests.confirm(token)
            return render(request, "portal/personal_data/request_done.html",
                          {"action": done.action})
        pending = data_request_links.read_token(token)
    except data_request_links.LinkRefused as refusal:
        return render(request, "portal/personal_data/link_refused.html",
                      {"reason": refusal.reason, "hours": settings.PERSONAL_DATA_LINK_HOURS},
                      status=410 if refusal.reason in ("expired", "used") else 400)
    return render(request, "portal/personal_data/confirm.html",
                  {"action": pending.action, "email": pending.email})
