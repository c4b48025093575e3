from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One published object of a search kind as the index holds it.

        `id` is the kind's number in the high bits and the object's primary key in the low ones
        (hub.search.kinds.SearchKind.document_id): a practice's is its primary key. The engine's own data
        lives beside it: on SQLite a row of the FTS5 tables `search_fts` and `search_head` with the same
        rowid, on PostgreSQL the weighted tsvector column `document` of this very table and a row of
        `search_head` (migrations 0002 and 0003); `length` and `statistics` are what the ranking reads, the
    same on both engines (hub/search/ranking.py). `pairs` keeps the (word, term) pairs of the object so
        that the vocabulary can be updated when it changes or leaves the index.
    """

    id = models.BigIntegerField(primary_key=True)
    pairs = models.TextField(blank=True)
    # What both engines rank from (hub/search/ranking.py): the number of words, and how many times each
    # term is in each field (documents.IndexedDocument.statistics).
    length = models.PositiveIntegerField(default=0)
    statistics = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        # The average length of a kind's documents is read from this index alone.
        indexes = [models.Index(fields=["id", "length"], name="search_document_length_idx")]

    def __str__(self):
        return f"search document {self.pk}"


class SearchTerm(models.Model):
    """The vocabulary of the index: each word as written (normalised), the term it was indexed
    under, and in how many published documents (of every kind). It feeds "Did you mean …" and the rarity of words."""

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


class ListingChange(models.Model):
    """A change of public content, for every process to bring its facet indexes up to date
    (hub.search.listing): the object of a kind whose public state may have changed; no object when
    any of that kind may have; no kind either when anything may have (a bulk change)."""

    kind = models.CharField(max_length=100, blank=True)  # the model's label_lower, "" for everything
    object_id = models.BigIntegerField(null=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("listing change")
        verbose_name_plural = _("listing changes")

    def __str__(self):
        return f"listing change {self.pk}: {self.kind or 'everything'} {self.object_id or ''}".rstrip()


class SearchVector(models.Model):
    """The meaning of one object of a search kind, as a sentence vector (hub/search/semantic.py).

    Computed by the background queue after the object is saved (never in a request), for every status:
    search and similar practices read only the published ones, the duplicate check the queued ones too.
    `model` names the model that computed it, so that a change of model is seen (`rebuild_vectors`);
    `text_hash` tells the queue that an edit left the text as it was (no need to compute it again)."""

    kind = models.PositiveSmallIntegerField()  # hub.search.kinds.SearchKind.number
    object_id = models.BigIntegerField()
    model = models.CharField(max_length=100)
    vector = models.BinaryField()  # DIMENSIONS float16, L2-normalised
    text_hash = models.CharField(max_length=32)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("search vector")
        verbose_name_plural = _("search vectors")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_vector_one_per_object")]
        # The count of a kind's rows of the current model, read at every refresh of the matrix
        # (semantic.VectorMatrix): from this index alone, not the 100 MB of the table's vectors.
        indexes = [models.Index(fields=["kind", "model"], name="search_vector_kind_model_idx")]

    def __str__(self):
        return f"search vector {self.kind}:{self.object_id}"
