from functools import cache

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from hub.places.names import place_name


class Continent(models.TextChoices):
    """Continents as the UN's M49 regions group them, with the Americas split as people who work on
    migration expect: Latin America and the Caribbean (Mexico to Chile), and Northern America."""

    AFRICA = "AF", _("Africa")
    ASIA = "AS", _("Asia")
    EUROPE = "EU", _("Europe")
    LATIN_AMERICA = "LA", _("Latin America and the Caribbean")
    NORTHERN_AMERICA = "NA", _("Northern America")
    OCEANIA = "OC", _("Oceania")
    ANTARCTICA = "AN", _("Antarctica")


# M49's "Northern America"; every other country of the Americas is in Latin America and the Caribbean.
NORTHERN_AMERICA = {"US", "CA", "BM", "GL", "PM"}
# Codes of before the M49 regions, still understood in addresses (?continent=SA).
OLD_CONTINENT_CODES = {"SA": "LA"}

# Page addresses stay English whatever the language of the page.
CONTINENT_SLUGS = {
    "AF": "africa",
    "AS": "asia",
    "EU": "europe",
    "LA": "latin-america-and-the-caribbean",
    "NA": "northern-america",
    "OC": "oceania",
    "AN": "antarctica",
}
CONTINENT_BY_SLUG = {slug: code for code, slug in CONTINENT_SLUGS.items()}
# Addresses of before the M49 regions: they redirect.
OLD_CONTINENT_SLUGS = {"south-america": "LA", "north-america": "NA"}


def country_slug(code: str) -> str:
    """The address of a country's page: its English name ("colombia", "united-states-of-america")."""
    with translation.override("en"):
        return slugify(str(countries.name(code))) or code.lower()


@cache
def _country_codes_by_slug() -> dict[str, str]:
    return {country_slug(code): code for code in countries.countries}


def country_from_slug(slug: str) -> str:
    """The ISO code of a country page's address, or ""."""
    return _country_codes_by_slug().get(slug, "")


def continent_url(code: str) -> str:
    return reverse("places:detail", args=[CONTINENT_SLUGS[code]])


def country_url(code: str) -> str:
    return reverse("places:detail", args=[country_slug(code)])


LATITUDE_RANGE = _("A latitude lies between -90 (South Pole) and 90 (North Pole).")
LONGITUDE_RANGE = _("A longitude lies between -180 and 180 (east of Greenwich is positive).")
LATITUDE_VALIDATORS = [MinValueValidator(-90, LATITUDE_RANGE), MaxValueValidator(90, LATITUDE_RANGE)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180, LONGITUDE_RANGE), MaxValueValidator(180, LONGITUDE_RANGE)]


class PlaceQuerySet(models.QuerySet):
    def located(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def in_bounds(self, *, south: float, west: float, north: float, east: float):
        located = self.located().filter(latitude__gte=south, latitude__lte=north)
        if west <= east:
            return located.filter(longitude__gte=west, longitude__lte=east)
        # The view crosses the antimeridian (the Pacific seen from Asia).
        return located.filter(models.Q(longitude__gte=west) | models.Q(longitude__lte=east))

    def awaiting_review(self):
        return self.filter(needs_review=True)

    def public(self):
        """Places that published content makes public: a city or region where some published content of
        any kind (a practice, a pledge, an event…) takes place, a country with such content anywhere inside.
        A place typed in a submission stays private until then.

        Asked place by place (EXISTS, from the indexes of the links): one place looked up by its slug
        costs milliseconds. As lists of every public place (IN), it cost seconds at 100 000 practices
        on SQLite, which built them whole for each place page."""
        from hub.publishing.kinds import KINDS

        here = models.Q(pk__in=[])
        in_country = models.Q(pk__in=[])
        for kind in KINDS.values():
            field = next((f for f in kind.model_class._meta.many_to_many if f.related_model is Place), None)
            if field is not None:
                published = kind.model_class.objects.published()
                here |= models.Q(models.Exists(published.filter(**{field.name: models.OuterRef("pk")})))
                in_country |= models.Q(
                    models.Exists(published.filter(**{f"{field.name}__country": models.OuterRef("country")}))
                )
        return self.filter(here | (models.Q(kind=Place.Kind.COUNTRY) & in_country))


class Place(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("City")
        REGION = "region", _("Province or region")
        COUNTRY = "country", _("Country")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CITY)
    country = CountryField(_("country"), db_index=True)
    continent = models.CharField(_("continent"), max_length=2, choices=Continent.choices, db_index=True)
    region = models.CharField(
        _("province or region"),
        max_length=200,
        blank=True,
        help_text=_("For a city: the province, region or state it lies in, to tell namesakes apart."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=LATITUDE_VALIDATORS)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=LONGITUDE_VALIDATORS)
    gazetteer_key = models.CharField(
        _("gazetteer entry"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("Where the gazetteer placed it (gn: a GeoNames id, sub: an ISO 3166-2 code); empty if by hand."),
    )
    needs_review = models.BooleanField(
        _("needs review"), default=False, help_text=_("Not found in the gazetteer: a moderator should check it.")
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(fields=["name", "kind", "country", "region"], name="unique_place_per_region"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="longitude_in_range",
            ),
            # Coordinates come in pairs: half a position would put a practice nowhere on the map.
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="coordinates_in_pairs",
                violation_error_message=_("Give both the latitude and the longitude, or neither."),
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.COUNTRY:
            return str(self.country.name)
        return f"{self.display_name}, {self.country.name}"

    def get_absolute_url(self):
        if self.kind == self.Kind.COUNTRY:
            return country_url(self.country.code)
        return reverse("places:detail", args=[self.slug])

    @property
    def display_name(self) -> str:
        """Its name in the reader's language where a source has it (regions: hub.places.names)."""
        return place_name(self.name, self.gazetteer_key)

    @property
    def is_placed(self) -> bool:
        """Found in the gazetteer or placed by a moderator; a name kept as typed is "not yet placed":
        shown by its country only, off the map and without a page of its own, until a moderator places it."""
        return not self.needs_review

    @property
    def country_url(self) -> str:
        return country_url(self.country.code)

    @property
    def continent_slug(self) -> str:
        return CONTINENT_SLUGS.get(self.continent, "")
