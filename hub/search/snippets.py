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
    return [
        (m.start(), m.end(), stem(normalize(m.group()), language) in terms or normalize(m.group()) in terms)
        for m in WORD_RE.finditer(text)
    ]


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


def snippet(practice, terms: frozenset[str]) -> SafeString:
    """The passage of the summary or the long fields with the most matching words."""
    best = None
    for text in [practice.summary, *(plain_text(getattr(practice, n)) for n in practice.LONG_FIELDS)]:
        if not text:
            continue
        spans = _matches(text, practice.language, terms)
        hits = [i for i, span in enumerate(spans) if span[2]]
        if not hits:
            if best is None:
                best = (0, text, spans, 0)
            continue
        # the window of SNIPPET_WORDS words holding the most hits
        window_hits, first = max(
            (sum(1 for h in hits if i <= h < i + SNIPPET_WORDS), i) for i in {max(0, h - 6) for h in hits}
        )
        if best is None or window_hits > best[0]:
            best = (window_hits, text, spans, first)
    if best is None:
        return mark_safe("")
    _, text, spans, first = best
    last = min(len(spans), first + SNIPPET_WORDS)
    start = spans[first][0] if spans else 0
    end = spans[last - 1][1] if spans else len(text)
    html = _render(text, spans, start, end)
    prefix = "… " if first > 0 else ""
    suffix = " …" if end < len(text.rstrip()) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 - _render escapes everything it copies
