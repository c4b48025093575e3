"""The facet index follows public changes without a full rebuild in a request: a publication, an
edit, an archiving, a merge or a delete is taken in place (and gives the index a full rebuild
would give); a bulk change rebuilds it; another kind's change keeps it, search matches and all."""

from datetime import date

import pytest
from django.utils import timezone

from hub.practices.models import Practice
from hub.practices.services import practice_merge
from hub.publishing import services as publishing
from hub.search import facet_index as facet_index_module
from hub.search import results
from hub.search.facet_index import STATS, build_index, facet_index
from hub.search.listing import DELTA_LIMIT, PRACTICE, listings_changed
from hub.search.models import ListingChange
from hub.vocabularies.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def stats(practices):
    """What the process did to its index since it built it for the practices, as a process does
    before it serves (gunicorn.conf.py)."""
    facet_index()
    before = STATS.copy()
    return lambda: {key: STATS[key] - before[key] for key in STATS if STATS[key] != before[key]}


def assert_same_as_rebuilt(index):
    rebuilt = build_index(version=index.version)
    assert index.ids == rebuilt.ids
    assert index.postings == rebuilt.postings
    assert index.place_pairs() == rebuilt.place_pairs()
    assert index.place_totals() == rebuilt.place_totals()
    assert index._by_title.tolist() == rebuilt._by_title.tolist()
    assert index.counts(index.everything) == rebuilt.counts(rebuilt.everything)
    assert index.pks(index.everything, start=0, stop=50, by_title=True) == rebuilt.pks(
        rebuilt.everything, start=0, stop=50, by_title=True
    )


@pytest.fixture
def practices(practice_factory):
    made = [
        practice_factory(
            f"Practice {n}",
            topics=[("education",), ("employment", "youth"), ()][n % 3],
            place=[("Terrassa", "ES"), ("Dallas", "US"), ("Maipú", "CL")][n % 3],
            start_date=date(2016 + n, 1, 1),
            end_date=date(2019 + n, 1, 1),
            published_at=timezone.now() - timezone.timedelta(days=n),
        )
        for n in range(6)
    ]
    return made


def test_a_publication_is_taken_in_place_and_counted_at_once(committed, stats, practices, practice_factory, maya):
    before = facet_index()
    waiting = practice_factory(
        "Zebra crossings for newcomers",
        status=Practice.Status.SUBMITTED,
        topics=("youth",),
        place=("Lagos", "NG"),
        start_date=date(2011, 1, 1),
        end_date=date(2012, 1, 1),
    )
    assert facet_index() is before  # a submission is not public: nothing moves

    committed(lambda: publishing.content_publish(obj=waiting, by=maya))

    index = facet_index()
    assert index is not before and index.ids[0] == waiting.pk
    counts = {
        (facet, option.value): option.count
        for facet, options in index.counts(index.everything).items()
        for option in options
    }
    assert counts["country", "NG"] == 1 and counts["continent", "AF"] == 1 and counts["year", "2011"] == 1
    assert stats() == {"updated in place": 1, "practices updated in place": 1}
    assert_same_as_rebuilt(index)


def test_edits_archiving_a_merge_and_a_delete_are_taken_in_place(committed, stats, practices, maya):
    facet_index()
    third = practices[2]
    third.topics.set(Topic.objects.filter(slug="education"))
    committed(lambda: publishing.content_set_fields(obj=third, by=maya, reason="Edited", title="Aardvark first"))
    assert_same_as_rebuilt(facet_index())

    committed(lambda: publishing.content_archive(obj=practices[0], by=maya))
    assert practices[0].pk not in facet_index().ids
    assert_same_as_rebuilt(facet_index())

    committed(lambda: practice_merge(keep=practices[1], duplicate=practices[4], by=maya))
    assert_same_as_rebuilt(facet_index())

    committed(lambda: publishing.content_delete(obj=practices[5], by=maya))
    index = facet_index()
    assert len(index.ids) == 3
    assert_same_as_rebuilt(index)
    assert stats() == {"updated in place": 4, "practices updated in place": 5}


