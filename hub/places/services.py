from django.db import transaction

from hub.lib.slugs import unique_slug
from hub.places import gazetteer
from hub.places.models import Place


@transaction.atomic
def place_get_or_create(*, name: str, country: str, kind: str = "") -> Place:
    """The place called `name` in `country`, found in the gazetteer when it can be.

    A name the gazetteer does not know is kept as typed and flagged for a moderator,
    never moved to a guessed location.
    """
    country = country.upper()
    country_info = gazetteer.countries().get(country, {})
    name = " ".join(name.split()) or country_info.get("name", country)
    if not kind:
        kind = Place.Kind.COUNTRY if gazetteer.fold(name) == gazetteer.fold(country_info.get("name", "")) else ""
    existing = Place.objects.filter(name__iexact=name, country=country)
    if kind:
        existing = existing.filter(kind=kind)
    if place := existing.first():
        return place

    latitude = longitude = None
    needs_review = False
    if kind == Place.Kind.COUNTRY:
        pass  # the country's own page and filter need no coordinates of their own
    elif kind != Place.Kind.REGION and (matches := gazetteer.find_cities(name, country)):
        kind = kind or Place.Kind.CITY
        latitude, longitude = matches[0]["latitude"], matches[0]["longitude"]
        name = matches[0]["name"] if gazetteer.fold(matches[0]["name"]) == gazetteer.fold(name) else name
    else:
        kind = kind or Place.Kind.CITY
        needs_review = True

    slug = unique_slug(Place, f"{name}-{country}", fallback=f"place-{country.lower()}")
    return Place.objects.create(
        name=name,
        slug=slug,
        kind=kind,
        country=country,
        continent=gazetteer.continent_of(country),
        latitude=latitude,
        longitude=longitude,
        needs_review=needs_review,
    )
