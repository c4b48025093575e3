"""The order of results: the head tier (every word in the title or summary) first, then the rest;
a large tier ranked a block of practices at a time; every match on exactly one page."""

import pytest

from hub.search import results
from hub.search.facet_index import facet_index
from hub.search.results import search_practices

pytestmark = pytest.mark.django_db

OTHER_SUMMARY = "Residents meet every week."


def titles(text: str, start: int = 0, stop: int = 20) -> list[str]:
    return [practice.title for practice in search_practices(text).results()[start:stop]]


def test_a_practice_with_the_word_in_its_title_or_summary_comes_before_one_that_repeats_it_elsewhere(
    practice_factory,
):
    body = "Interpreters, interpreters and more interpreters: interpreters at every desk, interpreters at night."
    practice_factory("Welcome desk", summary=OTHER_SUMMARY, background=body, activities=body)
    practice_factory("Interpreters on call", summary=OTHER_SUMMARY)
    practice_factory("Health navigators", summary="Volunteers train as interpreters for clinics.")
    found = titles("interpreters")
    assert found[2] == "Welcome desk"
    assert set(found[:2]) == {"Interpreters on call", "Health navigators"}
    # Title weighs more than summary within the head tier.
    assert found[0] == "Interpreters on call"


def test_excluded_words_leave_the_head_tier_too(practice_factory):
    practice_factory("Sport for newcomers", summary="Football and sport for newcomers.")
    practice_factory("Sport for young people", summary="Sport with music.", background="Newcomers welcome.")
    assert titles("sport -newcomers") == []  # the second has the word in its background: out as well
    assert titles("sport -music") == ["Sport for newcomers"]


def test_every_match_is_on_exactly_one_page_when_tiers_are_ranked_in_blocks(practice_factory, monkeypatch):
    monkeypatch.setattr(results, "RANK_BLOCK", 3)
    for n in range(7):
        practice_factory(f"Mentoring circle {n}", summary=OTHER_SUMMARY)
    for n in range(4):
        practice_factory(f"Job club {n}", summary=OTHER_SUMMARY, background="Mentoring by employers.")
    search = search_practices("mentoring")
    assert search.count == 11
    pages = [titles("mentoring", start, start + 2) for start in range(0, 12, 2)]
    everything = [title for page in pages for title in page]
    assert sorted(everything) == sorted(
        [f"Mentoring circle {n}" for n in range(7)] + [f"Job club {n}" for n in range(4)]
    )
    assert all(title.startswith("Mentoring circle") for title in everything[:7])
    assert all(title.startswith("Job club") for title in everything[7:])
    # The same order whether asked for a page at a time or all at once.
    assert everything == titles("mentoring", 0, 11)


def test_filters_narrow_the_ranked_results_and_their_count(practice_factory, client):
    practice_factory("Mentoring in Lyon", summary=OTHER_SUMMARY, place=("Lyon", "FR"))
    practice_factory("Mentoring in Dallas", summary=OTHER_SUMMARY, place=("Dallas", "US"))
    response = client.get("/search/", {"q": "mentoring", "country": "FR"})
    assert response.status_code == 200
    assert [p.title for p in response.context["page"]] == ["Mentoring in Lyon"]
    assert response.context["search"].count == 1


def test_the_facet_index_turns_ids_into_a_selection_and_back_newest_first(practice_factory):
    first = practice_factory("First practice")
    second = practice_factory("Second practice")
    unpublished = practice_factory("Waiting practice", status="submitted")
    index = facet_index()
    bits = index.of_ids([first.pk, second.pk, unpublished.pk, 10**9])
    assert bits.bit_count() == 2  # the unpublished and the unknown id are left out
    assert list(index.id_array(bits)) == [second.pk, first.pk]


def test_words_searched_before_give_the_same_results_in_a_new_query(practice_factory):
    # Each group of words' matches is kept with the facet index; later queries combine them.
    practice_factory("Mentoring in Lyon", summary="Sport and music.")
    practice_factory("Mentoring for women", summary=OTHER_SUMMARY, background="Music on Fridays.")
    practice_factory("Sport for women", summary=OTHER_SUMMARY)
    queries = ["mentoring women", "mentoring OR sport", "women -music", '"mentoring for"', "music lyon"]
    first = {text: (search_practices(text).count, titles(text)) for text in queries}
    for text in ["mentoring", "women", "music", "sport", *queries]:
        titles(text)
    again = {text: (search_practices(text).count, titles(text)) for text in queries}
    assert again == first
    # Every word first, then the practices with one of the two (as rare as each other).
    assert first["mentoring women"][0] == 3
    assert first["mentoring women"][1][0] == "Mentoring for women"
    assert first["women -music"] == (1, ["Sport for women"])
    assert sorted(first["mentoring OR sport"][1]) == ["Mentoring for women", "Mentoring in Lyon", "Sport for women"]
    assert first['"mentoring for"'] == (1, ["Mentoring for women"])
    # Fewer than a page have every word or most of the rare ones: the practices with any word follow.
    assert first["music lyon"] == (2, ["Mentoring in Lyon", "Mentoring for women"])


def test_a_first_page_is_the_same_whether_the_head_tier_is_known_or_not(practice_factory, monkeypatch):
    # Not known yet: the engine gives the latest block of head matches. Known: taken from memory.
    monkeypatch.setattr(results, "RANK_BLOCK", 3)
    for n in range(7):
        practice_factory(f"Mentoring circle {n}", summary="Mentoring, mentoring and mentoring." if n % 2 else "")
    facet_index().memo.clear()
    search = search_practices("mentoring")
    assert not search.head_known()
    first = [p.title for p in search.results()[0:2]]
    assert not search.head_known()  # a full block of 3: the tier may be longer
    everything = titles("mentoring", 0, 7)  # pages beyond the block need the whole tier
    assert search_practices("mentoring").head_known()
    assert titles("mentoring", 0, 2) == first == everything[:2]
    assert set(first) < {"Mentoring circle 6", "Mentoring circle 5", "Mentoring circle 4"}  # the latest block