def test_another_kinds_change_keeps_the_index_and_its_search_matches(committed, stats, practices):
    index = facet_index()
    index.memo.get(("search", True, (("word",),)), lambda: 42)
    index.memo.get(("term documents", frozenset({"word"})), lambda: {"word": 3})
    committed(lambda: listings_changed("pledges.pledge", [1]))
    assert facet_index() is index and index.memo.peek(("search", True, (("word",),))) == 42
    # Word frequencies count every kind's documents: asked again.
    assert index.memo.peek(("term documents", frozenset({"word"}))) is None
    assert stats() == {}
    practices_only = {results.MATCHES, results.LATEST_HEAD_MATCHES, results.DOCUMENT_LENGTHS, results.RANKING_FIGURES}
    assert practices_only == facet_index_module.KEPT_ACROSS_KINDS


def test_a_bulk_change_rebuilds(committed, stats, practices):
    facet_index()
    committed(lambda: listings_changed(PRACTICE, range(1, DELTA_LIMIT + 2)))  # more than a delta: one bulk row
    assert ListingChange.objects.filter(kind=PRACTICE, object_id=None).count() == 1
    assert_same_as_rebuilt(facet_index())
    assert stats() == {"built in a request": 1}  # FACET_INDEX_IN_BACKGROUND is off in tests


def test_a_translation_of_a_published_practice_is_taken_in_place(committed, stats, practices, maya):
    committed(
        lambda: publishing.translation_save(
            obj=practices[0],
            language="fr",
            fields={"title": "Pratique 0", "summary": "Un résumé."},
            translator_name="Maya",
            translated_on=date(2026, 1, 5),
            by=maya,
        )
    )
    assert_same_as_rebuilt(facet_index())
    assert stats() == {"updated in place": 1, "practices updated in place": 1}


def test_a_change_of_everything_rebuilds(committed, stats, practices):
    facet_index()
    committed(lambda: listings_changed())  # an import, a renamed term, a rebuild of the search index
    assert ListingChange.objects.filter(kind="", object_id=None).count() == 1
    assert_same_as_rebuilt(facet_index())
    assert stats() == {"built in a request": 1}


def test_a_version_not_in_the_log_rebuilds(stats, practices):
    from django.core.cache import cache

    facet_index()
    cache.clear()  # as when Redis restarts: the new version is odd, tied to no change
    facet_index()
    assert stats() == {"built in a request": 1}


def test_rows_older_than_the_log_keeps_are_dropped(committed, practices):
    old = ListingChange.objects.create(
        kind=PRACTICE, object_id=1, created_at=timezone.now() - timezone.timedelta(days=2)
    )
    committed(lambda: listings_changed(PRACTICE, [practices[0].pk]))
    assert not ListingChange.objects.filter(pk=old.pk).exists()


def test_a_response_from_an_index_being_rebuilt_is_not_kept_by_the_page_cache(settings, client, practices):
    settings.PAGE_CACHE_SECONDS = 3600
    index = facet_index()
    index.version = -2  # as if a bulk change had come and its rebuild were still running
    facet_index_module.PRACTICES.rebuilding = object()
    try:
        first, second = client.get("/practices/"), client.get("/practices/")
    finally:
        facet_index_module.PRACTICES.rebuilding = None
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "private" in second["Cache-Control"]


def test_work_on_content_nobody_can_see_changes_nothing(committed, stats, practices, practice_factory, maya):
    index = facet_index()
    logged = ListingChange.objects.count()  # the practices' publications
    draft = practice_factory("A draft", status=Practice.Status.SUBMITTED)
    committed(lambda: publishing.content_set_fields(obj=draft, by=maya, reason="Edited", title="Still a draft"))
    committed(lambda: publishing.content_reject(obj=draft, by=maya, reason="Out of scope"))
    committed(lambda: publishing.content_delete(obj=draft, by=maya))
    assert ListingChange.objects.count() == logged
    assert facet_index() is index
    assert stats() == {}


def list_counts(client, query="") -> dict:
    """The counts of the list's filter panel, as the page shows them: (facet, value) -> count."""
    response = client.get(f"/practices/?{query}")
    assert response.status_code == 200
    return {
        (group.name, option.value): option.count
        for group in response.context["facet_groups"]
        for option in group.options
    }


