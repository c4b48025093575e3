"""The language selector offers the languages whose catalogue is complete, and English always."""

from hub.lib.catalogues import catalogue_is_complete, complete_languages

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


def test_today_the_site_offers_english_alone(settings):
    assert [code for code, _ in settings.LANGUAGES] == ["en"]
