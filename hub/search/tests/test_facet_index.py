"""The in-memory facet index selects exactly what the SQL filters of the list select."""

import itertools
from datetime import date

import pytest

from hub.practices.filters import PracticeFilter
from hub.practices.models import Practice
from hub.search.facet_index import SMALL_ENTRY_BYTES, Memo, build_index
from hub.vocabularies.models import TargetGroup

pytestmark = pytest.mark.django_db

PLACES = [("Terrassa", "ES"), ("Dallas", "US"), ("Maipú", "CL"), ("Mechelen", "BE"), ("Barranquilla", "CO")]
TOPICS = [("education", "cultural"), ("employment", "socio-economic", "gcm-objective-6"), ("youth",), ()]


@pytest.fixture
def varied_practices(practice_factory):
    groups = list(TargetGroup.objects.all()[:3])
    made = []
    for n in range(16):
        start_year = 2015 + n % 6
        practice = practice_factory(
            f"Practice {n}",
            place=PLACES[n % len(PLACES)],
            topics=TOPICS[n % len(TOPICS)],
            start_date=date(start_year, 1, 1),
            end_date=None if n % 3 == 0 else date(start_year + n % 4, 12, 1),
            implementation=list(Practice.Implementation.values)[n % 4],
            evidence=list(Practice.Evidence.values)[n % 4] if n % 5 else "",
        )
        practice.target_groups.set(groups[: n % 4])
        made.append(practice)
    practice_factory("Not published", status=Practice.Status.SUBMITTED, topics=("education",))
    return made


FILTERS = [
    {},
    {"theme": "education"},
    {"dimension": "socio-economic"},
    {"gcm": "gcm-objective-6"},
    {"country": "ES"},
    {"continent": "SA"},
    {"year": "2017"},
    {"year": "2026"},
    {"target": "refugees"},
    {"implementation": "ongoing"},
    {"evidence": "monitored"},
]


def test_index_and_sql_select_the_same_practices_for_every_pair_of_filters(varied_practices):
    index = build_index(version=0)

    for first, second in itertools.combinations(FILTERS, 2):
        data = {**first, **second}
        filterset = PracticeFilter(data, queryset=Practice.objects.published())
        selected = index.select(filterset.chosen())

        from_index = {pk for i, pk in enumerate(index.ids) if selected >> i & 1}
        from_sql = set(filterset.qs.values_list("pk", flat=True))

        assert from_index == from_sql, data


def test_counts_match_the_sql_counts(varied_practices):
    index = build_index(version=0)
    counts = index.counts(index.everything)

    for option in counts["theme"]:
        expected = Practice.objects.published().filter(topics__slug=option.value).count()
        assert option.count == expected, option
    assert sum(o.count for o in counts["implementation"]) == Practice.objects.published().count()


def test_pages_come_newest_first_or_by_title(varied_practices):
    index = build_index(version=0)

    newest = index.pks(index.everything, start=0, stop=3)
    by_title = index.pks(index.everything, start=0, stop=3, by_title=True)

    assert newest == list(Practice.objects.published().newest_first().values_list("pk", flat=True)[:3])
    titles = sorted(Practice.objects.published().values_list("title", flat=True), key=str.casefold)[:3]
    assert [Practice.objects.get(pk=pk).title for pk in by_title] == titles


def test_the_memo_computes_a_value_once_and_drops_the_least_recently_used_beyond_its_budget():
    memo = Memo(budget=3 * SMALL_ENTRY_BYTES)
    computed = []

    def compute(key):
        computed.append(key)
        return key.upper()

    assert memo.get("a", lambda: compute("a")) == "A"
    assert memo.get("a", lambda: compute("a")) == "A"
    memo.get("b", lambda: compute("b"))
    memo.get("c", lambda: compute("c"))
    memo.get("a", lambda: compute("a"))  # a is now the most recently used
    memo.get("d", lambda: compute("d"))  # over budget: b goes
    assert computed == ["a", "b", "c", "d"]
    assert memo.get("b", lambda: compute("b")) == "B"
    assert computed[-1] == "b"
    memo.get("big", lambda: "x", size=lambda value: 10**6)  # alone over budget, still kept: nothing else is left
    assert memo.size == 10**6
    assert memo.get("big", lambda: compute("big")) == "x"


def test_the_memo_keeps_none_as_a_value():
    memo, computed = Memo(budget=10 * SMALL_ENTRY_BYTES), []
    assert memo.get("nothing", lambda: computed.append(1)) is None
    assert memo.get("nothing", lambda: computed.append(1)) is None
    assert computed == [1]
    assert memo.peek("nothing", "absent") is None
    assert memo.peek("other", "absent") == "absent"


def test_small_values_count_for_what_their_entries_take():
    # Words typed at random (a crawler, an attack) make many small entries: they must not pile up.
    memo = Memo(budget=10 * SMALL_ENTRY_BYTES)
    for n in range(1000):
        memo.get(("word documents", f"zz{n}"), lambda: 0)
    assert len(memo._values) == 10
    assert memo.size <= memo.budget


def test_the_memo_gives_its_most_recently_used_entries_of_a_kind_within_a_budget():
    memo = Memo(budget=10 * SMALL_ENTRY_BYTES)
    for key in [("search", "a"), ("other", "b"), ("search", "c"), ("search", "d")]:
        memo.get(key, lambda key=key: key[1].upper())
    memo.peek(("search", "a"))  # now the most recently used

    def wanted(key):
        return key[0] == "search"

    assert list(memo.recent(wanted, budget=10 * SMALL_ENTRY_BYTES).items()) == [
        (("search", "c"), "C"),
        (("search", "d"), "D"),
        (("search", "a"), "A"),
    ]
    assert list(memo.recent(wanted, budget=2 * SMALL_ENTRY_BYTES)) == [("search", "d"), ("search", "a")]
    assert memo.recent(wanted, budget=0) == {}
