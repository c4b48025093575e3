"""Pseudo-relevance feedback (hub/search/fusion.py): the meaning asked again with the first result's
vector. The real model, the real queue and the real engine: no mock."""

import numpy as np
import pytest

from hub.practices.models import Practice
from hub.practices.tests.fixtures import make_practice
from hub.search import semantic
from hub.search.results import search_practices
from hub.search.tests.vectors import fresh_matrices, practices_with_vectors  # noqa: F401  (fresh_matrices: an autouse fixture)

SPONSORSHIP = {
    "title": "Community sponsorship of refugee families",
    "summary": "Groups of neighbours sponsor a resettled refugee family: they find a home, raise funds and "
    "support them for the first year.",
}
# The same idea in Spanish, with none of the query's words: too far from the two English words alone
# (a cosine of about 0.15, under fusion.MIN_SIMILARITY), near the English scheme (about 0.54).
ACOGIDA = {
    "title": "Acogida vecinal de familias desplazadas",
    "summary": "Los vecinos de un barrio acogen a una familia desplazada, le buscan vivienda y la acompañan "
    "durante un año.",
}
PARRAINAGE = {
    "title": "Parrainage citoyen d'une famille exilée",
    "summary": "Des habitants d'un village accueillent une famille exilée, lui trouvent un logement et "
    "l'accompagnent pendant un an.",
}
MARATHON = {
    "title": "Corporate sponsorship of a city marathon",
    "summary": "Local companies fund the annual marathon and its charity runs.",
}
BIKES = {
    "title": "Bicycle repair workshop for newcomers",
    "summary": "A weekly workshop where newcomers repair donated bicycles and learn the road rules.",
}
QUERY = "community sponsorship"


@pytest.mark.django_db
def test_a_practice_near_only_to_the_first_result_is_found_by_the_feedback(client, django_capture_on_commit_callbacks):
    sponsorship, acogida, _marathon, _bikes = practices_with_vectors(
        django_capture_on_commit_callbacks, SPONSORSHIP, ACOGIDA, MARATHON, BIKES
    )
    (queued,) = practices_with_vectors(django_capture_on_commit_callbacks, PARRAINAGE, status=Practice.Status.SUBMITTED)

    search = search_practices(QUERY)

    # Neither the words nor the query's meaning alone find the Spanish practice.
    assert acogida.pk not in search_practices(QUERY, meaning=False).results().ids(0, 20)
    assert acogida.pk not in search.meaning
    # The first result, by its words and its meaning, is the English scheme; the feedback, from it,
    # finds the Spanish one, which then joins the results, the count and the facets.
    assert [p.pk for p in search.results()[:1]] == [sponsorship.pk]
    assert acogida.pk in search.feedback
    found = [p.pk for p in search.results()[:20]]
    assert acogida.pk in found
    assert search.bits & search.index.of_ids([acogida.pk])
    # A practice waiting for review is as near the scheme, and never found.
    assert queued.pk not in search.feedback and queued.pk not in found

    response = client.get("/search/", {"q": QUERY})
    assert response.status_code == 200
    assert ACOGIDA["title"] in response.content.decode()
    assert PARRAINAGE["title"] not in response.content.decode()


@pytest.mark.django_db
def test_the_feedback_keeps_to_the_page_filters(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sponsorship = make_practice(place=("Leeds", "GB"), **SPONSORSHIP)
        acogida = make_practice(place=("Madrid", "ES"), **ACOGIDA)

    everywhere = client.get("/search/", {"q": QUERY})
    in_britain = client.get("/search/", {"q": QUERY, "country": "GB"})

    assert [p.pk for p in everywhere.context["page"]] == [sponsorship.pk, acogida.pk]
    assert in_britain.status_code == 200
    assert [p.pk for p in in_britain.context["page"]] == [sponsorship.pk]
    assert in_britain.context["search"].feedback == [sponsorship.pk]


def test_the_neighbourhood_of_many_scores_is_about_its_size_and_holds_the_closest():
    scores = np.random.default_rng(14).standard_normal(100_000).astype(np.float32)
    pks = np.arange(1, len(scores) + 1, dtype=np.int64)

    found = semantic.neighbourhood(pks, scores, size=2_000)

    assert 1_600 <= len(found) <= 2_400  # estimated from one score in eight
    closest = pks[np.argsort(-scores)[:1_500]]
    assert set(closest) <= set(found)
    assert set(semantic.neighbourhood(pks[:1_000], scores[:1_000], size=2_000)) == set(pks[:1_000])
