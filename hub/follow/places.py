"""A place page's address (a continent's, a country's or a city's slug) as something to follow."""

from dataclasses import dataclass

from django_countries import countries

from hub.places.models import (
    CONTINENT_BY_SLUG,
    CONTINENT_SLUGS,
    Continent,
    Place,
    country_from_slug,
    country_slug,
)


@dataclass(frozen=True)
class PlaceKey:
    slug: str
    name: str
    continent: str = ""
    country: str = ""
    place: Place | None = None

    def practices(self, practices):
        if self.continent:
            return practices.in_continent(self.continent)
        if self.country:
            return practices.in_country(self.country)
        return practices.filter(places=self.place)


def place_key(slug: str) -> PlaceKey:
    """LookupError for a slug that names no continent, country or public place."""
    if code := CONTINENT_BY_SLUG.get(slug):
        return PlaceKey(slug, str(Continent(code).label), continent=code)
    if code := country_from_slug(slug):
        return PlaceKey(slug, str(countries.name(code)), country=code)
    place = Place.objects.public().filter(slug=slug).exclude(kind=Place.Kind.COUNTRY).first()
    if place is None:
        raise LookupError(slug)
    return PlaceKey(slug, place.name, place=place)


def place_keys_of(place: Place) -> set[str]:
    """Every place page a practice in this place appears on."""
    keys = {country_slug(place.country.code), place.slug}
    if place.continent in CONTINENT_SLUGS:
        keys.add(CONTINENT_SLUGS[place.continent])
    return keys
