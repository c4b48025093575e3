"""The whole-page cache for anonymous readers, and the headers that let a proxy in front cache safely.

The rules, in the order they are checked:

1. Only the pages everybody sees the same are looked up: the views named in CACHED_VIEWS, asked for
   with GET or HEAD by a request carrying no session cookie and no messages cookie (so nobody is
   signed in, nothing waits to be said to this reader, no anonymous submitter's preview is open).
2. The key is the scheme, host, path and query and the language of the address (its prefix).
   An entry holds the versions of what is published it was rendered under: the listing version
   (publications, edits, archiving, merges, topics), the places version (a moderator moving a place)
   and the pages version (ratings, published comments, names of members). It is served only while
   they are the versions of now, read in the same round trip as the entry (one MGET on Redis).
   Versions are read before the page is rendered and bumped only after a change is committed, so a
   page rendered from old data carries old versions and is never served after the change.
3. A response is stored only if it used no facet index older than the listing version (one being
   rebuilt in the background after a bulk change: hub.search.facet_index, "Freshness"), is a 200,
   sets no cookie, wrote nothing to the session, used no message, rendered no CSRF token, and did
   not say `private` or `no-store` itself. Anything else goes out with `Cache-Control: private`, so
   no proxy keeps a member's page.
4. Stored pages carry an ETag; a conditional request that matches gets a 304.

Entries live in the shared cache (Redis in production), never in the web process: a process's
memory does not grow with the number of pages cached; there is one entry per address and language,
overwritten after a change, and each expires after PAGE_CACHE_SECONDS.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from hub.lib.languages import language_of_path
from hub.places.services import PLACES_VERSION_KEY
from hub.search.listing import LISTING_VERSION_KEY, STALE
from hub.serving.services import PAGES_VERSION_KEY

# Pages that show the same thing to every anonymous reader and change only with the versions above.
# Member pages, forms that POST, moderation and accounts are not here.
CACHED_VIEWS = frozenset(
    {
        "home",
        "practices:list",
        "practices:detail",
        "practices:criteria",
        "practices:topics",
        "practices:topic",
        "places:map",
        "places:clusters",
        "places:worldwide",
        "places:detail",
        "search:search",
        "feed_search",
        "feed_practices",
        "feed_topic",
        "feed_kind",
        "django.contrib.sitemaps.views.sitemap",
    }
)
VERSION_KEYS = (LISTING_VERSION_KEY, PLACES_VERSION_KEY, PAGES_VERSION_KEY)
CSRF_FIELD = b"csrfmiddlewaretoken"


def _is_anonymous_reader(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _view_name(request) -> str | None:
    # Resolved in the address's language: the prefix patterns match the active language's prefix only,
    # and what is active before LocaleMiddleware is whatever the thread's last request left.
    try:
        with translation.override(language_of_path(request.path_info)):
            return resolve(request.path_info).view_name
    except Resolver404:
        return None


def page_cache_key(request) -> str:
    # The address decides the language (English unprefixed, /fr/… and so on); a reader whose cookie or
    # browser asks for another was sent to that address before this (hub/serving/language.py).
    language = language_of_path(request.path_info)
    address = hashlib.md5(
        f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode(), usedforsecurity=False
    ).hexdigest()
    return f"page:{language}:{address}"


def _entry_and_versions(key: str) -> tuple[dict | None, list]:
    """The stored page and the versions of now, in one round trip to the cache (one MGET on Redis)."""
    found = cache.get_many([key, *VERSION_KEYS])
    # A version nobody has set yet is set now, so that every process agrees on it.
    versions = [found.get(name) or cache.get_or_set(name, time.time_ns, timeout=None) for name in VERSION_KEYS]
    return found.get(key), versions


def _says_private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control


def _is_storable(request, response) -> bool:
    if STALE.get():
        return False
    if response.status_code != 200 or response.streaming or response.cookies or response.has_header("Set-Cookie"):
        return False
    if _says_private(response):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or messages.added_new):
        return False
    # A rendered token belongs to one reader (get_token marks the request); the byte search is the
    # belt to those braces, for a token put in by hand.
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and CSRF_FIELD not in response.content


def _public_headers(response) -> None:
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    shared = settings.PAGE_CACHE_SHARED_SECONDS
    patch_cache_control(
        response, public=True, max_age=0, must_revalidate=True, **({"s_maxage": shared} if shared else {})
    )


def _from_entry(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = versions = None
        STALE.set(False)  # the thread serves one request after another in the same context
        if settings.PAGE_CACHE_SECONDS and _is_anonymous_reader(request):
            # Looked up before the address is resolved: only a cached view's page is ever stored under
            # a key, so a hit needs no resolving, and a page served from the cache costs one round trip.
            key = page_cache_key(request)
            entry, versions = _entry_and_versions(key)
            if entry is not None and entry["versions"] == versions:
                response = _from_entry(entry)
                response["X-Page-Cache"] = "hit"
                return get_conditional_response(request, etag=response["ETag"], response=response)
            if _view_name(request) not in CACHED_VIEWS:
                key = versions = None

        response = self.get_response(request)

        if key and _is_storable(request, response):
            _public_headers(response)
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
            entry = {"versions": versions, "content": response.content, "headers": headers}
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
            return get_conditional_response(request, etag=response["ETag"], response=response)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response
