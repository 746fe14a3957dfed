"""The public join form (served by JoinPage's routes): GET shows it, the "find" button shows
it again with the associations found, POST sends the request. Thin: the rules are the
form's, the model's and joining.services'."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from charter.services import current_charter_version
from joining import services
from joining.forms import FIND, JoinForm
from portal.i18n import current_language, page_in_language
from portal.ratelimits import REFUSAL, RateLimit, client_ip

REQUESTS_PER_IP = RateLimit("joining:requests:ip", settings.JOIN_REQUESTS_PER_IP_PER_HOUR,
                            60 * 60)


def charter_url(version):
    if version is None:
        return ""
    return page_in_language(version.page, current_language()).url or ""


@never_cache
def join(request, page):
    version = current_charter_version()
    context = {"version": version, "charter_url": charter_url(version)}
    if version is None:
        # No charter published: nobody can accept it, so nobody can join yet.
        response = page.render(request, context_overrides={**context, "form": None})
        response.status_code = 409 if request.method == "POST" else 200
        return response
    status = 200
    form_kwargs = {"version": version, "charter_url": context["charter_url"],
                   "action": page.url}
    if request.method != "POST":
        form = JoinForm(**form_kwargs)
    elif FIND in request.POST:
        # Only the search: the same form again, nothing checked yet, what was typed kept.
        form = JoinForm(initial=request.POST.dict(), **form_kwargs)
        context["searched"] = True
    else:
        form = JoinForm(request.POST, **form_kwargs)
        valid = form.is_valid()
        if REQUESTS_PER_IP.exceeded(client_ip(request)):
            form.add_error(None, REFUSAL)
            status = 429
        elif valid:
            try:
                # The same answer whether the association is a member, has a pending
                # request or neither: the email to the address typed says the rest.
                services.ask_to_join(form.cleaned_data, language=current_language())
            except ValidationError as error:
                form.add_error(None, error)
                status = 409
            else:
                REQUESTS_PER_IP.hit(client_ip(request))
                return redirect(page.url + page.reverse_subpage("thanks"))
        else:
            status = 400
    response = page.render(request, context_overrides={**context, "form": form})
    response.status_code = status
    return response


@never_cache
def thanks(request, page):
    return page.render(request, template="joining/join_page_thanks.html")
