"""Repair text that came through a wrong encoding, and leave right text alone.

Two kinds of damage reach us from old sites:

- UTF-8 read as Windows-1252 ("donâ€™t"): ftfy recognises and undoes it.
- Windows-1252 punctuation read as Mac Roman, the damage in the IBIS listing pages: the bytes of
  ‘ ’ “ ” – — (0x91–0x97) became ë í ì î ñ ó ("ëVoices of Venezuelaí", "donít", "project ñ co-created").
  Those letters are real letters in Spanish, French or Albanian, so no byte-level tool can tell them
  apart. We repair them only in a text that shows unmistakable signs of this damage (a quote opened
  by ë and closed by í, an English contraction with í, a lone ñ between spaces) and then only in
  positions that no real word takes: "aquí", "país", "Maipú", "Noël" and "señor" stay as they are.
"""

import re

import ftfy

from hub.lib.text import strip_control

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
)

_WORD_START = r"(?<![\w’'])"
_CONTRACTION_STEMS = "don|can|won|isn|aren|didn|doesn|wasn|weren|couldn|shouldn|wouldn|haven|hasn|hadn|mustn|needn|ain"
_PRONOUNS = "I|you|we|they|he|she|it|that|there|who|what|let"

# ë opening a quote that í closes on the same line, skipping the í of contractions inside it.
_PAIRED_QUOTE = re.compile(_WORD_START + r"ë(?=[\w#@¡¿])((?:[^ëí\n]|í(?=\w))*?\w)í(?!\w)")
_OPENING_QUOTE = re.compile(_WORD_START + r"ë(?=[\w#@¡¿])")
_CONTRACTION = re.compile(rf"\b((?:{_CONTRACTION_STEMS}))ít\b", re.IGNORECASE)
_PRONOUN_CONTRACTION = re.compile(rf"\b((?:{_PRONOUNS}))í(ll|re|ve|d|m|s)\b", re.IGNORECASE)
# "Arabiaís": a possessive. Real words ending in -ís are short ("país", "anís") or listed.
_POSSESSIVE = re.compile(r"\b([A-Za-z]{3,})ís\b")
# "migrantsí understand", "Communicatorsí Workshops": the apostrophe of a plural possessive.
_PLURAL_POSSESSIVE = re.compile(r"\b([A-Za-z]{3,}s)í(?!\w)")
# "#TuCausaEsMiCausaí": a hashtag (a tag never ends in an accented letter) closed by a quote.
_HASHTAG_QUOTE = re.compile(r"(#\w*?[A-Za-z0-9])í(?!\w)")
_LONE_EN_DASH = re.compile(r"(?<=\s)ñ(?=\s)|(?<=\d)ñ(?=\d)")
_LONE_EM_DASH = re.compile(r"(?<=[A-Za-z,.;:)]) ó (?=[A-Za-z(])")
# "refugees ? that": a dash lost to a question mark; a real question is never followed by lower case.
_LOST_DASH = re.compile(r"(?<=\w) \? (?=[a-z])")
_OPENING_DOUBLE = re.compile(_WORD_START + r"ì(?=[\w#@])")
_CLOSING_DOUBLE = re.compile(r"(?<=[\w.,!?])î(?!\w)")

# Spanish, Portuguese and Catalan words that the rules above could otherwise touch.
_REAL_WORDS = {"parís", "sonreís", "potosí", "frenesí", "luís", "moisés"}

_SIGNS_OF_DAMAGE = (_PAIRED_QUOTE, _CONTRACTION, _PRONOUN_CONTRACTION, re.compile(r"(?<=\s)ñ(?=\s)"))


def looks_damaged(text: str) -> bool:
    """True when the text carries Windows-1252 punctuation read as Mac Roman."""
    return any(sign.search(text) for sign in _SIGNS_OF_DAMAGE)


def _unless_real_word(replacement: str):
    def replace(match: re.Match) -> str:
        if match.group(0).casefold() in _REAL_WORDS:
            return match.group(0)
        return match.expand(replacement)

    return replace


def _repair_mac_roman_punctuation(text: str) -> str:
    text = _PAIRED_QUOTE.sub(r"‘\1’", text)
    text = _CONTRACTION.sub(r"\1’t", text)
    text = _PRONOUN_CONTRACTION.sub(r"\1’\2", text)
    text = _POSSESSIVE.sub(_unless_real_word(r"\1’s"), text)
    text = _PLURAL_POSSESSIVE.sub(_unless_real_word(r"\1’"), text)
    text = _HASHTAG_QUOTE.sub(r"\1’", text)
    text = _OPENING_QUOTE.sub("‘", text)
    text = _LONE_EN_DASH.sub("–", text)
    text = _LONE_EM_DASH.sub(" — ", text)
    text = _OPENING_DOUBLE.sub("“", text)
    text = _CLOSING_DOUBLE.sub("”", text)
    if "–" in text or "—" in text:
        text = _LOST_DASH.sub(" – ", text)
    return text


def repair(text: str, *, damaged: bool | None = None) -> str:
    """The text with its broken characters put right.

    `damaged` says whether the document the text comes from shows the Mac Roman damage (ask
    `looks_damaged` once for a whole file: a title alone rarely shows it); None asks the text itself.
    """
    if not text:
        return text
    text = ftfy.fix_text(strip_control(text), _FTFY)
    if damaged is None:
        damaged = looks_damaged(text)
    if damaged:
        text = _repair_mac_roman_punctuation(text)
    return text
