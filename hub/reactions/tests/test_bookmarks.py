"""Bookmarks of practices, topics and places, “My bookmarks”, and the share links."""

import pytest

from hub.places.services import place_get_or_create
from hub.practices.models import Practice, Topic
from hub.reactions.models import Bookmark

pytestmark = pytest.mark.django_db


def bookmark(client, kind, pk):
    return client.post(f"/reactions/{kind}/{pk}/bookmark/")


def test_a_member_bookmarks_a_practice_a_topic_and_a_place_and_finds_them_in_my_bookmarks(
    client, alice, practice_factory
):
    practice = practice_factory("Welcome walks in Lyon")
    topic = Topic.objects.get(slug="education")
    place = place_get_or_create(name="Lyon", country="FR")
    client.force_login(alice)
    for kind, obj in (("practice", practice), ("topic", topic), ("place", place)):
        assert bookmark(client, kind, obj.pk).status_code == 302
    page = client.get("/accounts/bookmarks/").content.decode()
    assert "Welcome walks in Lyon" in page and "Education" in page and "Lyon, France" in page


def test_bookmarking_again_takes_it_out(client, alice, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    bookmark(client, "practice", practice.pk)
    assert 'aria-pressed="true"' in client.get(practice.get_absolute_url()).content.decode()
    bookmark(client, "practice", practice.pk)
    assert Bookmark.objects.count() == 0


def test_my_bookmarks_shows_only_mine(client, alice, bob, practice_factory):
    practice = practice_factory("Welcome walks in Lyon")
    client.force_login(bob)
    bookmark(client, "practice", practice.pk)
    client.force_login(alice)
    assert "Welcome walks in Lyon" not in client.get("/accounts/bookmarks/").content.decode()


def test_a_bookmarked_practice_that_is_unpublished_later_is_not_shown_by_its_title(client, alice, practice_factory):
    practice = practice_factory("Soon withdrawn")
    client.force_login(alice)
    bookmark(client, "practice", practice.pk)
    Practice.objects.filter(pk=practice.pk).update(status=Practice.Status.ARCHIVED)
    page = client.get("/accounts/bookmarks/").content.decode()
    assert "Soon withdrawn" not in page and "No longer published" in page


def test_anonymous_visitors_are_sent_to_sign_in_and_unpublished_practices_cannot_be_bookmarked(
    client, alice, practice_factory
):
    practice = practice_factory()
    response = bookmark(client, "practice", practice.pk)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    waiting = practice_factory("Waiting", status=Practice.Status.SUBMITTED, submitted_by=alice)
    client.force_login(alice)
    assert bookmark(client, "practice", waiting.pk).status_code == 404
    assert Bookmark.objects.count() == 0


def test_the_topic_page_has_a_bookmark_button(client, alice):
    client.force_login(alice)
    page = client.get("/topics/education/").content.decode()
    assert f'action="/reactions/topic/{Topic.objects.get(slug="education").pk}/bookmark/"' in page


def test_a_city_page_has_a_bookmark_button(client, alice, practice_factory):
    practice = practice_factory("Community ambassadors", place=("Dallas", "US"))
    place = practice.places.get()
    client.force_login(alice)
    page = client.get(f"/places/{place.slug}/").content.decode()
    assert f'action="/reactions/place/{place.pk}/bookmark/"' in page


def test_the_share_links_are_plain_links_with_no_third_party_script(client, practice_factory):
    practice = practice_factory("Welcome walks in Lyon")
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver%2Fpractices%2F" in page
    assert "mailto:?subject=Welcome%20walks%20in%20Lyon" in page
    scripts = [line for line in page.split("<script") if "src=" in line.split(">")[0]][1:]
    assert all('src="/static/' in script.split(">")[0] for script in scripts)
