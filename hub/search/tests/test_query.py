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


def test_function_words_of_five_languages_are_left_out_of_a_query_with_other_words():
    assert str(parse("learning the language while cooking")) == "learning language cooking"
    assert str(parse("campagne contre les rumeurs sur les immigrés")) == "campagne contre rumeurs immigres"
    assert str(parse("empleo para solicitantes de asilo")) == "empleo solicitantes asilo"
    assert str(parse("apoio aos imigrantes em Lisboa")) == "apoio imigrantes lisboa"
    assert str(parse("السكن في المدينة")) == "السكن المدينة"
    # Alone they are still a query; negations and words of another language stay.
    assert str(parse("the")) == "the"
    assert str(parse("papeles sin papeles son")) == "papeles sin papeles son"


def test_a_hyphenated_compound_is_a_phrase_or_one_word():
    compound = parse("anti-rumour").groups[0][0]
    assert compound.joined
    assert ("anti", "rumor") in compound.alternatives()  # British -our is the American -or (analysis.py)
    assert ("antirumor",) in compound.alternatives()  # as the Spanish `antirumores` is indexed
    quoted = parse('"anti rumour"').groups[0][0]
    assert not quoted.joined and ("antirumor",) not in quoted.alternatives()


def test_a_compound_may_be_replaced_by_its_words():
    query = parse("myth-busting about immigrants")
    assert str(query.with_parts([query.groups[0][0]])) == "myth busting immigrants"
