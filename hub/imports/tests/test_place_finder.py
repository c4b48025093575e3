"""The place-finder names where a practice is: the longest name, provinces before small towns, never
initials, never where people come from, and the text's country decides between namesakes."""

import sys
from pathlib import Path

import pytest

from hub.imports.extract import places
from hub.places import gazetteer
from hub.places.models import Place
from hub.places.services import place_get_or_create

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
import place_finder  # noqa: E402


def test_ontario_is_the_province_of_canada_not_the_town_in_california():
    assert places("Ontario opened welcome centres for newcomers.") == [("Ontario", "CA", "region")]
    assert places("The province of Ontario, Canada, funds language classes.") == [("Ontario", "CA", "region")]


def test_initials_are_never_a_place_so_the_ilo_is_not_ilo_in_peru():
    assert places("The ILO and IOM support the project.") == []
    assert places("Run with UNHCR in the USA.") == [("", "US", "country")]


def test_the_longest_name_wins_so_new_york_is_not_york_in_england():
    assert places("New York opened offices for newcomers.") == [("New York City", "US", "city")]
    assert places("Saudi Arabia launched Musaned.") == [("", "SA", "country")]


def test_a_possessive_still_names_its_place():
    assert places("Barcelona's libraries welcome migrants.") == [("Barcelona", "ES", "city")]
    assert places("Riga’s support centre combines state and city services.") == [("Riga", "LV", "city")]


def test_countries_people_come_from_are_not_where_the_practice_is():
    text = "Legal aid in Qatar for migrant workers from Nepal, India and Bangladesh."
    assert places(text) == [("", "QA", "country")]
    assert places("Cities welcome refugees, including those from Ukraine.") == []


def test_the_text_s_country_decides_between_namesakes():
    assert places("A project in London, Canada.") == [("London", "CA", "city")]
    assert places("A project in London.") == [("London", "GB", "city")]


def test_a_province_named_alone_is_a_province_where_its_towns_are_small():
    assert gazetteer.lookup("Sololá", "GT")[0].kind == gazetteer.KIND_REGION
    assert gazetteer.lookup("Salta", "AR")[0].kind == gazetteer.KIND_CITY


@pytest.mark.django_db
def test_an_imported_province_is_stored_as_a_province():
    from hub.imports.services import _Vocabulary

    [place] = _Vocabulary().places_for(type("R", (), {"places": places("Ontario funds it.")})())
    assert (place.name, place.kind, place.country.code) == ("Ontario", Place.Kind.REGION, "CA")
    assert place_get_or_create(name="Ontario", country="CA") == place


def test_on_real_passages_the_tuning_half_keeps_its_measured_precision_and_recall():
    tuning, _test = place_finder.halves()
    result = place_finder.score(tuning)
    assert result["precision"] >= 0.9 and result["recall"] >= 0.85
