"""Issue #20's list of what can be followed, page by page: every page that has a feed shows a visible
feed link, the `<link rel="alternate">` of RSS and Atom and the Follow control (feed address to copy,
e-mail), the feeds it names parse with feedparser and hold the published item, and /follow/ accepts
what the control offers."""

import re
from datetime import date
from html.parser import HTMLParser

import feedparser
import pytest

from hub.follow.models import Subscription
from hub.follow.registry import FOLLOWABLES
from hub.forum import services as forum
from hub.pledges.models import ProgressUpdate
from hub.pledges.tests.conftest import make_pledge
from hub.practices.tests.fixtures import make_practice
from hub.publishing.services import content_create
from hub.vocabularies.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(maya):
    from hub.events.tests.factories import make_event
    from hub.resources.tests.factories import make_resource

    theme = Topic.objects.filter(kind=Topic.Kind.THEME).first()
    dimension = Topic.objects.filter(kind=Topic.Kind.DIMENSION).first()
    gcm = Topic.objects.filter(kind=Topic.Kind.GCM_OBJECTIVE).first()
    practice = make_practice(
        "Community ambassadors in Dallas", topics=(theme.slug, dimension.slug, gcm.slug), place=("Dallas", "US")
    )
    practice.tags.add("Ambassadors")
    pledge = make_pledge()
    content_create(
        model=ProgressUpdate,
        data={"date": date(2024, 1, 10), "text": "Reached 200 families.", "state": "in-progress"},
        by=maya,
        publish=True,
        notify=False,
        pledge=pledge,
    )
    make_resource("Anti-rumour handbook", topics=(theme.slug,))
    make_event("International Dialogue on Migration", themes=(theme.slug,))
    board = forum.board_create(name="Cities")
    topic, _post = forum.topic_start(user=maya, board=board, title="Welcoming cities", body="How do you welcome?")
    return {
        "theme": theme,
        "dimension": dimension,
        "gcm": gcm,
        "pledge": pledge,
        "board": board,
        "topic": topic,
        "initiative": pledge.initiative,
    }


class FollowParts(HTMLParser):
    """What a page says about following it: its alternate links, and inside its Follow control the
    links, the address to copy, the e-mail form's hidden fields and choices, and the text."""

    def __init__(self, html: str):
        super().__init__()
        self.alternates, self.links, self.hidden, self.options = {}, {}, {}, []
        self.address, self.form_action, self.text, self.controls = None, None, "", 0
        self._inside, self._link = 0, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and "type" in attrs:  # not the hreflang ones
            # The page's own come after the site-wide "newest practices" of base.html.
            self.alternates[attrs["type"]] = attrs["href"]
        if tag == "details" and "follow-control" in attrs.get("class", ""):
            self.controls += 1
            self._inside += 1
        elif self._inside:
            if tag == "details":
                self._inside += 1
            elif tag == "a":
                self._link = attrs["href"]
                self.links.setdefault(attrs["href"], "")
            elif tag == "input" and "feed-address" in attrs.get("class", ""):
                self.address = attrs["value"]
            elif tag == "input" and attrs.get("type") == "hidden" and attrs.get("name") != "csrfmiddlewaretoken":
                self.hidden[attrs["name"]] = attrs.get("value", "")
            elif tag == "form" and "follow-now" in attrs.get("class", ""):
                self.form_action = attrs["action"]
            elif tag == "option":
                self.options.append(attrs["value"])

    def handle_endtag(self, tag):
        if self._inside and tag == "details":
            self._inside -= 1
        if tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._inside:
            self.text += data
            if self._link:
                self.links[self._link] += data


def pages(content):
    """(followable, page, a title the feed holds) for each thing #20 lists."""
    return [
        ("practices", "/practices/", "Community ambassadors in Dallas"),
        ("practices", f"/practices/?theme={content['theme'].slug}", "Community ambassadors in Dallas"),
        ("topic", f"/topics/{content['theme'].slug}/", "Community ambassadors in Dallas"),
        ("topic", f"/topics/{content['dimension'].slug}/", "Community ambassadors in Dallas"),
        ("topic", f"/topics/{content['gcm'].slug}/", "Community ambassadors in Dallas"),
        ("tag", "/topics/tags/ambassadors/", "Community ambassadors in Dallas"),
        ("place", "/places/united-states-of-america/", "Community ambassadors in Dallas"),
        ("place", "/places/northern-america/", "Community ambassadors in Dallas"),
        ("place", "/places/dallas-us/", "Community ambassadors in Dallas"),
        ("search", f"/search/?q=ambassadors&theme={content['theme'].slug}", "Community ambassadors in Dallas"),
        ("pledges", "/pledges/", content["pledge"].title),
        ("pledges", "/pledges/?state=pledged", None),
        ("pledges", f"/pledges/initiatives/{content['initiative'].slug}/", content["pledge"].title)
        if content["initiative"]
        else None,
        ("pledge", content["pledge"].get_absolute_url(), "Reached 200 families."),
        ("resources", "/resources/", "Anti-rumour handbook"),
        ("resources", f"/resources/?type=tool&theme={content['theme'].slug}", "Anti-rumour handbook"),
        ("events", "/events/", "International Dialogue on Migration"),
        ("events", "/events/?type=dialogue", "International Dialogue on Migration"),
        ("events", "/events/calendar/?month=2030-07", "International Dialogue on Migration"),
        ("board", content["board"].get_absolute_url(), "Welcoming cities"),
        ("discussion", content["topic"].get_absolute_url(), "Welcoming cities"),
    ]


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed


