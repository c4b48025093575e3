"""The filters of the pledge list, by the names used in its URLs: the page, its feed and the map."""

import django_filters
from django.utils.translation import gettext_lazy as _

from hub.lib.forms import CountryFilter, country_choices
from hub.places.models import Continent, Place
from hub.pledges.models import Initiative, Pledge, State
from hub.vocabularies.models import StakeholderType, Topic

FACETS = ("initiative", "state", "continent", "country", "city", "theme", "gcm", "body", "year")


class PledgeFilter(django_filters.FilterSet):
    initiative = django_filters.ModelChoiceFilter(
        label=_("Pledging initiative"), queryset=Initiative.objects.all(), to_field_name="slug"
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    continent = django_filters.ChoiceFilter(label=_("Continent"), choices=Continent.choices, method="filter_continent")
    country = CountryFilter(label=_("Country"), choices=country_choices, method="filter_country")
    city = django_filters.ModelChoiceFilter(
        label=_("City, province or region"),
        queryset=Place.objects.exclude(kind=Place.Kind.COUNTRY),
        to_field_name="slug",
        method="filter_place",
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Topic.objects.filter(kind=Topic.Kind.THEME),
        to_field_name="slug",
        method="filter_topic",
    )
    gcm = django_filters.ModelChoiceFilter(
        label=_("GCM objective"),
        queryset=Topic.objects.filter(kind=Topic.Kind.GCM_OBJECTIVE),
        to_field_name="slug",
        method="filter_topic",
    )
    body = django_filters.ModelChoiceFilter(
        label=_("Type of pledging body"),
        queryset=StakeholderType.objects.all(),
        to_field_name="slug",
        method="filter_body",
    )
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year", min_value=1900, max_value=2100)

    class Meta:
        model = Pledge
        fields = []

    def filter_continent(self, queryset, name, value):
        return queryset.in_continent(value)

    def filter_country(self, queryset, name, value):
        return queryset.in_country(value)

    def filter_place(self, queryset, name, value):
        return queryset.at_place(value)

    def filter_topic(self, queryset, name, value):
        return queryset.with_topic(value)

    def filter_body(self, queryset, name, value):
        return queryset.of_body_type(value)

    def filter_year(self, queryset, name, value):
        return queryset.active_in_year(int(value))

    def cleaned(self) -> dict:
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def chosen(self) -> dict[str, str]:
        """The filters in force, {name: value as in the URL}."""
        chosen = {}
        for name, value in self.cleaned().items():
            if name in FACETS and value not in (None, ""):
                chosen[name] = (
                    value.slug if hasattr(value, "slug") else str(int(value)) if name == "year" else str(value)
                )
        return chosen
