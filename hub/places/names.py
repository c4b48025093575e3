"""Place names in the reader's language, where an offline source has them.

Countries come from django-countries. Provinces, regions and states found in the gazetteer carry their
ISO 3166-2 code (`gazetteer_key` "sub:US-CA"); pycountry ships the iso-codes project's translations of
those names (gettext domain iso3166-2): about a fifth of them in French, a few in Spanish, none in
Arabic. A name with no translation keeps the gazetteer's. Towns keep the one name they have: no
offline source we have tags a town's other names by language (docs/translating-content.md)."""

import functools
import gettext
import os

import pycountry
from django.conf import settings
from django.utils.translation import get_language

SUBDIVISION_PREFIX = "sub:"
LOCALES = os.path.join(os.path.dirname(pycountry.__file__), "locales")


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-2", LOCALES, languages=[language], fallback=True)


@functools.cache
def _subdivision_name(code: str, language: str) -> str | None:
    subdivision = pycountry.subdivisions.get(code=code)
    if subdivision is None:
        return None
    translated = _catalogue(language).gettext(subdivision.name)
    return translated if translated != subdivision.name else None


def place_name(name: str, gazetteer_key: str, language: str | None = None) -> str:
    """The name of a place as readers of `language` (the active one) write it, where known."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language == "en" or not gazetteer_key.startswith(SUBDIVISION_PREFIX):
        return name
    return _subdivision_name(gazetteer_key.removeprefix(SUBDIVISION_PREFIX), language) or name