def test_every_page_that_can_be_followed_has_its_feeds_its_alternate_links_and_the_follow_control(client, content):
    followed = set()
    for what, url, expected in filter(None, pages(content)):
        response = client.get(url)
        assert response.status_code == 200, url
        parts = FollowParts(response.text)
        rss, atom = parts.alternates.get("application/rss+xml"), parts.alternates.get("application/atom+xml")
        assert rss and atom, (url, parts.alternates)
        assert parts.controls == 1, (url, parts.controls)
        # The visible feed links and the address to copy are those of the alternate links.
        assert rss in parts.links and atom in parts.links, (url, parts.links)
        assert parts.address.endswith(rss), url
        follow_url = next(href for href, text in parts.links.items() if text.strip() == "Follow by e-mail")
        # Following by e-mail is offered for exactly this thing, and /follow/ knows it.
        assert client.get(follow_url).status_code == 200, (url, follow_url)
        assert re.search(rf"[?&]what={what}(&|$)", follow_url), (url, follow_url)
        for address in (rss, atom):
            parsed = feed(client, address)
            if expected:
                titles = [entry.title + " " + entry.get("summary", "") for entry in parsed.entries]
                assert any(expected in text for text in titles), (address, titles)
                entry = parsed.entries[0]
                assert entry.link and entry.get("published_parsed") or entry.get("updated_parsed"), address
                if what in ("resources", "events"):
                    assert entry.author in ("Council of Europe", "IOM"), address
                    assert [tag.term for tag in entry.tags][1:] == [content["theme"].name], address
        followed.add(what)
    # Each registered followable was visited: a new one needs a page above.
    assert followed == set(FOLLOWABLES), set(FOLLOWABLES) - followed


def test_a_member_follows_each_kind_from_its_page_in_one_click(client, content, bob):
    client.force_login(bob)
    for what, url, _expected in filter(None, pages(content)):
        parts = FollowParts(client.get(url).text)
        if "You follow this by e-mail" in parts.text:
            # The month view follows the same events as the list (a month is not a thing to follow).
            assert url.startswith("/events/calendar/"), url
            continue
        assert parts.options == ["immediately", "daily", "weekly"], url
        assert parts.hidden["what"] == what, url
        fields = parts.hidden | {"frequency": "immediately"}
        assert client.post(parts.form_action, fields).status_code == 302, url
        again = FollowParts(client.get(url).text)
        assert "You follow this by e-mail" in again.text, url
    visited = [page for page in pages(content) if page and not page[1].startswith("/events/calendar/")]
    assert Subscription.objects.filter(user=bob, frequency="immediately", confirmed_at__isnull=False).count() == len(
        visited
    )


def test_resources_and_events_alert_at_once_those_whose_filters_they_match(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    from hub.events.tests.factories import make_event
    from hub.follow.services import follow_wanted, subscription_follow
    from hub.publishing.services import content_publish
    from hub.resources.tests.factories import make_resource

    for what, key, email in [
        ("resources", "type=tool", "tools@example.org"),
        ("resources", "type=research", "research@example.org"),
        ("events", "type=webinar", "webinars@example.org"),
        ("events", "", "all-events@example.org"),
    ]:
        subscription = subscription_follow(
            wanted=follow_wanted(what=what, key=key), email=email, frequency="immediately"
        )
        Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=subscription.created_at)
    mailoutbox.clear()
    tool = make_resource("Anti-rumour handbook", type="tool", status="submitted")
    webinar = make_event("Welcoming cities webinar", type="webinar", status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        content_publish(obj=tool, by=None)
        content_publish(obj=webinar, by=None)
    sent = {(message.to[0], message.subject) for message in mailoutbox}
    assert {address for address, _subject in sent} == {
        "tools@example.org",
        "webinars@example.org",
        "all-events@example.org",
    }
    assert any("Anti-rumour handbook" in m.body and m.to == ["tools@example.org"] for m in mailoutbox)
    assert all("List-Unsubscribe" in m.extra_headers for m in mailoutbox)


def test_the_controls_stop_button_goes_back_to_our_own_pages_only(client, bob):
    from hub.follow.services import follow_wanted, subscription_follow

    client.force_login(bob)
    for next_url, lands_on in [
        ("/resources/?type=tool", "/resources/?type=tool"),
        ("//evil.example/", "/follow/mine/"),
    ]:
        subscription = subscription_follow(
            wanted=follow_wanted(what="resources", key="type=tool"), email=bob.email, frequency="daily", user=bob
        )
        response = client.post("/follow/mine/", {"subscription": subscription.pk, "action": "stop", "next": next_url})
        assert (response.status_code, response.url) == (302, lands_on)
        assert not Subscription.objects.exists()
