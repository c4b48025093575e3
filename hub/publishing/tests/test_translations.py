"""Content in several languages: a person's translation shown to readers of its language with a link
to the original, kept out of sight (pages and search) while the object is not published, added and
edited by moderators with history and restore, and searched with the object."""

from datetime import date

import pytest

from hub.pledges.models import Pledge
from hub.practices.models import Practice
from hub.practices.tests.fixtures import read_in
from hub.publishing import services
from hub.publishing.models import ContentTranslation

pytestmark = pytest.mark.django_db

FRENCH = {
    "title": "Ambassadeurs communautaires à Dallas",
    "summary": "Des habitants immigrés expliquent les services municipaux à leurs voisins.",
    "background": "Issu du plan stratégique d’accueil de la ville.",
}


def translate(obj, language="fr", fields=None, *, by=None, published=True):
    return services.translation_save(
        obj=obj,
        language=language,
        fields=fields or FRENCH,
        translator_name="Camille Roux",
        translated_on=date(2026, 11, 30),
        published=published,
        by=by,
    )


def test_a_french_reader_sees_the_translation_with_who_made_it_and_the_way_to_the_original(
    client, every_language, practice_factory
):
    practice = practice_factory()
    translate(practice)

    page = read_in(client, "fr").get(practice.get_absolute_url()).content.decode()

    assert '<h1 lang="fr">Ambassadeurs communautaires à Dallas</h1>' in page
    assert 'lang="fr">Des habitants immigrés expliquent' in page
    assert '<div lang="fr"><p>Issu du plan stratégique' in page
    note = _note(page)
    # In French: the language's name and the date are Django's own French (the sentence around them
    # is the interface catalogue's).
    assert "anglais" in note and "<bdi>Camille Roux</bdi>" in note and "30 novembre 2026" in note
    assert f'href="{practice.get_absolute_url()}?original=1" hreflang="en"' in page
    assert "Community ambassadors in Dallas</h1>" not in page
    assert '"inLanguage": "fr"' in page  # the structured data says what language its text is in


def test_the_original_is_one_click_away_and_an_english_reader_sees_it(client, every_language, practice_factory):
    practice = practice_factory()
    translate(practice)

    original = read_in(client, "fr").get(f"{practice.get_absolute_url()}?original=1").content.decode()
    english = read_in(client, "en").get(practice.get_absolute_url()).content.decode()
    spanish = read_in(client, "es").get(practice.get_absolute_url()).content.decode()

    assert '<h1 lang="en">Community ambassadors in Dallas</h1>' in original
    assert 'class="translation-note"' in original and 'hreflang="fr"' in original  # the way to the translation
    for page in (english, spanish):
        assert '<h1 lang="en">Community ambassadors in Dallas</h1>' in page
        assert "Ambassadeurs communautaires" not in page
        assert "translation-note" not in page


def test_a_field_left_untranslated_keeps_the_original_text_and_language(client, every_language, practice_factory):
    practice = practice_factory(background="Rooted in the Welcoming Strategic Plan.")
    translate(practice, fields={"title": "Ambassadeurs communautaires à Dallas"})

    page = read_in(client, "fr").get(practice.get_absolute_url()).content.decode()

    assert '<h1 lang="fr">Ambassadeurs' in page
    assert '<div lang="en"><p>Rooted in the Welcoming Strategic Plan.' in page


def test_a_translation_not_marked_ready_is_not_shown(client, every_language, practice_factory):
    practice = practice_factory()
    translate(practice, published=False)

    page = read_in(client, "fr").get(practice.get_absolute_url()).content.decode()

    assert "Ambassadeurs communautaires" not in page


def test_search_finds_a_practice_by_the_words_of_its_translation(
    client, practice_factory, django_capture_on_commit_callbacks
):
    practice = practice_factory()
    assert _found(client, "voisins") == []
    assert _found(client, "ambassadeurs") == []

    # Once committed, the translation changes the listing version: every process forgets its matches.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        translate(practice)
    assert callbacks

    assert _found(client, "voisins") == [practice.pk]
    assert _found(client, "ambassadeurs municipaux") == [practice.pk]


def test_an_unpublished_objects_translation_is_never_shown_or_found(
    client, every_language, practice_factory, alice, django_capture_on_commit_callbacks
):
    practice = practice_factory(status=Practice.Status.SUBMITTED, submitted_by=alice)
    translate(practice)
    client.force_login(alice)

    page = read_in(client, "fr").get(practice.get_absolute_url())

    assert page.status_code == 200  # its submitter sees it, in the original only
    assert "Ambassadeurs communautaires" not in page.content.decode()
    assert _found(client, "ambassadeurs") == []

    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=practice, by=None)
    assert _found(client, "ambassadeurs") == [practice.pk]
    with django_capture_on_commit_callbacks(execute=True):
        services.content_archive(obj=practice, by=None)
    assert _found(client, "ambassadeurs") == []
    assert "Ambassadeurs" not in read_in(client, "fr").get(practice.get_absolute_url()).content.decode()


def _note(page: str) -> str:
    start = page.index('<p class="translation-note"')
    return page[start : page.index("</p>", start)]


def _found(client, words) -> list[int]:
    """The practices found by these very words (not by a spelling correction, nor by fewer words)."""
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    search = response.context["search"]
    if search.corrected or search.relaxed:
        return []
    return [practice.pk for practice in response.context["page"]]


