"""What of an object goes into the index, and with what weight.

Four fields, in decreasing weight: the title; the summary; the rest of the text (the body); what
places it (the context: organisations, places). Each kind's text builder (kinds.SearchKind.texts)
says what of its objects goes in each; a practice's is in hub/practices/search.py.
"""

import html
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

from hub.lib.markdown import render_markdown
from hub.search.analysis import terms
from hub.search.kinds import ObjectText, SearchKind

FIELDS = ("title", "summary", "body", "context")


@dataclass(frozen=True)
class IndexedDocument:
    document_id: int  # kinds.SearchKind.document_id: a practice's is its primary key
    fields: dict[str, list[str]]  # field name -> its terms, in order
    pairs: frozenset[str]  # "word:term", the vocabulary this document brings

    @property
    def length(self) -> int:
        """How many words it has, in every field: what ranking.py weighs term counts against."""
        return sum(len(terms) for terms in self.fields.values())

    @property
    def statistics(self) -> str:
        """How many times each term is in each field: `term:title,summary,body,context` for every term,
        space-separated, with a space at either end (ranking.term_counts looks for " term:"). Stored
        beside the engine's own index (SearchDocument.statistics), so that both engines rank from the
        same figures (ranking.py)."""
        counts: dict[str, list[int]] = {}
        for position, name in enumerate(FIELDS):
            for term in self.fields.get(name, ()):
                counts.setdefault(term, [0] * len(FIELDS))[position] += 1
        return " " + " ".join(f"{term}:{','.join(map(str, found))}" for term, found in counts.items()) + " "


def read_texts(kind: SearchKind, object_ids: list[int]) -> list[ObjectText]:
    """The kind's text of these objects, under their document ids."""
    first = kind.first_id
    # In the site's language whoever acts: a vocabulary term's name is read in the active language
    # (hub/vocabularies/translation.py), and a document must not change with the moderator's.
    with translation.override(settings.LANGUAGE_CODE):
        texts = kind.texts(object_ids)
    return [(first | pk, language, fields) for pk, language, fields in texts]


def analyse(texts: list[ObjectText]) -> list[IndexedDocument]:
    """Pure computation, no database: a rebuild runs it in worker processes."""
    documents = []
    for pk, language, field_text in texts:
        fields, vocabulary = {}, {}
        for name, text in field_text.items():
            found, field_terms = terms(text, language)
            fields[name] = field_terms
            vocabulary.update(zip(found, field_terms, strict=True))
        pairs = frozenset(f"{word}:{term}" for word, term in vocabulary.items())
        documents.append(IndexedDocument(pk, fields, pairs))
    return documents


def analyse_many(kind: SearchKind, object_ids: list[int]) -> list[IndexedDocument]:
    return analyse(read_texts(kind, object_ids))


# Text with none of these has no Markdown in it: rendering would only wrap it in paragraphs, and
# costs more than the rest of a snippet.
MARKDOWN_SYNTAX_RE = re.compile(r"[*_`#>\[\]<&|\\!~=]|--|^[ \t]*(?:[-+]|\d+[.)])(?:[ \t]|$)|^(?: {4}|\t)", re.MULTILINE)


def plain_text(markdown_text: str) -> str:
    """The words of a Markdown field without its markup, for snippets."""
    if not MARKDOWN_SYNTAX_RE.search(markdown_text):
        return markdown_text
    return html.unescape(strip_tags(render_markdown(markdown_text)))
