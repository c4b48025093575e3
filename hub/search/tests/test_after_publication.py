"""Words searched before a publication find what is published after it, and nothing that left.

Each process keeps the matches of the words searched, carried over from one facet index to the next
by an update in place (the engine asked about the changed practices alone) and found afresh after a
rebuild; these tests search, change, and search again (docs/search.md, "Freshness of the facet index")."""

import re
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.db.models import Avg
from django.test.utils import CaptureQueriesContext

from hub.practices.models import Practice
from hub.publishing import services as publishing
from hub.search import facet_index as facet_index_module
from hub.search import results
from hub.search.models import SearchDocument
from hub.search.results import search_practices
from hub.search.services import search_index_practices, search_rebuild
from hub.search.tests.vectors import fresh_matrices, practices_with_vectors  # noqa: F401  (fresh_matrices: autouse)

pytestmark = pytest.mark.django_db

# The engine's query for every match of some words (engines.matching_ids), as each engine words it;
# asked among a few practices only, it names them (json_each, ANY).
ALL_MATCHES_RE = re.compile(r"SELECT (group_concat\(rowid\)|string_agg\(int8send\(id\)).* FROM search_\w+ WHERE ")


def searched(text: str) -> tuple[list[str], list[str]]:
    """The titles found by the words (not by meaning: these tests are about the words' matches), and the
    engine's queries for all matches that were not limited to a few practices."""
    with CaptureQueriesContext(connection) as queries:
        search = search_practices(text, meaning=False)
        titles = [practice.title for practice in search.results()[:20]] if search.executed else []
    assert search.count == len(titles), "the count disagrees with the results"
    unlimited = [
        q["sql"]
        for q in queries.captured_queries
        if ALL_MATCHES_RE.search(q["sql"]) and "json_each" not in q["sql"] and "ANY(" not in q["sql"]
    ]
    return sorted(titles), unlimited


@pytest.fixture
def publish(maya, django_capture_on_commit_callbacks):
    def publish(practice):
        # Committed, as a moderator's request is: the listing version changes, and with it the facet index.
        with django_capture_on_commit_callbacks(execute=True):
            publishing.content_publish(obj=practice, by=maya)

    return publish


def test_a_publication_adds_its_practice_to_the_words_searched_before(practice_factory, publish):
    practice_factory("Welcome walks in Lyon")
    practice_factory("Walks and talks in Lille")
    draft = practice_factory("City walks for newcomers in Lyon", status=Practice.Status.SUBMITTED)
    titles, unlimited = searched("walks")
    assert titles == ["Walks and talks in Lille", "Welcome walks in Lyon"]
    assert unlimited, "the first search asks the engine for every match"

    publish(draft)
    titles, _unlimited = searched("walks")
    assert titles == ["City walks for newcomers in Lyon", "Walks and talks in Lille", "Welcome walks in Lyon"]


def test_an_edit_archive_or_deletion_after_a_search_takes_the_practice_out_of_its_words(
    practice_factory, maya, publish, client, django_capture_on_commit_callbacks
):
    edited = practice_factory("Welcome walks in Lyon")
    archived = practice_factory("Walks and talks in Lille")
    deleted = practice_factory("Evening walks in Lyon")
    kept = practice_factory("Walks with newcomers in Lyon")
    # Fewer than a page have both words: the practice with one of them fills it (docs/search.md).
    assert searched("walks lyon")[0] == [
        "Evening walks in Lyon",
        "Walks and talks in Lille",
        "Walks with newcomers in Lyon",
        "Welcome walks in Lyon",
    ]
    assert searched("walks -lyon")[0] == ["Walks and talks in Lille"]
    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_update(obj=edited, data={"title": "Guided tours in Lyon"}, by=maya)
        publishing.content_archive(obj=archived, by=maya)
    maya.is_superuser = True
    maya.save()
    client.force_login(maya)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/practices/practice/{deleted.pk}/delete/", {"post": "yes"}).status_code == 302

    assert searched("walks")[0] == [kept.title]
    assert searched("walks lyon")[0] == ["Guided tours in Lyon", kept.title]  # the edited one by "lyon" alone
    assert searched("walks -lyon")[0] == []
    assert searched("tours")[0] == ["Guided tours in Lyon"]


