"""Typed place names find the right place in the offline gazetteer, or are kept as typed for a moderator."""

import math

import pytest

from hub.places import gazetteer
from hub.places.models import Place
from hub.places.services import KEEP_AS_TYPED, place_get_or_create

pytestmark = pytest.mark.django_db

# Coordinates looked up by hand (Wikipedia's infoboxes), not taken from the gazetteer under test.
REAL_PLACES = [
    # typed name, country, kind, real latitude, real longitude
    ("Dallas", "US", Place.Kind.CITY, 32.7767, -96.7970),
    ("Mechelen", "BE", Place.Kind.CITY, 51.0259, 4.4776),
    ("Terrassa", "ES", Place.Kind.CITY, 41.5633, 2.0089),
    ("Maipú", "CL", Place.Kind.CITY, -33.5000, -70.7667),
    ("Carmen de la Legua", "PE", Place.Kind.CITY, -12.0333, -77.1000),
    ("Laguna Province", "PH", Place.Kind.REGION, 14.1667, 121.3333),
]


def kilometres_between(lat1, lng1, lat2, lng2) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lng2 - lng1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(("name", "country", "kind", "latitude", "longitude"), REAL_PLACES)
def test_the_places_of_the_issue_resolve_to_their_country_within_25_km(name, country, kind, latitude, longitude):
    place = place_get_or_create(name=name, country=country)

    assert place.country.code == country
    assert place.kind == kind
    assert not place.needs_review
    assert place.continent == gazetteer.continent_of(country)
    distance = kilometres_between(place.latitude, place.longitude, latitude, longitude)
    assert distance < 25, f"{name} placed {distance:.0f} km from where it is"


def test_a_name_typed_without_accents_finds_the_accented_place():
    place = place_get_or_create(name="maipu", country="CL")
    assert place.name == "Maipú"


def test_the_likeliest_dallas_is_the_big_one_in_texas_and_the_others_are_offered():
    matches = gazetteer.lookup("Dallas", "US")
    assert matches[0].region == "Texas"
    assert {"Oregon", "Georgia"} <= {match.region for match in matches[1:]}
    assert not gazetteer.is_ambiguous(matches), "a town of 15 000 people should not make Dallas, Texas, doubtful"


def test_two_towns_of_one_name_and_similar_size_are_ambiguous():
    matches = gazetteer.lookup("Maipú", "AR")
    assert {match.region for match in matches} >= {"Mendoza", "Buenos Aires"}
    assert gazetteer.is_ambiguous(matches)


def test_a_choice_among_namesakes_is_kept_apart_from_the_likeliest():
    mendoza = next(match for match in gazetteer.lookup("Maipú", "AR") if match.region == "Mendoza")
    chosen = place_get_or_create(name="Maipú", country="AR", choice=mendoza.key)
    other = place_get_or_create(
        name="Maipú",
        country="AR",
        choice=next(match.key for match in gazetteer.lookup("Maipú", "AR") if match.region != "Mendoza"),
    )

    assert chosen.region == "Mendoza"
    assert chosen.latitude == pytest.approx(-32.98, abs=0.1)
    assert other.pk != chosen.pk
    assert place_get_or_create(name="Maipú", country="AR", choice=mendoza.key) == chosen


def test_a_town_and_its_province_of_the_same_name_prefer_the_town_unless_province_is_typed():
    assert place_get_or_create(name="Mendoza", country="AR").kind == Place.Kind.CITY
    assert place_get_or_create(name="Mendoza Province", country="AR").kind == Place.Kind.REGION


def test_an_empty_name_or_the_country_name_means_the_whole_country_with_its_centre():
    whole = place_get_or_create(name="", country="PH")
    assert whole.kind == Place.Kind.COUNTRY
    assert place_get_or_create(name="Philippines", country="PH") == whole
    assert kilometres_between(whole.latitude, whole.longitude, 13.0, 122.0) < 300


def test_an_unknown_place_is_kept_as_typed_and_flagged_never_put_somewhere():
    place = place_get_or_create(name="  Barrio  Esperanza Nueva Xq ", country="CO")

    assert place.name == "Barrio Esperanza Nueva Xq"
    assert place.country.code == "CO"
    assert place.needs_review
    assert place.latitude is None and place.longitude is None
    assert place_get_or_create(name="barrio esperanza nueva xq", country="CO") == place


def test_keep_as_typed_stores_the_name_even_when_the_gazetteer_knows_a_namesake():
    place = place_get_or_create(name="Dallas", country="US", choice=KEEP_AS_TYPED)
    assert place.needs_review
    assert place.latitude is None


def test_a_forged_choice_falls_back_to_the_likeliest_place_of_the_name():
    place = place_get_or_create(name="Terrassa", country="ES", choice="gn:4684888")  # Dallas' id
    assert place.name == "Terrassa"