def map_counts(client) -> tuple[int, int]:
    """The world map's total and the sum of its markers."""
    data = client.get("/map/clusters/?bbox=-180,-90,180,90&zoom=2").json()
    return data["total"], sum(marker["n"] for marker in data["markers"])


def test_the_next_request_counts_a_publication_an_archiving_and_edits_of_themes_and_places(
    committed, stats, practices, practice_factory, maya, client
):
    from hub.places.models import Place

    assert list_counts(client)["country", "ES"] == 2 and map_counts(client) == (6, 6)

    waiting = practice_factory(
        "Zebra crossings for newcomers", status=Practice.Status.SUBMITTED, topics=("youth",), place=("Lagos", "NG")
    )
    committed(lambda: publishing.content_publish(obj=waiting, by=maya))
    counts = list_counts(client)
    assert counts["country", "NG"] == 1 and counts["continent", "AF"] == 1
    assert map_counts(client) == (7, 7)  # a place nobody had: its coordinates read for it

    committed(lambda: publishing.content_archive(obj=practices[0], by=maya))  # in Terrassa, education
    counts = list_counts(client)
    assert counts["country", "ES"] == 1 and counts["theme", "education"] == 1
    assert map_counts(client) == (6, 6)

    # An edit: another theme, and the practice moves from Dallas to Terrassa.
    moved = practices[1]
    moved.topics.set(Topic.objects.filter(slug="education"))
    moved.places.set(Place.objects.filter(name="Terrassa"))
    committed(lambda: publishing.content_set_fields(obj=moved, by=maya, reason="Edited", title="Moved"))
    counts = list_counts(client)
    assert counts["country", "ES"] == 2 and counts["country", "US"] == 1 and counts["theme", "education"] == 2
    assert list_counts(client, "country=ES")["theme", "education"] == 2

    # A practice gains a place: counted in both countries, once on the list.
    gaining = practices[2]  # in Maipú, Chile
    gaining.places.add(Place.objects.get(name="Lagos"))
    committed(lambda: publishing.content_set_fields(obj=gaining, by=maya, reason="Edited", title="Two places"))
    counts = list_counts(client)
    assert counts["country", "NG"] == 2 and counts["country", "CL"] == 2
    assert map_counts(client) == (6, 7)  # six practices, seven practices-at-a-place

    assert_same_as_rebuilt(facet_index())
    assert stats() == {"updated in place": 4, "practices updated in place": 4}


def test_the_bitsets_shift_as_integers_would(practices):
    """The matrix of bitsets is shifted by whole 64-bit words (with_changes): as a Python integer would
    be, at every position of words of every size, the edges of a word above all."""
    import random

    import numpy as np

    from hub.search.facet_index import _matrix_spread, _matrix_without, _words

    def matrix(bitsets, size):
        return np.array(
            [np.frombuffer(bits.to_bytes(_words(size) * 8, "little"), dtype=np.uint64) for bits in bitsets]
        ).reshape(len(bitsets), _words(size))

    def integers(rows):
        return [int.from_bytes(row.tobytes(), "little") for row in rows]

    rng = random.Random(15)
    for size in (1, 2, 63, 64, 65, 127, 128, 129, 300):
        bitsets = [rng.getrandbits(size), (1 << size) - 1, 0, 1 << (size - 1)]
        for p in {0, size - 1, *(rng.randrange(size) for _ in range(8)), *range(62, min(size, 66))}:
            low = (1 << p) - 1
            taken_out = _matrix_without(matrix(bitsets, size), p, _words(size - 1))
            assert taken_out.shape[1] == _words(size - 1)
            assert integers(taken_out) == [(bits & low) | ((bits >> (p + 1)) << p) for bits in bitsets]
        for p in {0, size, *(rng.randrange(size + 1) for _ in range(8)), *range(62, min(size + 1, 66))}:
            low = (1 << p) - 1
            spread = _matrix_spread(matrix(bitsets, size), p, _words(size + 1))
            assert spread.shape[1] == _words(size + 1)
            assert integers(spread) == [(bits & low) | ((bits >> p) << (p + 1)) for bits in bitsets]
