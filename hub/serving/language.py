"""Which language a reader gets, before any page is looked up in the cache.

Addresses carry the language (hub/urls.py): English unprefixed, /fr/…, /es/…, /ar/… for the others.
A browser asking for an unprefixed page is sent to the same page in the reader's language when:

- the reader chose one (the language cookie, set by the footer's choice or on signing in), or
- this is a first visit (no cookie at all) and the browser's Accept-Language prefers a language offered;
  the redirect then sets the cookie, so that it happens once: after it the address (and the footer's
  choice) decides.

Only navigations of a browser are redirected (they accept text/html): feeds, the map's JSON and the
sitemap are never moved. The redirects say `Vary: Cookie, Accept-Language` and `private`, so no cache
keeps one for another reader; this middleware runs before the page cache, which therefore only ever
holds pages of addresses, never a decision made from a header.

An address in a language that is no longer offered (its catalogue fell behind: hub/lib/catalogues.py)
goes to the English page, so links in old e-mails and feeds keep working; so does /en/….
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from hub.lib.languages import url_in_language


class TemporaryRedirectKeepingMethod(HttpResponseRedirect):
    status_code = 307


def _offered() -> set:
    return {code for code, _ in settings.LANGUAGES}


def _redirect(request, location: str) -> HttpResponseRedirect:
    keep_method = request.method not in ("GET", "HEAD")
    response = (TemporaryRedirectKeepingMethod if keep_method else HttpResponseRedirect)(location)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    patch_cache_control(response, private=True)
    return response


def _withdrawn_prefix(path: str) -> str | None:
    """The prefix of an address in a language the site is translated into but does not offer (or /en/)."""
    first = path.lstrip("/").split("/", 1)[0]
    translated = {code for code, _ in settings.TRANSLATED_LANGUAGES}
    if first in translated and (first == settings.LANGUAGE_CODE or first not in _offered()):
        return first
    return None


def _wanted_language(request) -> tuple[str, bool]:
    """The reader's language, and whether it came from the browser (no cookie yet: a first visit)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in _offered():
        return chosen, False
    if chosen:  # a language no longer offered, or nonsense: the reader did choose, so English
        return settings.LANGUAGE_CODE, False
    return translation.get_language_from_request(request, check_path=False), True


def language_redirect(request) -> HttpResponseRedirect | None:
    path = request.path_info
    withdrawn = _withdrawn_prefix(path)
    if withdrawn:
        rest = path[len(withdrawn) + 1 :] or "/"
        query = request.META.get("QUERY_STRING", "")
        return _redirect(request, get_script_prefix().rstrip("/") + rest + (f"?{query}" if query else ""))
    if request.method not in ("GET", "HEAD") or "text/html" not in request.headers.get("Accept", ""):
        return None
    if translation.get_language_from_path(path):
        return None
    language, first_visit = _wanted_language(request)
    if language == settings.LANGUAGE_CODE or language not in _offered():
        return None
    with translation.override(language):
        if not is_valid_path(f"/{language}{path}"):
            return None  # not a page in every language (the admin, the sitemap, the language choice)
    response = _redirect(request, f"{get_script_prefix()}{language}{request.get_full_path()}")
    if first_visit:
        set_language_cookie(response, language)
    return response


def set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def remember_language_on_sign_in(sender, request, user, **kwargs) -> None:
    """user_logged_in: the member's own choice of language (their profile) applies from now on."""
    from hub.lib.mail import member_language

    language = member_language(user)
    if request is not None and language:
        request.language_on_sign_in = language


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect = language_redirect(request)
        if redirect is not None:
            return redirect
        response = self.get_response(request)
        language = getattr(request, "language_on_sign_in", None)
        if language:
            set_language_cookie(response, language)
            patch_cache_control(response, private=True)
            location = response.get("Location", "")
            if response.status_code in (301, 302, 303) and location.startswith("/") and not location.startswith("//"):
                response["Location"] = url_in_language(location, language)
        return response
