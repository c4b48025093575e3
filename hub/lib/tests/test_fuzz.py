"""Every page and every form of the site, walked from the URLconf and the pages themselves, answers
hostile input with a 4xx or a page, never a 500, and a refused form stores nothing.

Nothing here names a view or a form: a new page or form is covered by being in the URLconf or on a page.
The admin is left out (Django's own, and moderators only) to keep the run under a minute."""

import re
from html.parser import HTMLParser
from urllib.parse import quote_plus, urlsplit

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from hub.places.models import Place
from hub.practices.models import Practice
from hub.reactions import services as reactions

pytestmark = pytest.mark.django_db

NAUGHTY = [
    "",
    "a\x00b",
    "\x1b[31m\x0c\x7f\x01",
    "\ud800 lone \udfff",
    "x" * 10_000,
    "-1",
    "9" * 30,
    "-" + "9" * 30,
    "1e309",
    "NaN",
    "2023-13-45",
    "0000-00",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00%ff",
    "🙂" * 50,
    "١٢٣",
]
QUERY_NAMES = ["q", "page", "theme", "country", "year", "sort", "zoom", "bbox", "next", "sector", "status", "kind"]
LEFT_OUT = ("admin/", "i18n/")
# Written by every request (sessions, sign-in attempts), not by a form's success.
BOOKKEEPING = {"sessions.session", "axes.accessattempt", "axes.accessfailurelog", "axes.accesslog"}


def encode(pairs) -> str:
    """Form encoding that lets lone surrogates through as the bytes a broken client would send."""
    return "&".join(
        f"{quote_plus(str(k).encode('utf-8', 'surrogatepass'))}={quote_plus(str(v).encode('utf-8', 'surrogatepass'))}"
        for k, v in pairs
    )


def routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(LEFT_OUT):
            continue
        if isinstance(pattern, URLResolver):
            yield from routes(pattern, route)
        elif isinstance(pattern, URLPattern) and not route.startswith("^"):
            yield route


def fill(route: str, values: dict) -> list[str]:
    """The route with its parameters from real objects, and with naughty ones."""
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    real = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values.get(m.group(1), "x")), route)
    paths = ["/" + real]
    if names:
        for bad in ("9" * 25, "x%00y"):
            paths.append("/" + re.sub(r"<(?:\w+:)?(\w+)>", bad, route))
    return paths


class Forms(HTMLParser):
    """The POST forms of a page: action, and each field with its value and max length."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.current = {"action": a.get("action") or "", "fields": []}
            self.forms.append(self.current)
        elif self.current is None or not a.get("name"):
            return
        elif tag == "input" and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                self.current["fields"].append((a["name"], None, None, a.get("type")))
            else:
                self.current["fields"].append((a["name"], a.get("value", ""), a.get("maxlength"), a.get("type")))
        elif tag == "textarea":
            self.current["fields"].append((a["name"], "", a.get("maxlength"), "textarea"))
        elif tag == "select":
            self.current["fields"].append((a["name"], "", None, "select"))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def counts() -> dict:
    """Rows of what a form can store: our apps', accounts, addresses and tags."""
    return {label: model._default_manager.count() for label, model in STORED}


STORED = [
    (model._meta.label_lower, model)
    for model in apps.get_models()
    if (model.__module__.startswith("hub.") or model._meta.app_label in {"auth", "account", "taggit"})
    and model._meta.label_lower not in BOOKKEEPING
    and not model._meta.proxy
    and model._meta.managed
    and ".tests." not in model.__module__  # models a test makes for itself
    and not model._meta.label_lower.startswith(("practices.historical", "search."))
]


def variants(fields):
    """Each naughty value in every field the person types in, then each field at its max length and one past."""
    typed = [(name, value, maxlength, kind) for name, value, maxlength, kind in fields if kind != "hidden"]
    base = [(name, value) for name, value, _m, kind in fields if value is not None]
    for bad in NAUGHTY:
        yield [(name, value) for name, value in base if name not in {t[0] for t in typed}] + [
            (name, bad) for name, *_ in typed
        ]
    for name, _value, maxlength, _kind in typed:
        if maxlength and maxlength.isdigit():
            for length in (int(maxlength), int(maxlength) + 1):
                yield [(other, value) for other, value in base if other != name] + [(name, "é" * length)]
    yield base + base  # every parameter twice


@pytest.fixture
def site(alice, bob, maya, practice_factory):
    published = practice_factory("Published in Lyon", place=("Lyon", "FR"))
    waiting = practice_factory("Waiting in Sabadell", status=Practice.Status.SUBMITTED, place=("Sabadell", "ES"))
    comment = reactions.comment_create(obj=published, user=alice, body="A comment")
    return {
        "slug": published.slug,
        "pk": waiting.pk,
        "token": waiting.status_token,
        "username": "alice",
        "kind": "practice",
        "history_id": waiting.history.first().history_id,
        "position": 0,
        "comment": comment.pk,
        "place": Place.objects.get(name="Lyon").slug,
    }


def queries(person: int):
    """A hostile query string per page, each parameter repeated; a different one for each person."""
    bad = NAUGHTY[1 + person * 2 :] + NAUGHTY[1:]
    return [
        "&".join(f"{name}={quote_plus(value.encode('utf-8', 'surrogatepass'))}&{name}=2" for name in QUERY_NAMES)
        for value in bad[:1]
    ]


def test_no_page_or_form_answers_500_and_refused_forms_store_nothing(site, alice, bob, maya, settings):
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "10000/h")
    failures = []
    all_routes = sorted(set(routes()))
    assert len(all_routes) > 30, "the URLconf walk found too few pages"
    walked_forms = set()
    for person, (who, user) in enumerate({"anonymous": None, "member": bob, "moderator": maya}.items()):
        client = Client(raise_request_exception=False)
        if user:
            client.force_login(user)
        for route in all_routes:
            real, *naughty_paths = fill(route, site)
            for path in naughty_paths:
                if (response := client.get(path)).status_code >= 500:
                    failures.append(f"{who} GET {path} -> {response.status_code}")
            for query in queries(person):
                if (response := client.get(f"{real}?{query}")).status_code >= 500:
                    failures.append(f"{who} GET {real}?{query[:200]} -> {response.status_code}")
            response = client.get(real)
            if response.status_code >= 500:
                failures.append(f"{who} GET {real} -> {response.status_code}")
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            parser = Forms()
            parser.feed(response.content.decode())
            for form in parser.forms:
                action = urlsplit(form["action"]).path or real
                # One walk of each form per person; sign-out and deletions would end the walk.
                if (who, action) in walked_forms or any(word in action for word in ("logout", "delete")):
                    continue
                walked_forms.add((who, action))
                for data in variants(form["fields"]):
                    before = counts()
                    response = client.post(action, encode(data), content_type="application/x-www-form-urlencoded")
                    if response.status_code >= 500:
                        failures.append(f"{who} POST {action} {str(data)[:200]} -> {response.status_code}")
                    elif 400 <= response.status_code < 500 and counts() != before:
                        changed = {k for k, v in counts().items() if before.get(k) != v}
                        failures.append(f"{who} POST {action} refused but stored {changed}")
                if user:
                    client.force_login(user)  # a form (password, e-mail address) may have signed them out
    assert len(walked_forms) > 10, "the walk found too few forms"
    assert not failures, "\n".join(failures[:40])
