"""Every write to a place: found in the gazetteer, kept as typed, or corrected by a moderator."""

import time

from django.core.cache import cache
from django.db import transaction

from hub.lib.slugs import unique_slug
from hub.places import gazetteer
from hub.places.models import CONTINENT_BY_SLUG, OLD_CONTINENT_SLUGS, Place, _country_codes_by_slug

# The value of "none of these: keep the name as I typed it" among the candidates of an ambiguous name.
KEEP_AS_TYPED = "typed"
EXISTING_PREFIX = "place:"
# Bumped when a moderator moves a place: the map's cached counts key on it.
PLACES_VERSION_KEY = "places:version"
# Slugs that are the addresses of continent and country pages.
RESERVED_SLUGS = set(CONTINENT_BY_SLUG) | set(OLD_CONTINENT_SLUGS)


def _clean_name(name: str) -> str:
    return " ".join((name or "").split())


def _free_slug(name: str, country: str) -> str:
    slug = unique_slug(Place, f"{name}-{country}", fallback=f"place-{country.lower()}")
    if slug in RESERVED_SLUGS or slug in _country_codes_by_slug():
        slug = unique_slug(Place, f"{name}-{country}-place", fallback=f"place-{country.lower()}")
    return slug


def _from_match(match: gazetteer.Match) -> Place:
    if place := Place.objects.filter(gazetteer_key=match.key).first():
        return place
    region = match.region if match.kind == Place.Kind.CITY else ""
    same = Place.objects.filter(name=match.name, kind=match.kind, country=match.country, region=region).first()
    if same:
        # Made by hand or before the gazetteer knew it: keep the moderator's coordinates, remember the entry.
        if not same.gazetteer_key:
            same.gazetteer_key = match.key
            same.save(update_fields=["gazetteer_key"])
        return same
    return Place.objects.create(
        name=match.name,
        slug=_free_slug(match.name, match.country),
        kind=match.kind,
        country=match.country,
        continent=gazetteer.continent_of(match.country),
        region=region,
        latitude=match.latitude,
        longitude=match.longitude,
        gazetteer_key=match.key,
    )


def _kept_as_typed(name: str, country: str, kind: str) -> Place:
    """A name the gazetteer does not know: stored as typed, without coordinates, for a moderator to check."""
    existing = Place.objects.filter(name__iexact=name, country=country, gazetteer_key="")
    if kind:
        existing = existing.filter(kind=kind)
    if place := existing.order_by("region", "pk").first():
        return place
    return Place.objects.create(
        name=name,
        slug=_free_slug(name, country),
        kind=kind or Place.Kind.CITY,
        country=country,
        continent=gazetteer.continent_of(country),
        needs_review=True,
    )


@transaction.atomic
def place_get_or_create(*, name: str, country: str, kind: str = "", choice: str = "") -> Place:
    """The place called `name` in `country`, found in the gazetteer when it can be.

    `choice` is what the submitter picked among the candidates of an ambiguous name: a gazetteer
    key, "place:<id>" for a place already stored, or "typed" to keep the name as typed. Without it
    the likeliest candidate is taken. A name the gazetteer does not know is kept as typed and
    flagged for a moderator, never moved to a guessed location.
    """
    country = (country or "").upper()
    name = _clean_name(name)
    if choice.startswith(EXISTING_PREFIX):
        place_id = choice.removeprefix(EXISTING_PREFIX)
        if place_id.isdigit() and (place := Place.objects.filter(pk=int(place_id), country=country).first()):
            return place
    if choice == KEEP_AS_TYPED and name:
        return _kept_as_typed(name, country, kind)

    matches = gazetteer.lookup(name, country, kind=kind)
    chosen = next((match for match in matches if match.key == choice), None) if choice else None
    if chosen is None and matches:
        # A place stored by hand under this very name (a moderator's correction) beats the gazetteer's guess.
        by_hand = Place.objects.filter(name__iexact=name, country=country, gazetteer_key="", needs_review=False)
        if kind:
            by_hand = by_hand.filter(kind=kind)
        if place := by_hand.first():
            return place
        chosen = matches[0]
    if chosen is not None:
        return _from_match(chosen)
    return _kept_as_typed(name or country, country, kind)


@transaction.atomic
def place_update(
    *,
    place: Place,
    name: str,
    kind: str,
    country: str,
    region: str = "",
    latitude: float | None,
    longitude: float | None,
) -> Place:
    """A moderator's correction: what they set is what stays, and the place no longer waits for review."""
    place.name = _clean_name(name)
    place.kind = kind
    place.country = country
    place.continent = gazetteer.continent_of(country) or place.continent
    place.region = _clean_name(region)
    place.latitude, place.longitude = latitude, longitude
    place.needs_review = False
    place.full_clean()
    place.save()
    transaction.on_commit(lambda: cache.set(PLACES_VERSION_KEY, time.time_ns(), None))
    return place
