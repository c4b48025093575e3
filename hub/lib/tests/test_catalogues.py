"""The language selector offers the languages whose catalogue is complete, and English always; no
string of the code is missing from a catalogue."""

from pathlib import Path

import pytest
from django.conf import settings

from hub.lib.catalogues import catalogue_is_complete, complete_languages, extract_messages, msgids

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
COMPLETE = HEADER + (
    'msgid "Search"\nmsgstr "Rechercher"\n\n'
    '#, python-format\nmsgid "Sign out (%(name)s)"\nmsgstr "Se déconnecter (%(name)s)"\n\n'
    'msgid "%(counter)s practice"\nmsgid_plural "%(counter)s practices"\n'
    'msgstr[0] "%(counter)s pratique"\nmsgstr[1] "%(counter)s pratiques"\n'
)
LANGUAGES = [("en", "English"), ("fr", "French"), ("es", "Spanish"), ("ar", "Arabic")]


def catalogue(tmp_path, code, text):
    folder = tmp_path / code / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(text, encoding="utf-8")
    return folder / "django.po"


def test_a_catalogue_with_every_message_translated_is_complete(tmp_path):
    assert catalogue_is_complete(catalogue(tmp_path, "fr", COMPLETE))


def test_an_untranslated_message_a_fuzzy_one_or_a_missing_plural_makes_it_incomplete(tmp_path):
    untranslated = COMPLETE + '\nmsgid "Map"\nmsgstr ""\n'
    fuzzy = COMPLETE + '\n#, fuzzy\nmsgid "Map"\nmsgstr "Carte"\n'
    plural = COMPLETE.replace('msgstr[1] "%(counter)s pratiques"', 'msgstr[1] ""')

    assert not catalogue_is_complete(catalogue(tmp_path, "fr", untranslated))
    assert not catalogue_is_complete(catalogue(tmp_path, "es", fuzzy))
    assert not catalogue_is_complete(catalogue(tmp_path, "ar", plural))
    assert not catalogue_is_complete(catalogue(tmp_path, "de", HEADER))
    assert not catalogue_is_complete(tmp_path / "it" / "LC_MESSAGES" / "django.po")


def test_only_english_and_the_complete_catalogues_are_offered(tmp_path):
    catalogue(tmp_path, "fr", COMPLETE)
    catalogue(tmp_path, "es", COMPLETE + '\nmsgid "Map"\nmsgstr ""\n')

    assert complete_languages(LANGUAGES, [tmp_path]) == [("en", "English"), ("fr", "French")]
    assert complete_languages(LANGUAGES, [tmp_path / "nowhere"]) == [("en", "English")]


def test_the_site_offers_english_french_spanish_and_arabic(settings):
    """Each language is offered because its catalogue is complete; English always."""
    offered = [code for code, _ in settings.LANGUAGES]
    complete = [code for code, _ in settings.TRANSLATED_LANGUAGES if catalogue_is_complete(repository_catalogue(code))]
    assert offered == ["en", *complete]
    assert offered == ["en", "fr", "es", "ar"]


# The catalogues of the repository (locale/<lang>/LC_MESSAGES/django.po), checked as CI checks them.


@pytest.fixture(scope="module")
def messages_of_the_code():
    """The msgids makemessages extracts from the code today (in a temporary copy: locale/ is untouched)."""
    return msgids(extract_messages(settings.BASE_DIR))


def repository_catalogue(code):
    return Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"


TRANSLATIONS = [code for code, _ in settings.TRANSLATED_LANGUAGES if code != settings.LANGUAGE_CODE]


def test_the_extraction_finds_the_messages_of_templates_and_code_with_their_plurals_and_contexts(
    messages_of_the_code,
):
    assert len(messages_of_the_code) > 1000
    assert (None, "Skip to content") in messages_of_the_code  # base.html
    assert (None, "Choose one of the languages offered.") in messages_of_the_code  # hub/serving/views.py
    assert (None, "Give at most %(n)s target.") in messages_of_the_code  # an ngettext's singular


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_makemessages_leaves_no_string_out_of_a_catalogue(code, messages_of_the_code):
    """A string marked in the code but absent from a catalogue is English on that language's pages:
    `make messages` brings it in (untranslated, so the language leaves the selector until it is done)."""
    path = repository_catalogue(code)
    if not path.exists():
        pytest.skip(f"no catalogue for {code} yet (locale/{code}/LC_MESSAGES/django.po)")
    missing = messages_of_the_code - msgids(path.read_text(encoding="utf-8"))
    assert not missing, (
        f"{len(missing)} strings are not in {path} (run `make messages`): {sorted(missing, key=str)[:20]}"
    )


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_catalogue_is_compiled_and_up_to_date(code):
    """Django reads the .mo files `make install` (and `make messages`) compile, not the .po."""
    path = repository_catalogue(code)
    if not path.exists():
        pytest.skip(f"no catalogue for {code} yet")
    compiled = path.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_mtime >= path.stat().st_mtime, f"run `make install`: {compiled}"


def test_every_language_offered_has_a_complete_catalogue(settings):
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            assert catalogue_is_complete(repository_catalogue(code)), code
