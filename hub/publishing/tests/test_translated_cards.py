"""Lists in the reader's language: a card, a search result or a feed item shows the translation into
the reader's language where a person made one (and it is ready), its text marked with its language and
the card saying what language it was translated from; one query per page, whatever its length."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.practices.tests.fixtures import read_in
from hub.publishing import services
from hub.publishing.translations import read_cards

pytestmark = pytest.mark.django_db

FRENCH_TITLE = "Ambassadeurs communautaires à Dallas"
FRENCH_SUMMARY = "Des habitants immigrés expliquent les services municipaux à leurs voisins."


def translate(obj, language="fr", fields=None, *, published=True):
    return services.translation_save(
        obj=obj,
        language=language,
        fields=fields or {"title": FRENCH_TITLE, "summary": FRENCH_SUMMARY},
        translator_name="Camille Roux",
        translated_on=date(2026, 11, 30),
        published=published,
        by=None,
    )


def test_the_practice_list_shows_the_french_title_to_french_readers_and_the_english_one_to_others(
    client, every_language, practice_factory
):
    practice = practice_factory()
    translate(practice)

    french = read_in(client, "fr").get("/practices/").content.decode()
    english = client.get("/practices/").content.decode()
    spanish = read_in(client, "es").get("/practices/").content.decode()

    assert f'<h3 class="card-title" lang="fr"><a href="/fr/practices/{practice.slug}/">{FRENCH_TITLE}</a>' in french
    assert f'<p class="card-summary" lang="fr">{FRENCH_SUMMARY}' in french
    assert '<span class="translated-from">' in french and "anglais" in french.split('class="translated-from">')[1][:80]
    for page in (english, spanish):
        assert '<h3 class="card-title" lang="en"><a href="' in page and "Community ambassadors in Dallas</a>" in page
        assert FRENCH_TITLE not in page and "translated-from" not in page


def test_search_results_show_the_translation_and_find_it_by_its_words(
    client, every_language, practice_factory, django_capture_on_commit_callbacks
):
    practice = practice_factory()
    with django_capture_on_commit_callbacks(execute=True):
        translate(practice)

    french = read_in(client, "fr").get("/search/", {"q": "ambassadeurs"})
    english = client.get("/search/", {"q": "ambassadors"})

    assert [p.pk for p in french.context["page"]] == [practice.pk]
    page = french.content.decode()
    assert '<h3 class="card-title" lang="fr">' in page
    assert "<mark>Ambassadeurs</mark> communautaires à Dallas" in page
    assert 'class="card-summary snippet" lang="fr">Des habitants immigrés' in page
    assert "Community ambassadors" not in page
    assert "<mark>ambassadors</mark> in Dallas" in english.content.decode()
    assert FRENCH_TITLE not in english.content.decode()


def test_a_draft_translation_or_an_unpublished_original_stays_out_of_lists(client, every_language, practice_factory):
    practice = practice_factory()
    translate(practice, published=False)

    assert FRENCH_TITLE not in read_in(client, "fr").get("/practices/").content.decode()
    assert read_cards([practice], "fr")[0].title == "Community ambassadors in Dallas"


def test_topic_place_and_home_pages_and_the_feed_show_the_translation(client, every_language, practice_factory):
    practice = practice_factory()
    translate(practice)
    topic = practice.topics.first()
    place = practice.places.first()

    pages = ["/", "/feeds/practices/"]
    if topic is not None:
        pages.append(topic.get_absolute_url())
    if place is not None:
        pages.append(place.get_absolute_url())
    for path in pages:
        french = read_in(client, "fr").get(path)
        assert french.status_code == 200, path
        assert FRENCH_TITLE in french.content.decode(), path
        assert FRENCH_TITLE not in client.get(path).content.decode(), path


def test_pledges_resources_and_events_lists_show_their_translations(client, every_language):
    from hub.events.tests.factories import make_event
    from hub.pledges.tests.conftest import make_pledge
    from hub.resources.tests.factories import make_resource

    pledge, resource, event = make_pledge(), make_resource(), make_event()
    translate(pledge, "es", {"title": "Compromiso de prueba en español", "commitment": "Nos comprometemos."})
    translate(resource, "es", {"title": "Guía contra los rumores"})
    translate(event, "es", {"title": "Encuentro internacional sobre la migración"})

    for path, title in (
        ("/pledges/", "Compromiso de prueba en español"),
        ("/resources/", "Guía contra los rumores"),
        ("/events/", "Encuentro internacional sobre la migración"),
    ):
        spanish = read_in(client, "es").get(path).content.decode()
        assert f'lang="es"><a href="/es{path}' in spanish and title in spanish, path
        assert "Traducido del inglés" in spanish or "traducido del inglés" in spanish, path
        assert title not in client.get(path).content.decode(), path


def test_a_page_of_cards_costs_one_query_however_many_are_translated(every_language, practice_factory):
    practices = [practice_factory(title=f"Practice number {i}") for i in range(6)]
    for practice in practices[:4]:
        translate(practice, fields={"title": f"Pratique {practice.pk}"})

    with CaptureQueriesContext(connection) as one_page:
        shown = read_cards(practices, "fr")
    with CaptureQueriesContext(connection) as same_language:
        read_cards(practices, "en")

    assert len(one_page) == 1
    assert len(same_language) == 0  # every card is in the reader's language: nothing to look for
    assert [p.title for p in shown[:4]] == [f"Pratique {p.pk}" for p in practices[:4]]
    assert shown[4].title == "Practice number 4" and not hasattr(shown[4], "translated_from")
