"""The index follows every publication, edit, rejection, archiving and deletion, in the same transaction."""

import pytest
from django.core.management import call_command

from hub.practices.models import Practice
from hub.publishing import services as publishing
from hub.search.models import SearchDocument, SearchTerm
from hub.search.results import search_practices
from hub.search.services import search_index_practices, search_rebuild

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    search = search_practices(text)
    titles = [practice.title for practice in search.results()[:20]] if search.executed else []
    assert search.count == len(titles), "the count disagrees with the results"
    return titles


def test_a_submitted_practice_is_found_once_published(practice_factory, maya, django_capture_on_commit_callbacks):
    practice = practice_factory("Welcome walks in Lyon", status=Practice.Status.SUBMITTED)
    assert found("welcome walks") == []
    # Committed, as the moderator's request is before the next page is asked for: the count and the
    # filters come from the facet index, which each process builds again once a publication commits.
    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_publish(obj=practice, by=maya)
    assert SearchDocument.objects.filter(id=practice.pk).exists()
    assert found("welcome walks") == ["Welcome walks in Lyon"]


def test_an_edit_changes_what_finds_the_practice(practice_factory, maya):
    practice = practice_factory("Welcome walks in Lyon")
    publishing.content_update(obj=practice, data={"title": "Guided city tours in Lyon"}, by=maya)
    assert found("walks") == []
    assert found("tours") == ["Guided city tours in Lyon"]
    assert not SearchTerm.objects.filter(word="walks").exists()


def test_a_word_searched_before_an_edit_follows_the_edit(practice_factory, maya, django_capture_on_commit_callbacks):
    # Each word's matches are kept with the facet index until something published changes.
    practice = practice_factory("Welcome walks in Lyon")
    assert found("walks") == ["Welcome walks in Lyon"]
    assert found("tours") == []
    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_update(obj=practice, data={"title": "Guided city tours in Lyon"}, by=maya)
    assert found("walks") == []
    assert found("tours") == ["Guided city tours in Lyon"]


def test_a_word_searched_before_a_reindex_follows_it(practice_factory, django_capture_on_commit_callbacks):
    # What the admin does: write the practice, then record the edit (which indexes it again).
    practice = practice_factory("Welcome walks in Lyon")
    assert found("walks") == ["Welcome walks in Lyon"]
    Practice.objects.filter(pk=practice.pk).update(title="Guided city tours in Lyon")
    practice.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_record_edit(obj=practice, by=None)
    assert found("walks") == []
    assert found("tours") == ["Guided city tours in Lyon"]


@pytest.mark.parametrize("action", ["reject", "archive"])
def test_a_rejected_or_archived_practice_leaves_the_index(practice_factory, maya, action):
    practice = practice_factory("Welcome walks in Lyon")
    if action == "reject":
        publishing.content_reject(obj=practice, by=maya, reason="Duplicate")
    else:
        publishing.content_archive(obj=practice, by=maya)
    assert found("welcome walks") == []
    assert not SearchDocument.objects.filter(id=practice.pk).exists()


def test_deleting_in_the_admin_removes_the_practice_from_the_index(client, practice_factory, maya):
    practice = practice_factory("Welcome walks in Lyon")
    client.force_login(maya)
    maya.is_superuser = True
    maya.save()
    response = client.post(f"/admin/practices/practice/{practice.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Practice.objects.filter(pk=practice.pk).exists()
    assert found("welcome walks") == []
    assert not SearchTerm.objects.filter(word="walks").exists()


def test_a_failed_transaction_leaves_the_index_as_it_was(practice_factory, maya):
    from django.db import transaction

    practice = practice_factory("Welcome walks in Lyon", status=Practice.Status.SUBMITTED)
    with pytest.raises(RuntimeError), transaction.atomic():
        publishing.content_publish(obj=practice, by=maya)
        raise RuntimeError("the moderator's request failed after publishing")
    assert found("welcome walks") == []


def test_the_rebuild_command_indexes_every_published_practice_and_only_those(practice_factory):
    practice_factory("Welcome walks in Lyon")
    practice_factory("Secret draft on walks", status=Practice.Status.DRAFT)
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert found("walks") == ["Welcome walks in Lyon"]
    assert SearchTerm.objects.get(word="walks").documents == 1
    assert not SearchTerm.objects.filter(word="secret").exists()


def test_a_rebuild_in_worker_processes_indexes_exactly_what_one_process_does(practice_factory):
    practice_factory("Welcome walks in Lyon", summary="Neighbours guide newcomers.")
    practice_factory("Peer mentoring in Maipú", summary="Mentores acompañan a personas refugiadas.", language="es")
    practice_factory("Language cafés", summary="Volunteers and newcomers practise French.")

    def index_contents():
        return (
            sorted(SearchDocument.objects.values_list("id", "pairs")),
            sorted(SearchTerm.objects.values_list("word", "term", "documents")),
            [found(words) for words in ("walks", "refugiados", "newcomers", '"peer mentoring"', "cafe")],
        )

    search_rebuild(workers=1)
    in_one_process = index_contents()
    search_rebuild(workers=2)
    assert index_contents() == in_one_process
    assert in_one_process[2][1] == ["Peer mentoring in Maipú"]


def test_indexing_many_practices_at_once_is_indexing_each_of_them(practice_factory, maya):
    walks = practice_factory("Welcome walks in Lyon")
    tours = practice_factory("City tours in Lyon")
    draft = practice_factory("Lyon walks for newcomers", status=Practice.Status.SUBMITTED)
    tours.title, draft.status = "City walks in Lyon", Practice.Status.PUBLISHED
    Practice.objects.filter(pk=tours.pk).update(title=tours.title)
    Practice.objects.filter(pk=draft.pk).update(status=draft.status)
    walks.status = Practice.Status.ARCHIVED
    Practice.objects.filter(pk=walks.pk).update(status=walks.status)

    search_index_practices(practices=[walks, tours, draft])
    batched = sorted(SearchTerm.objects.values_list("word", "term", "documents"))
    assert SearchTerm.objects.get(word="walks").documents == 2  # tours now, the draft; not the archived
    assert not SearchTerm.objects.filter(word="tours").exists()
    assert set(SearchDocument.objects.values_list("id", flat=True)) == {tours.pk, draft.pk}

    search_rebuild(workers=1)
    assert sorted(SearchTerm.objects.values_list("word", "term", "documents")) == batched


def test_on_postgresql_with_rum_a_phrase_is_answered_from_the_phrase_index(practice_factory):
    from django.db import connection

    from hub.search.engines import get_engine
    from hub.search.query import parse

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 keeps word positions itself")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'search_document_phrases'")
        if cursor.fetchone() is None:
            pytest.skip("this PostgreSQL server has no RUM extension")
    practice_factory("Peer mentoring for newcomers")
    table, where, params = get_engine()._where(parse('"peer mentoring"'), head=False)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN SELECT id FROM {table} WHERE {where}", params)  # noqa: S608
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_document_phrases" in plan
    assert found('"peer mentoring"') == ["Peer mentoring for newcomers"]
    assert found('"mentoring peer"') == []
