"""The language of the addresses without a language prefix: the members' space (home/urls.py
serves it outside the prefixes, one address for both languages). Django's LocaleMiddleware
gives French to every such address; here the person's choice rules instead: `?lang=en` from
the language switcher (kept in Django's language cookie), else the cookie, else the
browser's languages."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Where the person's choice rules (and the switcher adds `?lang=`).
CHOSEN_LANGUAGE_PATHS = ("/extranet/",)
PARAMETER = "lang"
COOKIE_AGE = 365 * 24 * 60 * 60


def chosen_language_path(path):
    return path.startswith(CHOSEN_LANGUAGE_PATHS)


class ChosenLanguageMiddleware:
    """After LocaleMiddleware: on the addresses of CHOSEN_LANGUAGE_PATHS, the chosen
    language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not chosen_language_path(request.path_info):
            return self.get_response(request)
        chosen = request.GET.get(PARAMETER)
        if chosen not in dict(settings.LANGUAGES):
            chosen = None
        language = chosen or translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if chosen:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, chosen, max_age=COOKIE_AGE,
                                samesite="Lax", secure=request.is_secure())
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