def test_a_rebuild_asks_the_engine_afresh(practice_factory, django_capture_on_commit_callbacks):
    practice_factory("Welcome walks in Lyon")
    assert searched("walks")[0] == ["Welcome walks in Lyon"]
    with django_capture_on_commit_callbacks(execute=True):
        search_rebuild()
    titles, unlimited = searched("walks")
    assert titles == ["Welcome walks in Lyon"]
    assert unlimited, "after a rebuild, the engine is asked afresh"


def test_the_first_page_ranks_the_latest_title_matches_after_each_publication(
    practice_factory, maya, publish, monkeypatch, django_capture_on_commit_callbacks
):
    # A first page without filters ranks the latest RANK_BLOCK practices with the words in their title.
    monkeypatch.setattr(results, "RANK_BLOCK", 2)

    def first_page(text):
        with CaptureQueriesContext(connection) as queries:
            titles = [practice.title for practice in search_practices(text).results()[:2]]
        return titles, [q["sql"] for q in queries.captured_queries if ALL_MATCHES_RE.search(q["sql"])]

    walks = [practice_factory(f"Walks number {n}") for n in range(4)]
    assert first_page("walks")[0] == ["Walks number 3", "Walks number 2"]

    newer = practice_factory("Walks number 4", status=Practice.Status.SUBMITTED)
    publish(newer)
    titles, _asked = first_page("walks")
    assert titles == ["Walks number 4", "Walks number 3"]

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_archive(obj=walks[3], by=maya)
    titles, asked = first_page("walks")
    assert titles == ["Walks number 4", "Walks number 2"]
    assert any("ORDER BY" in sql for sql in asked), "the engine gives the latest block"


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_writers_of_the_index_take_turns(practice_factory):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's writers always take turns")
    first_practice, second_practice = practice_factory("Walks in Lyon"), practice_factory("Walks in Lille")
    first_wrote, first_may_commit, events = threading.Event(), threading.Event(), []

    def write(practice, *, first: bool) -> None:
        try:
            if not first:
                first_wrote.wait(5)
            with transaction.atomic():
                search_index_practices(practices=[practice])
                if first:
                    first_wrote.set()
                    first_may_commit.wait(5)
                events.append("first commits" if first else "second wrote")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=write, args=(first_practice,), kwargs={"first": True}),
        threading.Thread(target=write, args=(second_practice,), kwargs={"first": False}),
    ]
    for thread in threads:
        thread.start()
    first_wrote.wait(5)
    time.sleep(0.5)  # ample time for the second writer, were it not waiting for the first one's commit
    assert events == []
    first_may_commit.set()
    for thread in threads:
        thread.join(10)
    assert events == ["first commits", "second wrote"]


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_deleting_a_practice_while_it_is_edited_waits_instead_of_deadlocking(practice_factory):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    practice = practice_factory("Walks in Lyon")
    edit_holds_the_row, errors = threading.Event(), []

    def edit() -> None:
        try:
            with transaction.atomic():
                Practice.objects.filter(pk=practice.pk).update(title="Guided walks in Lyon")
                edit_holds_the_row.set()
                time.sleep(0.5)  # the deletion reaches the point where it waits
                practice.refresh_from_db()
                search_index_practices(practices=[practice])
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    def delete() -> None:
        try:
            edit_holds_the_row.wait(5)
            publishing.content_delete(obj=Practice.objects.get(pk=practice.pk), by=None)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit), threading.Thread(target=delete)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    assert errors == []
    assert not Practice.objects.filter(pk=practice.pk).exists()
    assert searched("walks")[0] == []


def test_the_words_searched_before_an_update_in_place_ask_the_engine_about_the_changed_practices_alone(
    practice_factory, maya, publish, django_capture_on_commit_callbacks
):
    kept = practice_factory("Welcome walks in Lyon")
    archived = practice_factory("Walks and talks in Lille")
    draft = practice_factory("City walks for newcomers", status=Practice.Status.SUBMITTED)
    later = practice_factory("Night walks in Lyon", status=Practice.Status.SUBMITTED)
    assert searched("walks")[0] == sorted([kept.title, archived.title])
    assert kept.title in searched("walks lyon")[0]

    publish(draft)
    titles, unlimited = searched("walks")
    assert titles == sorted([kept.title, archived.title, draft.title])
    assert unlimited == [], "the matches carried over, the new practice asked about alone"

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_archive(obj=archived, by=maya)
    publish(later)  # two updates since "walks lyon" was searched: its matches are carried through both
    titles, unlimited = searched("walks lyon")
    assert later.title in titles and kept.title in titles and archived.title not in titles
    assert unlimited == []
    assert searched("walks")[0] == sorted([kept.title, draft.title, later.title])


