from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.practices.models import Practice


class SearchDocument(models.Model):
    """One published practice as the index holds it.

    The engine's own data lives beside it: on SQLite a row of the FTS5 table `search_fts` with
    the same rowid, on PostgreSQL the weighted tsvector column `document` of this very table
    (both created by migration 0002). `pairs` keeps the (word, term) pairs of the practice so
    that the vocabulary can be updated when the practice changes or leaves the index.
    """

    practice = models.OneToOneField(Practice, on_delete=models.CASCADE, primary_key=True, related_name="+")
    pairs = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return f"search document of practice {self.practice_id}"


class SearchTerm(models.Model):
    """The vocabulary of the index: each word as written (normalised), the term it was indexed
    under, and in how many published practices. It feeds "Did you mean …" and the rarity of words."""

    word = models.CharField(max_length=60)
    term = models.CharField(max_length=60, db_index=True)
    length = models.PositiveSmallIntegerField()
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["word", "term"], name="search_term_unique_word_term")]
        indexes = [models.Index(fields=["length", "word"], name="search_term_length_idx")]

    def __str__(self):
        return f"{self.word} ({self.term})"


class SearchChange(models.Model):
    """A practice whose search document was written or taken out, logged in commit order. Each
    process patches the matches it kept from before with these (hub/search/carry.py) rather than
    asking the engine again for every word. No practice: the whole index was rebuilt."""

    practice_id = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = _("search index change")
        verbose_name_plural = _("search index changes")

    def __str__(self):
        return f"change {self.pk}: practice {self.practice_id or 'all'}"