def test_a_moderator_adds_a_translation_from_the_review_page_and_history_records_it(client, maya, practice_factory):
    practice = practice_factory()
    client.force_login(maya)

    review = client.get(f"/moderation/practices/{practice.pk}/").content.decode()
    assert f'href="/moderation/practices/{practice.pk}/translations/fr/"' in review
    form = client.get(f"/moderation/practices/{practice.pk}/translations/fr/")
    assert form.status_code == 200
    assert form.context["form"].initial["translator_name"] == "Maya Okafor"

    response = client.post(
        f"/moderation/practices/{practice.pk}/translations/fr/",
        {"translator_name": "Camille Roux", "translated_on": "2026-11-30", "published": "on", **FRENCH},
    )

    assert response.status_code == 302
    translation = ContentTranslation.objects.get(kind="practice", object_id=practice.pk, language="fr")
    assert translation.fields == FRENCH
    record = translation.history.get()
    assert (record.history_user, record.history_change_reason) == (maya, "Translation added")
    assert "Camille Roux" in client.get(f"/moderation/practices/{practice.pk}/").content.decode()


def test_a_moderator_restores_an_earlier_version_of_a_translation(
    client, maya, practice_factory, django_capture_on_commit_callbacks
):
    practice = practice_factory()
    first = translate(practice, by=maya)
    translate(practice, fields={**FRENCH, "title": "Une erreur de traduction"}, by=maya)
    earliest = first.history.order_by("history_date").first()
    client.force_login(maya)

    page = client.get(f"/moderation/practices/{practice.pk}/translations/fr/").content.decode()
    assert "Restore this version" in page
    assert _found(client, "erreur") == [practice.pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/moderation/practices/{practice.pk}/translations/fr/restore/{earliest.history_id}/")

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.fields["title"] == "Ambassadeurs communautaires à Dallas"
    assert first.history.count() == 3
    assert _found(client, "erreur") == []
    assert _found(client, "ambassadeurs") == [practice.pk]


def test_bad_translation_input_is_refused_with_nothing_changed(client, maya, bob, practice_factory):
    practice = practice_factory()
    client.force_login(maya)

    empty = client.post(
        f"/moderation/practices/{practice.pk}/translations/fr/",
        {"translator_name": "Camille Roux", "translated_on": "2026-11-30", "title": "", "summary": ""},
    )
    unknown_member = client.post(
        f"/moderation/practices/{practice.pk}/translations/es/",
        {"translator_name": "Ana", "translator_username": "nobody", "translated_on": "2026-11-30", "title": "Hola"},
    )
    into_its_own_language = client.get(f"/moderation/practices/{practice.pk}/translations/en/")
    unknown_language = client.get(f"/moderation/practices/{practice.pk}/translations/de/")
    client.force_login(bob)
    not_a_moderator = client.post(
        f"/moderation/practices/{practice.pk}/translations/fr/",
        {"translator_name": "Bob", "translated_on": "2026-11-30", "title": "Pirate"},
    )

    assert empty.status_code == 400 and "Translate at least one field." in empty.content.decode()
    assert unknown_member.status_code == 400 and "No member has this user name." in unknown_member.content.decode()
    assert "Hola</textarea>" in unknown_member.content.decode()  # what was typed is kept
    assert into_its_own_language.status_code == 404
    assert unknown_language.status_code == 404
    assert not_a_moderator.status_code == 403
    assert not ContentTranslation.objects.exists()


def test_a_pledge_is_translated_by_the_same_mechanism(client, every_language, maya):
    from hub.pledges.tests.conftest import make_pledge

    pledge = make_pledge()
    translate(pledge, "es", {"title": "Compromiso de prueba en español", "commitment": "Nos comprometemos."})

    page = read_in(client, "es").get(pledge.get_absolute_url()).content.decode()

    assert "Compromiso de prueba en español" in page
    assert "<bdi>Camille Roux</bdi>" in _note(page) and "inglés" in _note(page)
    stored = Pledge.objects.filter(pk=pledge.pk).values_list("title", flat=True).get()
    assert stored == "PA'LANTE for migrant and refugee families"  # shown translated, never saved so


@pytest.mark.parametrize(
    ("make", "fields", "url_name"),
    [
        ("hub.events.tests.factories.make_event", {"title": "Rencontre internationale sur la migration"}, "events"),
        ("hub.resources.tests.factories.make_resource", {"title": "Vademecum contre les rumeurs"}, "resources"),
    ],
)
def test_events_and_resources_are_translated_by_the_same_mechanism(
    client, every_language, maya, make, fields, url_name, django_capture_on_commit_callbacks
):
    from django.utils.module_loading import import_string

    obj = import_string(make)()
    client.force_login(maya)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/moderation/{url_name}/{obj.pk}/translations/fr/",
            {"translator_name": "Camille Roux", "translated_on": "2026-11-30", "published": "on", **fields},
        )
    assert response.status_code == 302
    client.logout()

    page = read_in(client, "fr").get(obj.get_absolute_url()).content.decode()
    word = fields["title"].split()[0]  # in the translation only
    found = client.get("/search/", {"q": word, "kind": url_name})

    assert f'<h1 lang="fr">{fields["title"]}</h1>' in page
    assert "<bdi>Camille Roux</bdi>" in _note(page)
    assert found.status_code == 200
    assert [result.pk for result in found.context["page"]] == [obj.pk]
    assert not getattr(found.context["search"], "corrected", False)