# The engines' read of documents' statistics for ranking (engines.statistics_of), as each words it.
STATISTICS_RE = re.compile(r"SELECT id, length, statistics FROM search_searchdocument WHERE id (IN|= ANY)")


def ranking(text: str) -> tuple[list[tuple[int, float]], float, set[int]]:
    """The full-text ranking's (practice, score), the average length it used, and the practices whose
    statistics it read."""
    with CaptureQueriesContext(connection) as queries:
        search = search_practices(text, meaning=False)
        hits = [(hit.document_id, hit.score) for hit in search.hits(50)]
    reads = [q["sql"] for q in queries.captured_queries if STATISTICS_RE.search(q["sql"])]
    return hits, search.collection.average_length, {int(n) for sql in reads for n in re.findall(r"\d+", sql)}


def test_the_ranking_after_updates_in_place_is_the_ranking_a_new_index_gives(
    practice_factory, maya, publish, django_capture_on_commit_callbacks
):
    kept = practice_factory("Welcome walks in Lyon", summary="Walks through the old town of Lyon with newcomers.")
    archived = practice_factory("Walks and talks in Lille")
    edited = practice_factory("Guided tours in Lyon", summary="Tours of the city, and walks on Sundays.")
    draft = practice_factory("Walks, walks and more walks in Lyon", status=Practice.Status.SUBMITTED)
    before, _average, read = ranking("walks lyon")
    assert {kept.pk, edited.pk} <= read, "the first ranking reads the documents' statistics"
    assert [pk for pk, _score in before][:2] == [kept.pk, edited.pk]

    publish(draft)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_archive(obj=archived, by=maya)
        publishing.content_update(obj=edited, data={"title": "Walks in Lyon for newcomers"}, by=maya)
    after, average, read = ranking("walks lyon")
    assert {draft.pk, edited.pk} <= read and kept.pk not in read, "what was kept of the others is not read again"
    assert archived.pk not in dict(after) and draft.pk in dict(after)

    facet_index_module.forget_indexes()  # what a new process, or a rebuild, would find
    rebuilt, rebuilt_average, _reads = ranking("walks lyon")
    assert after == rebuilt
    assert average == rebuilt_average
    assert average == SearchDocument.objects.aggregate(average=Avg("length"))["average"]


def test_what_the_ranking_kept_of_a_practice_is_read_again_after_each_of_its_changes(
    practice_factory, maya, publish, django_capture_on_commit_callbacks
):
    practice = practice_factory("Evening walks in Lyon")
    other = practice_factory("Walks in Lille")
    ranking("walks")
    for title in ("Evening talks in Lyon", "Walks, walks, walks in Lyon"):
        with django_capture_on_commit_callbacks(execute=True):
            publishing.content_update(obj=practice, data={"title": title}, by=maya)
        hits, _average, _reads = ranking("walks")
        facet_index_module.forget_indexes()
        assert hits == ranking("walks")[0]
    assert [pk for pk, _score in hits] == [practice.pk, other.pk]

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_archive(obj=practice, by=maya)
    assert [pk for pk, _score in ranking("walks")[0]] == [other.pk]
    publish(practice)
    assert [pk for pk, _score in ranking("walks")[0]] == [practice.pk, other.pk]


def test_a_practice_found_by_meaning_leaves_when_archived_and_is_found_again_when_published(
    maya, publish, django_capture_on_commit_callbacks
):
    # The matrix of vectors is not read again after a publication (no vector changes): what may be
    # found is the facet index's to say, and it follows every publication.
    (practice,) = practices_with_vectors(
        django_capture_on_commit_callbacks,
        {
            "title": "Anti-rumour agents in Barcelona",
            "summary": "Volunteers are trained to answer prejudice and false rumours about immigrants.",
        },
    )
    assert practice.pk in search_practices("myth-busting about immigrants").meaning

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_archive(obj=practice, by=maya)
    search = search_practices("myth-busting about immigrants")
    assert practice.pk not in search.meaning and search.count == 0

    publish(practice)
    search = search_practices("myth-busting about immigrants")
    assert practice.pk in search.meaning and search.count == 1
