"""The filters of the practice list, by the names used in every URL: pages, feeds and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from hub.lib.forms import country_choices
from hub.places.models import OLD_CONTINENT_CODES, Continent
from hub.practices.models import Practice
from hub.search.facet_index import FACETS
from hub.vocabularies.models import StakeholderType, TargetGroup, Topic


class PracticeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words"), method="filter_words", max_length=200)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Topic.objects.filter(kind=Topic.Kind.THEME),
        to_field_name="slug",
        method="filter_topic",
    )
    dimension = django_filters.ModelChoiceFilter(
        label=_("Integration dimension"),
        queryset=Topic.objects.filter(kind=Topic.Kind.DIMENSION),
        to_field_name="slug",
        method="filter_topic",
    )
    gcm = django_filters.ModelChoiceFilter(
        label=_("GCM objective"),
        queryset=Topic.objects.filter(kind=Topic.Kind.GCM_OBJECTIVE),
        to_field_name="slug",
        method="filter_topic",
    )
    stakeholder = django_filters.ModelChoiceFilter(
        label=_("Stakeholder type"),
        queryset=StakeholderType.objects.all(),
        to_field_name="slug",
        field_name="organisation__stakeholder_type",
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=country_choices, method="filter_country")
    continent = django_filters.ChoiceFilter(label=_("Continent"), choices=Continent.choices, method="filter_continent")
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year", min_value=1900, max_value=2100)
    target = django_filters.ModelChoiceFilter(
        label=_("Target group"), queryset=TargetGroup.objects.all(), to_field_name="slug", method="filter_target"
    )
    implementation = django_filters.ChoiceFilter(
        label=_("Implementation status"), choices=Practice.Implementation.choices
    )
    participation = django_filters.ChoiceFilter(
        label=_("Migrant participation"), choices=Practice.Participation.choices, field_name="migrant_participation"
    )
    evidence = django_filters.ChoiceFilter(label=_("Strength of evidence"), choices=Practice.Evidence.choices)
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("newest", _("Newest first")), ("title", _("Title, A–Z"))],
        method="sort_by",
        empty_label=None,
    )

    class Meta:
        model = Practice
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("continent") in OLD_CONTINENT_CODES:
            data = data.copy()
            data["continent"] = OLD_CONTINENT_CODES[data["continent"]]
        super().__init__(data, *args, **kwargs)

    FACETS = FACETS

    def filter_words(self, queryset, name, value):
        # Words are never matched in SQL: lists, feeds and the map take them to the search engine
        # through facets.selection_for(), so that the same query string finds the same practices.
        return queryset

    def filter_topic(self, queryset, name, value):
        return queryset.with_topic(value)

    def filter_country(self, queryset, name, value):
        return queryset.in_country(value)

    def filter_continent(self, queryset, name, value):
        return queryset.in_continent(value)

    def filter_year(self, queryset, name, value):
        return queryset.active_in_year(int(value))

    def filter_target(self, queryset, name, value):
        return queryset.for_target_group(value)

    def sort_by(self, queryset, name, value):
        return queryset

    @property
    def qs(self):
        queryset = super().qs
        if self.is_bound and self.cleaned().get("sort") == "title":
            return queryset.order_by("title", "pk")
        return queryset.newest_first()

    def active(self) -> dict:
        """The filters in force, {name: value as typed}, for "remove this filter" links."""
        return {name: self.data[name] for name in self.chosen()}

    def chosen(self) -> dict[str, str]:
        """The filters in force as the facet index names them: {"theme": "education", "year": "2022", …}."""
        chosen = {}
        for name, value in self.cleaned().items():
            if name not in self.FACETS or value in (None, ""):
                continue
            chosen[name] = value.slug if hasattr(value, "slug") else str(int(value)) if name == "year" else str(value)
        return chosen

    def cleaned(self) -> dict:
        """The values that passed validation; a bad value drops out and is reported in form.errors."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data


class PracticeSearchFilter(PracticeFilter):
    """The practice list's filters; the words go to the search engine, and it sorts by relevance."""

    q = django_filters.CharFilter(label=_("Words"), method="filter_words")  # any length: parse() cuts it
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("relevance", _("Relevance")), ("newest", _("Newest first"))],
        method="sort_by",
        empty_label=None,
    )

    def filter_words(self, queryset, name, value):
        return queryset
