"""Small things a newcomer met: tag pages, feed help, planned practices, share cards, the moderation
page's waiting comments."""

from datetime import date

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from hub.practices.models import Practice

pytestmark = pytest.mark.django_db


def test_tag_chips_link_to_a_page_of_the_published_practices_with_that_tag(client, practice_factory):
    practice = practice_factory("Language cafés")
    practice.tags.add("language cafés")
    hidden = practice_factory("Secret", status=Practice.Status.SUBMITTED)
    hidden.tags.add("language cafés")

    address = reverse("practices:tag", args=[practice.tags.get().slug])
    detail = client.get(practice.get_absolute_url()).text
    page = client.get(address)

    assert address.startswith("/topics/tags/language-caf")
    assert f'<a href="{address}">language cafés</a>' in detail
    assert page.status_code == 200 and "Language cafés" in page.text and "Secret" not in page.text
    assert "1 published practice is tagged so." in page.text
    assert client.get("/topics/tags/nothing-here/").status_code == 404


def test_subscribe_leads_to_a_page_that_explains_feeds_with_the_address_to_copy(client):
    topic_page = client.get("/topics/discrimination-and-xenophobia/").text
    # The Follow control (hub/follow) gives the feed's address to copy, beside the e-mail options.
    assert "/feeds/topics/discrimination-and-xenophobia/" in topic_page and "Follow" in topic_page

    response = client.get("/feeds/", {"feed": "/feeds/topics/discrimination-and-xenophobia/"})

    assert "Follow Discrimination and Xenophobia" in response.text
    assert 'value="http://testserver/feeds/topics/discrimination-and-xenophobia/"' in response.text
    assert client.get("/feeds/", {"feed": "/admin/"}).status_code == 404
    assert client.get("/feeds/", {"feed": "https://elsewhere.example/feed"}).status_code == 404
    assert 'value="http://testserver/feeds/practices/"' in client.get("/feeds/").text


@time_machine.travel("2026-06-01")
def test_a_planned_practice_says_when_it_starts(client, practice_factory):
    practice_factory("Future", start_date=date(2027, 1, 1), end_date=None)
    practice_factory("Past", start_date=date(2021, 3, 1), end_date=None)

    text = client.get("/practices/").text

    assert "planned from January 2027" in text and "since January 2027" not in text
    assert "since March 2021" in text


def test_a_shared_practice_link_shows_a_card(client, practice_factory):
    practice = practice_factory("Community Ambassadors", summary="Residents explain city services.")

    text = client.get(practice.get_absolute_url()).text

    assert '<meta property="og:title" content="Community Ambassadors">' in text
    assert '<meta property="og:description" content="Residents explain city services.">' in text
    assert '<meta property="og:type" content="article">' in text
    assert '<meta name="twitter:card" content="summary">' in text
    assert f'<meta property="og:url" content="http://testserver{practice.get_absolute_url()}">' in text


def test_the_moderation_page_links_the_waiting_comments_with_their_count(client, maya, alice, practice_factory):
    from hub.reactions.models import Comment

    practice = practice_factory("Commented")
    Comment.objects.create(
        user=alice,
        content_type=ContentType.objects.get_for_model(Practice),
        object_id=practice.pk,
        body="Is this still running?",
        status=Comment.Status.PENDING,
    )
    client.force_login(maya)

    text = client.get("/moderation/").text

    assert '<a href="/moderation/comments/">1 comment waits for a moderator</a>' in text


def test_the_submit_form_marks_required_fields(client):
    text = client.get("/practices/submit/").text

    assert text.count('<span class="required-mark">(required)</span>') >= 5
    assert '<label for="id_title">Title:</label><span class="required-mark">(required)</span>' in text


def test_a_feed_opened_in_a_browser_is_styled_as_a_page_that_explains_it(client, practice_factory):
    practice_factory("Community Ambassadors")

    feed = client.get("/feeds/topics/discrimination-and-xenophobia/").content.decode()
    stylesheet = client.get("/feeds/feed.xsl")

    assert '<?xml-stylesheet href="/feeds/feed.xsl" media="screen" type="text/xsl"?>' in feed
    assert stylesheet.status_code == 200 and stylesheet["Content-Type"].startswith("text/xsl")
    assert stylesheet.content.decode().startswith('<?xml version="1.0"')
    assert 'href="/feeds/"' in stylesheet.content.decode()
    reader = client.get("/feeds/practices/", headers={"Accept": "application/rss+xml"})
    browser = client.get("/feeds/practices/", headers={"Accept": "text/html,application/xml;q=0.9"})
    assert reader["Content-Type"].startswith("application/rss+xml")
    assert browser["Content-Type"].startswith("application/xml") and "Accept" in browser["Vary"]
