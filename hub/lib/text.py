"""Control characters out of everything people type in.

A form feed or an escape in a title makes XML (feeds, sitemaps) invalid and breaks whatever reads it
later; nobody means to type one. Tab, newline and carriage return stay: they are text."""

import re

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Lone surrogates cannot be encoded as UTF-8 (nor stored by PostgreSQL).
SURROGATES = re.compile(r"[\ud800-\udfff]")
# In a path nothing is text: a slug or a user name never holds a tab either.
ANY_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def strip_control(text: str) -> str:
    if not isinstance(text, str):
        return text
    return SURROGATES.sub("", CONTROL_CHARACTERS.sub("", text))


def _cleaned(query: QueryDict) -> QueryDict:
    if not any(CONTROL_CHARACTERS.search(value) or SURROGATES.search(value) for value in _values(query)):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(strip_control(key), [strip_control(value) for value in values])
    cleaned._mutable = False
    return cleaned


def _values(query: QueryDict):
    for key, values in query.lists():
        yield key
        yield from (value for value in values if isinstance(value, str))


class ControlCharacterMiddleware:
    """Every form of the site, ours, allauth's and the admin's, reads request.GET and request.POST:
    cleaning them here covers a new form without anyone remembering to. A path with a control character
    names nothing (slugs and user names never hold one): 404 before any database sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if ANY_CONTROL_CHARACTER.search(request.path_info):
            raise Http404(_("No page has a control character in its address."))
        request.GET = _cleaned(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _cleaned(request.POST)
        return self.get_response(request)
