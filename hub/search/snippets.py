"""Snippets of text around the words that matched, with those words marked.

Everything but our own <mark> tags is escaped, so a title, a query or a practice's text can
never inject markup into the results page.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hub.search.analysis import WORD_RE, normalize, stem, stems_in_every_language
from hub.search.documents import plain_text
from hub.search.query import ParsedQuery

SNIPPET_WORDS = 36


def query_terms(parsed: ParsedQuery) -> frozenset[str]:
    return frozenset(
        t for term in parsed.positive_terms() for word in term.words for t in stems_in_every_language(word)
    )


def _matches(text: str, language: str, terms: frozenset[str]) -> list[tuple[int, int, bool]]:
    """(start, end, matched) of each word of the text."""
    spans = []
    for m in WORD_RE.finditer(text):
        word = normalize(m.group())
        spans.append((m.start(), m.end(), word in terms or stem(word, language) in terms))
    return spans


def _render(text: str, spans: list[tuple[int, int, bool]], start: int, end: int) -> str:
    out, cursor = [], start
    for word_start, word_end, matched in spans:
        if word_start < start or word_end > end or not matched:
            continue
        out.append(escape(text[cursor:word_start]))
        out.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        cursor = word_end
    out.append(escape(text[cursor:end]))
    return "".join(out)


def highlight(text: str, language: str, terms: frozenset[str]) -> SafeString:
    return mark_safe(_render(text, _matches(text, language, terms), 0, len(text)))  # noqa: S308 - escaped above


def _best_window(spans: list[tuple[int, int, bool]]) -> tuple[int, int]:
    """(hits, first word) of the window of SNIPPET_WORDS words that holds the most hits."""
    hits = [i for i, span in enumerate(spans) if span[2]]
    if not hits:
        return 0, 0
    return max((sum(1 for h in hits if i <= h < i + SNIPPET_WORDS), i) for i in {max(0, h - 6) for h in hits})


def snippet(practice, terms: frozenset[str]) -> SafeString:
    """The passage of the summary or the long fields with the most matching words."""
    # The fields are compared by how often the terms occur in them, as parts of words (a stem starts
    # most forms of its word); only the field chosen is cut into words and, if Markdown, rendered:
    # doing that to all eight fields of twenty practices took longer than the search.
    best_hits, best_name = -1, None
    for name in ["summary", *practice.LONG_FIELDS]:
        if text := getattr(practice, name):
            folded = normalize(text)
            hits = sum(folded.count(term) for term in terms)
            if hits > best_hits:
                best_hits, best_name = hits, name
    if best_name is None:
        return mark_safe("")
    text = getattr(practice, best_name)
    if best_name != "summary":
        text = plain_text(text)
    language = (getattr(practice, "text_languages", None) or {}).get(best_name) or practice.language
    practice.snippet_language = language  # its lang attribute: a translation's, or the original's
    spans = _matches(text, language, terms)
    _, first = _best_window(spans)
    last = min(len(spans), first + SNIPPET_WORDS)
    start = spans[first][0] if spans else 0
    end = spans[last - 1][1] if spans else len(text)
    html = _render(text, spans, start, end)
    prefix = "… " if first > 0 else ""
    suffix = " …" if end < len(text.rstrip()) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 - _render escapes everything it copies
