"""Whole pages cached for anonymous readers: fresh the moment something public changes, never a
member's page, never a token or a message in a shared entry, 304 for an unchanged page."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.test import Client

from hub.lib.languages import url_in_language
from hub.practices.models import Practice
from hub.practices.services import practice_merge
from hub.practices.views import PREVIEWABLE_SESSION_KEY
from hub.publishing import services as publishing
from hub.reactions.models import Comment
from hub.reactions.services import comment_approve, comment_create, rating_set

pytestmark = pytest.mark.django_db

PRACTICE_PAGE_URLS = ("/", "/practices/", "/practices/?country=US", "/search/?q=ambassadors", "/feeds/practices/")


@pytest.fixture(autouse=True)
def _page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_SHARED_SECONDS = 0


def cached_get(client, url, **headers):
    """The page, asked for twice: the second answer must come from the cache."""
    first = client.get(url, **headers)
    second = client.get(url, **headers)
    assert first.status_code == second.status_code == 200
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    return second.content.decode()


def page_entries() -> list:
    return [cache.get(key.split(":", 2)[2]) for key in list(cache._cache) if key.split(":", 2)[2].startswith("page:")]


def test_an_anonymous_reader_gets_the_second_request_from_the_cache_with_no_query(
    client, practice_factory, django_assert_num_queries
):
    practice = practice_factory()
    cached_get(client, practice.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(practice.get_absolute_url())["X-Page-Cache"] == "hit"


def test_every_cached_kind_of_page_is_stored_for_anonymous_readers(client, practice_factory):
    practice = practice_factory()
    topic = practice.topics.first()
    place = practice.places.first()
    for url in (
        "/",
        "/practices/",
        "/practices/?country=US&page=1",
        practice.get_absolute_url(),
        "/topics/",
        f"/topics/{topic.slug}/",
        "/places/",
        f"/places/{place.slug}/",
        "/map/",
        "/map/clusters/?zoom=2",
        "/search/?q=ambassadors",
        "/feeds/practices/",
        f"/feeds/topics/{topic.slug}/",
        "/sitemap.xml",
    ):
        page = cached_get(client, url)
        assert "csrfmiddlewaretoken" not in page, url


def test_a_publication_makes_the_cached_pages_fresh_at_once(client, practice_factory, maya, committed):
    waiting = practice_factory("Language cafés in Porto", status=Practice.Status.SUBMITTED, place=("Porto", "PT"))
    practice_factory()
    for url in PRACTICE_PAGE_URLS:
        assert "Language cafés in Porto" not in cached_get(client, url)
    committed(lambda: publishing.content_publish(obj=waiting, by=maya))
    for url in ("/", "/practices/", "/feeds/practices/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Language cafés in Porto" in response.content.decode(), url


def test_an_edit_makes_the_practice_page_fresh(client, practice_factory, maya, committed):
    practice = practice_factory()
    assert "Community ambassadors in Dallas" in cached_get(client, practice.get_absolute_url())
    committed(
        lambda: publishing.content_update(obj=practice, data={"title": "Neighbour ambassadors in Dallas"}, by=maya)
    )
    assert "Neighbour ambassadors in Dallas" in client.get(practice.get_absolute_url()).content.decode()


def test_an_archiving_takes_the_practice_out_of_cached_pages(client, practice_factory, maya, committed):
    practice = practice_factory()
    cached_get(client, practice.get_absolute_url())
    assert "Community ambassadors in Dallas" in cached_get(client, "/practices/")
    committed(lambda: publishing.content_archive(obj=practice, by=maya))
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert "Community ambassadors in Dallas" not in client.get("/practices/").content.decode()


def test_a_merge_makes_the_duplicates_cached_page_redirect(client, practice_factory, maya, committed):
    keep = practice_factory()
    duplicate = practice_factory("Dallas community ambassadors")
    cached_get(client, duplicate.get_absolute_url())
    committed(lambda: practice_merge(keep=keep, duplicate=duplicate, by=maya))
    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 301 and response["Location"] == keep.get_absolute_url()


def test_a_comment_approval_shows_the_comment_on_the_cached_page(client, practice_factory, bob, maya, committed):
    practice = practice_factory()
    comment = comment_create(obj=practice, user=bob, body="We run the same in Tulsa.")
    assert comment.status == Comment.Status.PENDING
    assert "We run the same in Tulsa." not in cached_get(client, practice.get_absolute_url())
    committed(lambda: comment_approve(comment=comment, by=maya))
    assert "We run the same in Tulsa." in client.get(practice.get_absolute_url()).content.decode()


def test_a_rating_changes_the_average_on_the_cached_page(client, practice_factory, bob, committed):
    practice = practice_factory()
    assert "Not rated yet." in cached_get(client, practice.get_absolute_url())
    committed(lambda: rating_set(obj=practice, user=bob, score=4))
    assert "Rated 4.0 out of 5 by 1 member" in client.get(practice.get_absolute_url()).content.decode()


def test_a_signed_in_member_never_gets_the_cached_anonymous_page(client, practice_factory, bob):
    practice = practice_factory()
    cached_get(client, practice.get_absolute_url())
    client.force_login(bob)
    response = client.get(practice.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert "Sign out (bob)" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_a_member_never_gets_another_members_page(practice_factory, alice, bob):
    practice = practice_factory()
    as_alice, as_bob = Client(), Client()
    as_alice.force_login(alice)
    as_bob.force_login(bob)
    rating_set(obj=practice, user=alice, score=5)
    assert "Your rating: 5." in as_alice.get(practice.get_absolute_url()).content.decode()
    page = as_bob.get(practice.get_absolute_url()).content.decode()
    assert "Your rating: 5." not in page and "Sign out (bob)" in page and "Sign out (alice)" not in page
    assert page_entries() == []


def test_a_page_showing_a_message_is_not_stored(client, practice_factory, rf):
    practice_factory()
    # A message waits in the reader's cookie, as after an anonymous submission.
    cookie = CookieStorage(rf.get("/"))._encode([Message(messages.SUCCESS, "Thank you: your practice was received")])
    client.cookies[CookieStorage.cookie_name] = cookie
    page = client.get("/")
    assert "Thank you: your practice was received" in page.content.decode()
    assert "X-Page-Cache" not in page and "private" in page["Cache-Control"]
    assert page_entries() == []


def test_an_anonymous_submitters_preview_is_never_stored(client, practice_factory):
    waiting = practice_factory("Language cafés in Porto", status=Practice.Status.SUBMITTED)
    session = client.session
    session[PREVIEWABLE_SESSION_KEY] = [waiting.pk]
    session.save()
    preview = client.get(waiting.get_absolute_url())
    assert preview.status_code == 200 and "X-Page-Cache" not in preview
    assert page_entries() == []
    assert Client().get(waiting.get_absolute_url()).status_code == 404


def test_no_cached_entry_holds_a_csrf_token_even_for_a_reader_with_a_csrf_cookie(client, practice_factory):
    practice = practice_factory()
    client.cookies["csrftoken"] = "a" * 32
    cached_get(client, practice.get_absolute_url())
    entries = page_entries()
    assert entries
    for entry in entries:
        assert b"csrfmiddlewaretoken" not in entry["content"]
        assert not [value for name, value in entry["headers"] if name.lower() == "set-cookie"]


def test_an_unchanged_page_answers_304_and_a_changed_one_does_not(client, practice_factory, maya, committed):
    practice = practice_factory()
    first = client.get(practice.get_absolute_url())
    etag = first["ETag"]
    assert client.get(practice.get_absolute_url(), headers={"If-None-Match": etag}).status_code == 304
    committed(
        lambda: publishing.content_update(obj=practice, data={"title": "Neighbour ambassadors in Dallas"}, by=maya)
    )
    changed = client.get(practice.get_absolute_url(), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Neighbour ambassadors in Dallas" in changed.content.decode()


def test_cached_pages_tell_proxies_to_revalidate_and_to_vary_on_cookie_and_language(client, practice_factory, settings):
    practice_factory()
    settings.PAGE_CACHE_SHARED_SECONDS = 30
    response = client.get("/practices/")
    assert {"public", "max-age=0", "must-revalidate", "s-maxage=30"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    vary = {part.strip() for part in response["Vary"].split(",")}
    assert {"Cookie", "Accept-Language"} <= vary


def test_each_language_has_its_own_entry(client, practice_factory, settings):
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES  # French offered, as once its catalogue is complete
    practice_factory()
    english = cached_get(client, "/practices/")
    french = cached_get(client, "/fr/practices/")
    arabic = cached_get(client, "/ar/practices/")
    assert '<html lang="en"' in english and '<html lang="fr"' in french and '<html lang="ar" dir="rtl"' in arabic
    # The address decides: a header asking for French does not make the English address French.
    reader = Client().get("/practices/", headers={"Accept-Language": "fr"})
    assert reader["X-Page-Cache"] == "hit" and '<html lang="en"' in reader.text


def test_a_first_visit_is_sent_to_its_language_even_when_the_english_page_is_cached(client, practice_factory, settings):
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES
    practice_factory()
    cached_get(client, "/practices/")
    browser = {"Accept": "text/html", "Accept-Language": "ar"}
    first = Client().get("/practices/", headers=browser)
    assert first.status_code == 302 and first["Location"] == "/ar/practices/" and "X-Page-Cache" not in first
    assert "private" in first["Cache-Control"] and "Accept-Language" in first["Vary"]
    chosen = Client()
    chosen.cookies["django_language"] = "es"
    assert chosen.get("/practices/", headers=browser)["Location"] == "/es/practices/"
    assert page_entries() and all(b'<html lang="en"' in entry["content"] for entry in page_entries())


def test_a_translation_makes_the_readers_cached_page_fresh(client, practice_factory, maya, committed, settings):
    from datetime import date

    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES
    practice = practice_factory()
    in_french = url_in_language(practice.get_absolute_url(), "fr")
    assert "Community ambassadors in Dallas" in cached_get(client, in_french)

    def translate(title):
        return publishing.translation_save(
            obj=practice,
            language="fr",
            fields={"title": title},
            translator_name="Camille Roux",
            translated_on=date(2026, 11, 30),
            by=maya,
        )

    translation = committed(lambda: translate("Ambassadeurs de quartier à Dallas"))
    assert "Ambassadeurs de quartier à Dallas" in cached_get(client, in_french)
    committed(lambda: publishing.translation_delete(obj=practice, translation=translation, by=maya))
    assert "Ambassadeurs" not in client.get(in_french).content.decode()


@pytest.mark.parametrize("change", ["reject", "edit", "delete", "translate"])
def test_work_on_something_never_published_empties_no_cache(client, practice_factory, maya, committed, change):
    from datetime import date

    practice_factory()
    waiting = practice_factory("Language cafés in Porto", status=Practice.Status.SUBMITTED)
    cached_get(client, "/practices/")
    actions = {
        "reject": lambda: publishing.content_reject(obj=waiting, by=maya, reason="Not a practice."),
        "edit": lambda: publishing.content_update(obj=waiting, data={"title": "Dialect cafés in Porto"}, by=maya),
        "delete": lambda: publishing.content_delete(obj=waiting, by=maya),
        "translate": lambda: publishing.translation_save(
            obj=waiting,
            language="fr",
            fields={"title": "Cafés linguistiques à Porto"},
            translator_name="Camille Roux",
            translated_on=date(2026, 11, 30),
            by=maya,
        ),
    }
    committed(actions[change])
    assert client.get("/practices/")["X-Page-Cache"] == "hit"


def test_a_bookmark_changes_no_anonymous_page(client, practice_factory, bob, committed):
    from hub.reactions.services import bookmark_add

    practice = practice_factory()
    cached_get(client, practice.get_absolute_url())
    committed(lambda: bookmark_add(obj=practice, user=bob))
    assert client.get(practice.get_absolute_url())["X-Page-Cache"] == "hit"


def test_the_page_cache_can_be_turned_off(client, practice_factory, settings):
    practice_factory()
    settings.PAGE_CACHE_SECONDS = 0
    assert "X-Page-Cache" not in client.get("/practices/")


def test_a_reader_with_any_session_cookie_never_gets_the_cached_page(client, practice_factory, settings):
    practice = practice_factory()
    cached_get(client, practice.get_absolute_url())
    # Not even a session the server does not know (expired, or made up): the page is made for them.
    reader = Client()
    reader.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    response = reader.get(practice.get_absolute_url())
    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_page_that_is_not_cached_is_never_stored_though_the_cache_is_asked_first(client, practice_factory):
    practice_factory()
    for _ in range(2):
        response = client.get("/healthz")
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert page_entries() == []


def test_a_hit_answers_a_conditional_request_with_a_304_without_the_page(client, practice_factory):
    practice = practice_factory()
    cached_get(client, practice.get_absolute_url())
    etag = client.get(practice.get_absolute_url())["ETag"]
    not_modified = client.get(practice.get_absolute_url(), headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    other = client.get(practice.get_absolute_url(), headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other["X-Page-Cache"] == "hit"


def test_the_language_of_the_address_keys_the_entry_on_a_hit(client, practice_factory, settings):
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES
    practice = practice_factory()
    english = practice.get_absolute_url()
    spanish = url_in_language(english, "es")
    cached_get(client, english)
    # The Spanish address is not answered by the English entry: its first request renders it.
    first = client.get(spanish)
    assert first["X-Page-Cache"] == "miss" and '<html lang="es"' in first.text
    assert client.get(spanish)["X-Page-Cache"] == "hit"
    assert '<html lang="en"' in client.get(english).text
