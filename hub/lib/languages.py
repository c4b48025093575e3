"""Addresses in a language: English pages keep their addresses (/practices/…), the other languages
offered carry their prefix (/fr/practices/…), as hub/urls.py's i18n_patterns say."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def language_of_path(path: str) -> str:
    """The language a page's address is in: its prefix's, English without one."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def url_in_language(url: str, language: str) -> str:
    """The same page (path, or absolute address) in `language`; an address that names no page of ours
    comes back as it was. Django's translate_url resolves the path in the active language, so the
    address is read in its own language first."""
    with translation.override(language_of_path(urlsplit(url).path)):
        return translate_url(url, language)
