"""What a person typed, understood the way web search engines do, whatever it contains.

    refugee housing         both words (rarer words weigh more in the ranking)
    "language cafe"         the words side by side, in this order
    -sport                  not this word
    mentoring OR coaching   either word
    co-designed, d'Entrée   words joined by punctuation are a phrase

Everything else (brackets, stars, carets, quotes left open, SQL) is punctuation and ignored,
so no input can break the engine's own query syntax: each engine gets terms it quotes itself.
"""

import re
from dataclasses import dataclass, field

from hub.search.analysis import STEMMERS, stem, stems_in_every_language, words

MAX_QUERY_CHARACTERS = 500
MAX_TERMS = 12
# A quote left open is not a phrase: `"refugee housing` is the two words, as if no quote had been typed.
TOKEN_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')

# Words that say nothing about a practice; dropped from a query that has other words.
# The index keeps them, so that they still count inside a "quoted phrase".
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "how",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "their",
        "to",
        "what",
        "which",
        "with",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "par",
        "pour",
        "qui",
        "sur",
        "un",
        "une",
        "al",
        "con",
        "del",
        "el",
        "en",
        "la",
        "las",
        "lo",
        "los",
        "para",
        "por",
        "que",
        "su",
        "sus",
        "un",
        "una",
        "y",
        # Portuguese
        "ao",
        "aos",
        "com",
        "da",
        "das",
        "do",
        "dos",
        "na",
        "nas",
        "no",
        "nos",
        "os",
        "um",
        "uma",
    ]
)


@dataclass(frozen=True)
class Term:
    """A word or a phrase, normalised."""

    words: tuple[str, ...]
    # The alternatives whose terms are all in the index, once looked up (see within()).
    indexed: tuple[tuple[str, ...], ...] | None = None
    quoted: bool = False  # typed inside quotes: never corrected (spelling.py)

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        """The index terms it may appear as: one stem sequence per language, without repeats."""
        if self.indexed is not None:
            return self.indexed
        if not self.is_phrase:
            return tuple((term,) for term in stems_in_every_language(self.words[0]))
        return tuple(dict.fromkeys(tuple(stem(word, language) for word in self.words) for language in STEMMERS))

    def within(self, vocabulary) -> "Term":
        """The same term, without the alternatives that have a term the index does not hold: the
        engine would look for each of them (a phrase once per language: 'peer <-> mentor' and
        'peer <-> mentoring')."""
        kept = tuple(alt for alt in self.alternatives() if all(t in vocabulary for t in alt))
        return Term(self.words, kept, self.quoted)

    def __str__(self) -> str:
        return f'"{" ".join(self.words)}"' if self.is_phrase or self.quoted else self.words[0]


@dataclass
class ParsedQuery:
    groups: list[list[Term]] = field(default_factory=list)  # all groups must match; any term of a group
    excluded: list[Term] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def has_phrase(self) -> bool:
        return any(term.is_phrase for term in [*self.positive_terms(), *self.excluded])

    def positive_terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]

    def index_terms(self) -> frozenset[str]:
        """Every index term that any alternative of any of its terms has."""
        every = [*self.positive_terms(), *self.excluded]
        return frozenset(t for term in every for alternative in term.alternatives() for t in alternative)

    def within(self, vocabulary) -> "ParsedQuery | None":
        """The query with only the alternatives the index holds (Term.within); None if it can match
        nothing, because a group has no term left."""
        groups = []
        for group in self.groups:
            kept = [found for term in group if (found := term.within(vocabulary)).alternatives()]
            if not kept:
                return None
            groups.append(kept)
        excluded = [found for term in self.excluded if (found := term.within(vocabulary)).alternatives()]
        return ParsedQuery(groups, excluded)

    def replace_words(self, corrections: dict[str, str]) -> "ParsedQuery":
        def fix(term: Term) -> Term:
            return Term(tuple(corrections.get(word, word) for word in term.words), quoted=term.quoted)

        return ParsedQuery([[fix(t) for t in group] for group in self.groups], [fix(t) for t in self.excluded])

    def with_alternatives(self, alternatives: dict[str, str]) -> "ParsedQuery":
        """Each single word in `alternatives` may also be found as its alternative."""
        groups = []
        for group in self.groups:
            extra = [Term((alternatives[t.words[0]],)) for t in group if not t.is_phrase and t.words[0] in alternatives]
            groups.append([*group, *extra])
        return ParsedQuery(groups, list(self.excluded))

    def __str__(self) -> str:
        parts = [" OR ".join(str(term) for term in group) for group in self.groups]
        parts += [f"-{term}" for term in self.excluded]
        return " ".join(parts)


def parse(text: str) -> ParsedQuery:
    text = (text or "")[:MAX_QUERY_CHARACTERS]
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    count = 0
    for match in TOKEN_RE.finditer(text):
        negative, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            join_next = bool(groups)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negative, bare = "-", bare[1:]
        found = words(quoted if quoted is not None else bare)
        if not found or count >= MAX_TERMS:
            continue
        count += 1
        term = Term(tuple(found[:8]), quoted=quoted is not None)
        if negative:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    meaningful = [group for group in groups if not (len(group) == 1 and group[0].words[0] in STOPWORDS)]
    # "for", "de" alone is still a query; among other words they only slow things down.
    if meaningful:
        groups = [group for group in groups if group in meaningful or group[0].is_phrase]
    return ParsedQuery(groups, excluded)


def _fts5_term(t: Term) -> str:
    return "(" + " OR ".join('"' + " ".join(alternative) + '"' for alternative in t.alternatives()) + ")"


def fts5_match(query: ParsedQuery, *, head: bool = False) -> str:
    """An FTS5 MATCH expression; every term is double-quoted, so it is a string, never an operator.

    head: the words that must be there, for the title and summary alone (the excluded words are
    left to the full query: a word left out must not be anywhere)."""
    positive = " AND ".join("(" + " OR ".join(_fts5_term(t) for t in group) + ")" for group in query.groups)
    if head:
        return positive
    return positive + "".join(f" NOT {_fts5_term(t)}" for t in query.excluded)


def _tsquery_term(t: Term) -> str:
    return "(" + " | ".join("(" + " <-> ".join(f"'{w}'" for w in alt) + ")" for alt in t.alternatives()) + ")"


def tsquery(query: ParsedQuery) -> str:
    """A tsquery in PostgreSQL's syntax; terms are [^\\W_]+ words, single-quoted."""
    expression = positive_tsquery(query)
    for t in query.excluded:
        expression += f" & !{_tsquery_term(t)}"
    return expression


def positive_tsquery(query: ParsedQuery) -> str:
    """The tsquery of the words that must be there, without the excluded ones."""
    return " & ".join("(" + " | ".join(_tsquery_term(t) for t in group) + ")" for group in query.groups)
