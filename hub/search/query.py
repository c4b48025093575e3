"""What a person typed, understood the way web search engines do, whatever it contains.

    refugee housing         both words (rarer words weigh more in the ranking)
    "language cafe"         the words side by side, in this order
    -sport                  not this word
    mentoring OR coaching   either word
    co-designed, d'Entrée   words joined by punctuation are a phrase, or one word (codesigned);
                            a compound that no practice has either way is looked for as its words

Everything else (brackets, stars, carets, quotes left open, SQL) is punctuation and ignored,
so no input can break the engine's own query syntax: each engine gets terms it quotes itself.
"""

import re
from dataclasses import dataclass, field

from hub.search.analysis import STEMMERS, normalize, stem, stems_in_every_language, words

MAX_QUERY_CHARACTERS = 500
MAX_TERMS = 12
# A quote left open is not a phrase: `"refugee housing` is the two words, as if no quote had been typed.
TOKEN_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')

# Words that say nothing about a practice; dropped from a query that has other words (a query of
# common words alone is still searched). The index keeps them, so that they still count inside a
# "quoted phrase". Function words of English, French, Spanish, Portuguese and Arabic, as folded
# (accents and Arabic vowel signs off: `où` is `ou`, `إلى` is `الى`). Left in: negations and privatives
# (not, sans, sin, sem, without, contre), which can be what a query is about, and words of one language
# that are content words of another (`son`, `sin`, `era`, `pas`).
_FUNCTION_WORDS = {
    "en": "a about after all also am among an and any are as at be because been before being between both but by "
    "can could did do does during each for from had has have he her here his how i if in into is it its me more "
    "most my of on only or other our out over own same she should so some such than that the their them then "
    "there these they this those through to too up very via was we were what when where which while who whom "
    "whose why will with within would you your",
    "fr": "à au aux avec ce ces cet cette comme dans de des du elle elles en entre est et été être il ils je la le "
    "les leur leurs lui mais même mes moi mon ne nos notre nous on ou où par pour qu que quel quelle quels "
    "quelles qui sa se ses sont sur ta te tes ton tu un une vos votre vous y",
    "es": "al ante como con cual cuando de del desde donde e el ella ellas ellos en entre es esa ese esta este "
    "esto estos estas fue ha han hay la las le les lo los más me mi muy o para pero por que se ser si sobre su "
    "sus también te tiene todo todos tu u un una unas uno unos y ya yo",
    "pt": "à ao aos as até com como da das de do dos e é ela elas ele eles em entre essa esse esta este isso isto "
    "já mais mas muito na nas no nos num numa o os ou para pela pelas pelo pelos por quando que se seu seus sua "
    "suas ser são sobre tem ter um uma umas uns",
    "ar": "في من على إلى عن مع هذا هذه ذلك تلك التي الذي الذين أو أن إن كان كانت بين قد ما هو هي ثم",
}
STOPWORDS = frozenset(normalize(word) for text in _FUNCTION_WORDS.values() for word in text.split())


@dataclass(frozen=True)
class Term:
    """A word or a phrase, normalised."""

    words: tuple[str, ...]
    # The alternatives whose terms are all in the index, once looked up (see within()).
    indexed: tuple[tuple[str, ...], ...] | None = None
    quoted: bool = False  # typed inside quotes: never corrected (spelling.py)
    # Typed as one word with punctuation inside (anti-rumour, myth-busting): also found written as one
    # word (antirumour), and looked for as its words when no practice has it (results.py).
    joined: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        """The index terms it may appear as: one stem sequence per language, without repeats."""
        if self.indexed is not None:
            return self.indexed
        if not self.is_phrase:
            return tuple((term,) for term in stems_in_every_language(self.words[0]))
        phrases = (tuple(stem(word, language) for word in self.words) for language in STEMMERS)
        one_word = ((term,) for term in stems_in_every_language("".join(self.words))) if self.joined else ()
        return tuple(dict.fromkeys([*phrases, *one_word]))

    def within(self, vocabulary) -> "Term":
        """The same term, without the alternatives that have a term the index does not hold: the
        engine would look for each of them (a phrase once per language: 'peer <-> mentor' and
        'peer <-> mentoring')."""
        kept = tuple(alt for alt in self.alternatives() if all(t in vocabulary for t in alt))
        return Term(self.words, kept, self.quoted, self.joined)

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
            words = tuple(corrections.get(word, word) for word in term.words)
            return Term(words, quoted=term.quoted, joined=term.joined)

        return ParsedQuery([[fix(t) for t in group] for group in self.groups], [fix(t) for t in self.excluded])

    def with_alternatives(self, alternatives: dict[str, str]) -> "ParsedQuery":
        """Each single word in `alternatives` may also be found as its alternative."""
        groups = []
        for group in self.groups:
            extra = [Term((alternatives[t.words[0]],)) for t in group if not t.is_phrase and t.words[0] in alternatives]
            groups.append([*group, *extra])
        return ParsedQuery(groups, list(self.excluded))

    def with_parts(self, compounds: list[Term]) -> "ParsedQuery":
        """Each of these compounds (Term.joined, alone in its group) replaced by its words, each a group
        of its own, without common words and single letters: `myth-busting` as `myth busting`."""
        groups = []
        for group in self.groups:
            if len(group) == 1 and group[0] in compounds:
                parts = [w for w in group[0].words if len(w) > 1 and w not in STOPWORDS] or list(group[0].words)
                groups += [[Term((word,))] for word in dict.fromkeys(parts)]
            else:
                groups.append(group)
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
        term = Term(tuple(found[:8]), quoted=quoted is not None, joined=quoted is None and len(found) > 1)
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
