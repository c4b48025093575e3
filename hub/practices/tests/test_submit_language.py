"""The language a practice is written in: guessed on sending, for the submitter to confirm or change."""

import pytest

from hub.lib.language_guess import guess_language, load
from hub.practices.models import Practice
from hub.practices.tests.test_submit import valid_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_model_loaded():
    """The site loads it in the background when the form is first shown; these forms are sent at once."""
    load()


IN_SPANISH = {
    "title": "Clases de árabe marroquí en Terrassa",
    "summary": "Las familias marroquíes y sus vecinos aprenden juntos el dariya y el catalán en la biblioteca.",
    "background": "El ayuntamiento quería que las madres y los niños se encontraran fuera de la escuela.",
}


def test_the_guess_is_one_of_the_sites_languages_or_none_when_the_text_is_too_short():
    assert guess_language(IN_SPANISH["summary"]) == "es"
    assert guess_language("Des habitants immigrés expliquent les services municipaux à leurs voisins.") == "fr"
    assert guess_language("يشرح السكان المهاجرون الخدمات البلدية لجيرانهم في الحي.") == "ar"
    assert guess_language("Dallas") is None


def test_a_form_sent_before_the_model_is_loaded_goes_without_a_guess(monkeypatch):
    from hub.lib import language_guess as languages

    monkeypatch.setattr(languages, "_ready", type(languages._ready)())  # as in a process that has not loaded it
    monkeypatch.setattr(languages, "_loader", object())  # its loading started elsewhere and is not over

    assert guess_language(IN_SPANISH["summary"], wait=0.01) is None


def test_a_practice_in_spanish_sent_as_english_comes_back_with_spanish_chosen_and_nothing_saved(client):
    response = client.post("/practices/submit/", valid_form(language="en", **IN_SPANISH))

    assert response.status_code == 200
    assert not Practice.objects.exists()
    page = response.content.decode()
    assert 'id="language-check"' in page
    assert '<option value="es" selected>' in page
    assert '<input type="hidden" name="language_checked" value="1">' in page
    assert "Clases de árabe marroquí en Terrassa" in page  # what was typed is kept


def test_the_submitter_confirms_the_guess_or_keeps_their_own_choice(client):
    confirmed = client.post("/practices/submit/", valid_form(language="es", language_checked="1", **IN_SPANISH))
    assert confirmed.status_code == 302
    assert Practice.objects.get().language == "es"

    Practice.objects.all().delete()
    kept = client.post(
        "/practices/submit/",
        valid_form(language="en", language_checked="1", submission_token="x" * 43, **IN_SPANISH),
    )
    assert kept.status_code == 302
    assert Practice.objects.get().language == "en"


def test_a_practice_in_the_chosen_language_is_saved_at_once(client):
    response = client.post("/practices/submit/", valid_form(language="es", **IN_SPANISH))

    assert response.status_code == 302
    assert Practice.objects.get().language == "es"


def test_the_form_starts_in_the_language_the_site_is_read_in(client, settings):
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES

    page = client.get("/fr/practices/submit/").content.decode()

    assert '<option value="fr" selected>' in page
