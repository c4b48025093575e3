"""A query keeps, for the engine, only the word forms that the index holds."""

from hub.search.query import Term, parse


def test_a_phrase_keeps_only_the_stems_the_index_holds():
    phrase = parse('"peer mentoring"').groups[0][0]
    assert len(phrase.alternatives()) > 1  # one stem sequence per language
    assert phrase.within({"peer", "mentor"}).alternatives() == (("peer", "mentor"),)
    assert phrase.within({"peer"}).alternatives() == ()


def test_a_query_with_a_group_the_index_cannot_match_is_none():
    vocabulary = {"refuge", "hous"}
    assert parse("refugees housing").within(vocabulary) is not None
    assert parse("refugees zzyzx").within(vocabulary) is None
    # ... unless another word of the group may match
    assert parse("refugees OR zzyzx").within(vocabulary).groups == [[Term(("refugees",), (("refuge",),))]]


def test_an_excluded_word_the_index_does_not_hold_excludes_nothing():
    query = parse("refugees -zzyzx").within({"refuge"})
    assert query.excluded == []
    assert str(query) == "refugees"
