"""Search by meaning (hub/search/semantic.py, fusion.py) with the real model and the real queue: no mock."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from hub.practices.models import Practice
from hub.practices.tests.fixtures import make_practice
from hub.publishing.services import content_publish, content_update
from hub.search import semantic
from hub.search.facet_index import facet_index
from hub.search.models import SearchVector
from hub.search.results import search_practices
from hub.search.tests.vectors import fresh_matrices, practices_with_vectors  # noqa: F401  (fresh_matrices: an autouse fixture)

ANTI_RUMOUR = {
    "title": "Anti-rumour agents in Barcelona",
    "summary": "Volunteers are trained to answer prejudice and false rumours about immigrants in everyday talk.",
    "background": "A municipal network against stereotypes.",
}
NURSES = {
    "title": "Recognition of foreign nursing qualifications",
    "summary": "Nurses trained abroad get their diplomas recognised and bridging courses to work in hospitals again.",
    "background": "A programme of the health ministry.",
}
BIKES = {
    "title": "Bicycle repair workshop for newcomers",
    "summary": "A weekly workshop where newcomers repair donated bicycles and learn the road rules.",
    "background": "Run by a cycling club.",
}


@pytest.mark.django_db(transaction=True)
def test_vectors_are_computed_by_the_worker_after_publication_never_in_the_request(client, settings, maya):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    practice = make_practice(status=Practice.Status.SUBMITTED, place=None, **ANTI_RUMOUR)
    content_publish(obj=practice, by=maya)

    # The request (here, the services) left a task in the queue and no vector.
    assert not SearchVector.objects.exists()
    assert DBTaskResult.objects.filter(task_path="hub.search.semantic.compute_vectors").exists()
    assert search_practices("myth-busting about immigrants").meaning == []  # full text alone, as before

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    stored = SearchVector.objects.get(kind=0, object_id=practice.pk)
    assert stored.model == semantic.vectors.MODEL_NAME
    assert len(bytes(stored.vector)) == semantic.vectors.DIMENSIONS * 2  # float16
    assert search_practices("myth-busting about immigrants").meaning == [practice.pk]

    # An edit of the text asks for the vector again; the worker replaces it.
    before = bytes(stored.vector)
    content_update(obj=practice, data={"summary": NURSES["summary"]}, by=maya)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert bytes(SearchVector.objects.get(kind=0, object_id=practice.pk).vector) != before


@pytest.mark.django_db
def test_a_query_in_other_words_finds_the_anti_rumour_campaign_and_joins_the_count_and_facets(
    django_capture_on_commit_callbacks,
):
    anti_rumour, _nurses, _bikes = practices_with_vectors(
        django_capture_on_commit_callbacks, ANTI_RUMOUR, NURSES, BIKES
    )
    words_only = search_practices("luchar contra los estereotipos", meaning=False)

    search = search_practices("luchar contra los estereotipos")

    assert [p.pk for p in search.results()[:1]] == [anti_rumour.pk]
    assert search.meaning[0] == anti_rumour.pk
    # The practices found by meaning (or its feedback) join the count (and, below, the facets).
    by_meaning = search.index.of_ids([*search.meaning, *search.feedback])
    assert search.count == (words_only.bits | by_meaning).bit_count()
    assert len(search.results()[:20]) == search.count
    theme_counts = {o.value: o.count for o in search.index.counts(search.bits)["theme"]}
    assert theme_counts.get("discrimination-and-xenophobia", 0) == search.count


@pytest.mark.django_db
def test_a_spanish_query_finds_the_english_practice_on_the_search_page(client, django_capture_on_commit_callbacks):
    _anti_rumour, nurses, _bikes = practices_with_vectors(
        django_capture_on_commit_callbacks, ANTI_RUMOUR, NURSES, BIKES
    )

    response = client.get("/search/", {"q": "enfermeras extranjeras homologación de títulos"})

    assert response.status_code == 200
    assert list(response.context["page"])[0].pk == nurses.pk
    body = response.content.decode()
    assert NURSES["title"] in body
    if response.context["search"].meaning_only_count:
        assert "found by" in body and "meaning" in body


@pytest.mark.django_db
def test_unpublished_practices_are_never_found_by_meaning_nor_shown_as_similar(
    client, django_capture_on_commit_callbacks
):
    (queued,) = practices_with_vectors(
        django_capture_on_commit_callbacks, ANTI_RUMOUR, status=Practice.Status.SUBMITTED
    )
    (published,) = practices_with_vectors(
        django_capture_on_commit_callbacks,
        dict(ANTI_RUMOUR, title="Anti-rumour network in Getxo", summary=ANTI_RUMOUR["summary"] + " In Getxo."),
    )
    assert SearchVector.objects.filter(object_id=queued.pk).exists()  # kept for the duplicate check

    search = search_practices("myth-busting about immigrants")
    assert queued.pk not in [p.pk for p in search.results()[:20]]
    assert not search.bits & search.index.of_ids([queued.pk])
    body = client.get(published.get_absolute_url()).content.decode()
    assert ANTI_RUMOUR["title"] not in body


@pytest.mark.django_db
def test_a_practice_page_shows_a_similar_practice_with_its_place_and_year(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = make_practice(**ANTI_RUMOUR)
        second = make_practice(
            title="Agentes antirrumores en Sevilla",
            summary="Voluntarios formados para desmontar los rumores y prejuicios sobre las personas inmigrantes.",
            place=("Sevilla", "ES"),
        )
        make_practice(place=None, **BIKES)

    body = client.get(first.get_absolute_url()).content.decode()

    assert "Similar practices" in body
    similar = body.split("Similar practices", 1)[1]
    assert second.title in similar
    assert "Sevilla" in similar and "2021" in similar
    assert BIKES["title"] not in similar


@pytest.mark.django_db
def test_search_without_vectors_is_full_text_as_before(client):
    make_practice(place=None, **ANTI_RUMOUR)
    assert not SearchVector.objects.exists()

    assert search_practices("myth-busting").count == 0
    assert search_practices("rumours").count == 1
    assert client.get("/search/", {"q": "myth-busting"}).status_code == 200


@pytest.mark.django_db
def test_rebuild_vectors_computes_every_vector(capsys):
    practices = [make_practice(place=None, **spec) for spec in (ANTI_RUMOUR, NURSES)]
    queued = make_practice(status=Practice.Status.SUBMITTED, place=None, **BIKES)
    assert not SearchVector.objects.exists()

    call_command("rebuild_vectors")

    stored = set(SearchVector.objects.filter(kind=0).values_list("object_id", flat=True))
    assert stored == {p.pk for p in [*practices, queued]}
    assert "per 1 000 documents" in capsys.readouterr().out
    matrix = semantic.vector_matrix()
    assert len(matrix) == 3
    found = semantic.nearest(
        matrix, semantic.query_vector("doctors and nurses"), facet_index().pk_at, limit=1, minimum=0.0
    )
    assert found[0][0] == practices[1].pk


def test_fused_results_page_through_the_head_and_the_full_text_tail():
    from hub.search.fusion import FULLTEXT_DEPTH, FusedResults

    class Ranked:
        def __init__(self, ids):
            self._ids = ids

        def __len__(self):
            return len(self._ids)

        def ids(self, start, stop):
            return self._ids[start:stop]

        def tiered(self, start, stop):
            return [(pk, "head") for pk in self._ids[start:stop]]

    fulltext = list(range(1, 121))  # 120 full-text results
    meaning = [500, 110, 2]  # one by meaning alone, one far down the full text, one near its top
    results = FusedResults(Ranked(fulltext), meaning, count=121, load=lambda ids: ids)

    every = results[0:121]
    assert len(every) == 121 and len(set(every)) == 121
    assert set(every) == {*fulltext, 500}
    assert every[: len(results.head)] == results.head
    assert results[FULLTEXT_DEPTH : FULLTEXT_DEPTH + 20] == every[FULLTEXT_DEPTH : FULLTEXT_DEPTH + 20]


def test_the_model_reads_a_misspelt_word_as_corrected_and_a_near_match_counts_half():
    from hub.search.fusion import fused_head, meaning_text

    assert meaning_text('Mentorring "imigrants" OR x', {"mentorring": "mentoring"}) == "mentoring imigrants x"
    # A full match at the top of the words' list beats the first by meaning; a near match no longer does.
    assert fused_head([(1, "head"), (2, "head")], [3], k=2, weights=(1.0, 1.0)) == [1, 3, 2]
    assert fused_head([(1, "near"), (2, "near")], [3], k=2, weights=(1.0, 1.0)) == [3, 1, 2]
