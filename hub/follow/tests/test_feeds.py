"""Every kind of feed, RSS and Atom, read by feedparser as feed readers read them: title, summary, link,
date, author and categories of each entry; nothing unpublished; ETag, Last-Modified and 304."""

from datetime import date

import feedparser
import pytest

from hub.forum import services as forum
from hub.pledges.models import ProgressUpdate
from hub.pledges.tests.conftest import make_pledge
from hub.practices.models import Practice
from hub.practices.tests.fixtures import make_practice
from hub.publishing.services import content_archive, content_create

pytestmark = pytest.mark.django_db


def make_update(pledge, *, by, text="Reached **200** families.", publish=True):
    data = {"date": date(2024, 1, 10), "text": text, "state": "in_progress"}
    return content_create(model=ProgressUpdate, data=data, by=by, publish=publish, notify=False, pledge=pledge)


@pytest.fixture
def practices(db):
    published = make_practice("Community ambassadors in Dallas", place=("Dallas", "US"))
    published.tags.add("Ambassadors")
    hidden = make_practice("Draft in Dallas", status=Practice.Status.SUBMITTED, place=("Dallas", "US"))
    hidden.tags.add("Ambassadors")
    archived = make_practice("Archived in Dallas", place=("Dallas", "US"))
    archived.tags.add("Ambassadors")
    content_archive(obj=archived, by=None)
    return published


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


PRACTICE_FEEDS = [
    "/feeds/practices/",
    "/feeds/practices/?theme=discrimination-and-xenophobia",
    "/feeds/topics/discrimination-and-xenophobia/",
    "/feeds/tags/ambassadors/",
    "/feeds/places/northern-america/",
    "/feeds/places/united-states-of-america/",
    "/feeds/places/dallas-us/",
    "/feeds/search/?q=ambassadors",
]


@pytest.mark.parametrize("url", PRACTICE_FEEDS)
@pytest.mark.parametrize("flavour", ["rss", "atom"])
def test_every_practice_feed_holds_the_published_practice_only_with_its_details(client, practices, url, flavour):
    if flavour == "atom":
        path, _sep, query = url.partition("?")
        url = f"{path}atom/" + (f"?{query}" if query else "")
    feed = parsed(client, url)
    assert feed.version.startswith(flavour)
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Community ambassadors in Dallas"]
    entry = feed.entries[0]
    assert entry.link.endswith(practices.get_absolute_url())
    assert "explain city services" in entry.summary
    assert entry.published_parsed is not None
    assert entry.author == "City of Dallas" or "not verified" in entry.author
    assert [tag.term for tag in entry.tags] == ["Discrimination and Xenophobia"]


def test_a_tag_only_drafts_carry_has_no_feed(client, db):
    make_practice("Draft", status=Practice.Status.SUBMITTED).tags.add("Secret plans")
    assert client.get("/feeds/tags/secret-plans/").status_code == 404
    assert client.get("/feeds/places/nowhere-at-all/").status_code == 404


@pytest.mark.parametrize("flavour", ["", "atom/"])
def test_pledge_feeds_and_a_pledges_progress_updates(client, db, maya, flavour):
    pledge = make_pledge()
    make_pledge("A pledge waiting", status="submitted")
    make_update(pledge, by=maya)
    feed = parsed(client, f"/feeds/pledges/{flavour}")
    assert [entry.title for entry in feed.entries] == [pledge.title]
    entry = feed.entries[0]
    assert entry.author == "City of Barranquilla"
    assert [tag.term for tag in entry.tags] == ["Discrimination and Xenophobia"]
    assert entry.link.endswith(pledge.get_absolute_url())
    updates = parsed(client, f"/feeds/pledges/{pledge.slug}/updates/{flavour}")
    assert updates.feed.title.endswith(f"progress of “{pledge.title}”")
    [update] = updates.entries
    assert "Reached <strong>200</strong> families." in update.summary
    assert update.author == "City of Barranquilla"
    assert update.link.endswith(f"#update-{ProgressUpdate.objects.get().pk}")


@pytest.mark.parametrize("flavour", ["feed/", "atom/"])
def test_forum_board_and_topic_feeds(client, maya, flavour):
    board = forum.board_create(name="Cities")
    topic, _post = forum.topic_start(user=maya, board=board, title="Welcoming cities", body="How do you welcome?")
    for url in (f"/discuss/boards/{board.slug}/{flavour}", f"/discuss/topics/{topic.pk}/{flavour}"):
        feed = parsed(client, url)
        entry = feed.entries[0]
        assert "Welcoming cities" in entry.title
        assert "How do you welcome?" in entry.summary
        assert entry.author == "Maya Okafor"
        assert [tag.term for tag in entry.tags] == ["Cities"]
        assert entry.published_parsed is not None


def test_a_feed_sends_etag_and_last_modified_and_answers_304(client, practices):
    first = client.get("/feeds/topics/discrimination-and-xenophobia/")
    etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]
    again = client.get("/feeds/topics/discrimination-and-xenophobia/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    since = client.get("/feeds/topics/discrimination-and-xenophobia/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304
    make_practice("Another one in Dallas")
    changed = client.get("/feeds/topics/discrimination-and-xenophobia/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag


def test_forum_and_search_feeds_answer_304_too(client, practices, maya):
    board = forum.board_create(name="Cities")
    forum.topic_start(user=maya, board=board, title="Welcoming cities", body="How do you welcome?")
    for url in (f"/discuss/boards/{board.slug}/feed/", "/feeds/search/?q=ambassadors", "/feeds/pledges/atom/"):
        etag = client.get(url).headers["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url
