from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Continent(models.TextChoices):
    AFRICA = "AF", _("Africa")
    ASIA = "AS", _("Asia")
    EUROPE = "EU", _("Europe")
    NORTH_AMERICA = "NA", _("North America")
    SOUTH_AMERICA = "SA", _("South America")
    OCEANIA = "OC", _("Oceania")
    ANTARCTICA = "AN", _("Antarctica")


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
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    needs_review = models.BooleanField(
        _("needs review"), default=False, help_text=_("Not found in the gazetteer: a moderator should check it.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(fields=["name", "kind", "country"], name="unique_place_per_country"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="longitude_in_range",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.COUNTRY:
            return str(self.country.name)
        return f"{self.name}, {self.country.name}"

    def get_absolute_url(self):
        return reverse("practices:list") + f"?country={self.country.code}"
