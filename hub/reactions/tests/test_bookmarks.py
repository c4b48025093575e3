"""Bookmarks of practices, topics and places, “My bookmarks”, and the share links."""

import pytest

from hub.places.services import place_get_or_create
from hub.practices.models import Practice
from hub.reactions.models import Bookmark
from hub.vocabularies.models import Topic

pytestmark = pytest.mark.django_db


def bookmark(client, kind, pk, action="add", **data):
    return client.post(f"/reactions/{kind}/{pk}/bookmark/", {"action": action, **data})


def test_a_member_bookmarks_a_practice_a_topic_and_a_place_and_finds_them_in_my_bookmarks(
    client, alice, practice_factory
):
    practice = practice_factory("Welcome walks in Lyon", place=("Lyon", "FR"))
    topic = Topic.objects.get(slug="education")
    place = place_get_or_create(name="Lyon", country="FR")
    client.force_login(alice)
    for kind, obj in (("practice", practice), ("topic", topic), ("place", place)):
        assert bookmark(client, kind, obj.pk).status_code == 302
    page = client.get("/accounts/bookmarks/").content.decode()
    assert "Welcome walks in Lyon" in page and "Education" in page and "Lyon, France" in page


def test_the_button_of_a_bookmarked_practice_takes_it_out(client, alice, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    bookmark(client, "practice", practice.pk)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in page and 'name="action" value="remove"' in page
    bookmark(client, "practice", practice.pk, action="remove")
    assert Bookmark.objects.count() == 0


def test_adding_twice_keeps_one_bookmark_and_removing_twice_none(client, alice, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    assert [bookmark(client, "practice", practice.pk).status_code for _ in range(2)] == [302, 302]
    assert Bookmark.objects.count() == 1
    assert [bookmark(client, "practice", practice.pk, action="remove").status_code for _ in range(2)] == [302, 302]
    assert Bookmark.objects.count() == 0


def test_a_bookmark_without_an_action_is_refused(client, alice, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    assert bookmark(client, "practice", practice.pk, action="").status_code == 400
    assert not Bookmark.objects.exists()


@pytest.mark.parametrize("next_url", ["abc", "//evil.example/", "https://evil.example/x", "javascript:alert(1)"])
def test_a_next_address_that_is_not_on_this_site_goes_back_to_the_page(client, alice, practice_factory, next_url):
    practice = practice_factory()
    client.force_login(alice)
    response = bookmark(client, "practice", practice.pk, next=next_url)
    assert response.status_code == 302
    assert response["Location"] == f"{practice.get_absolute_url()}#bookmark"


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


def test_a_place_of_an_unpublished_practice_cannot_be_bookmarked(client, bob, practice_factory):
    from hub.places.models import Place
    from hub.practices.models import Practice

    practice_factory("Secret in Sabadell", status=Practice.Status.SUBMITTED, place=("Sabadell", "ES"))
    sabadell = Place.objects.get(name="Sabadell")
    client.force_login(bob)

    assert client.post(f"/reactions/place/{sabadell.pk}/bookmark/").status_code == 404
    assert not Bookmark.objects.exists()
