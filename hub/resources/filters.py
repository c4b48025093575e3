"""The filters of the resource list, by the names used in its URLs and its feed.

The list counts and selects through the resources' facet index (facets.py), as the practices do;
the feed and the follow digests filter in SQL with the same FilterSet.
"""

from dataclasses import dataclass

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hub.lib.forms import CountryFilter, country_choices
from hub.resources.facets import FACETS
from hub.resources.models import LANGUAGE_CHOICES, Resource
from hub.search.facet_index import FacetOption
from hub.vocabularies.models import Topic


class ResourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words in the title or summary"), method="filter_words", max_length=200)
    type = django_filters.ChoiceFilter(label=_("Type"), choices=Resource.Type.choices)
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
    language = django_filters.ChoiceFilter(label=_("Language"), choices=LANGUAGE_CHOICES, method="filter_language")
    country = CountryFilter(label=_("Country"), choices=country_choices, method="filter_country")
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="issued", lookup_expr="year", min_value=1900, max_value=2100
    )

    class Meta:
        model = Resource
        fields = []

    def filter_words(self, queryset, name, value):
        return self.with_words(queryset, value)

    @staticmethod
    def with_words(queryset, words: str):
        # Plain SQL matching until search works by kind (hub/search is being reorganised).
        return queryset.filter(Q(title__icontains=words) | Q(summary__icontains=words))

    def filter_topic(self, queryset, name, value):
        return queryset.with_topic(value)

    def filter_language(self, queryset, name, value):
        return queryset.in_language(value)

    def filter_country(self, queryset, name, value):
        return queryset.in_country(value)

    @property
    def qs(self):
        return super().qs.newest_first()

    def cleaned(self) -> dict:
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def chosen(self) -> dict[str, str]:
        """The filters in force as the facet index names them: {"theme": "education", "year": "2022", …}."""
        chosen = {}
        for name, value in self.cleaned().items():
            if name not in FACETS or value in (None, ""):
                continue
            chosen[name] = value.slug if hasattr(value, "slug") else str(int(value)) if name == "year" else str(value)
        return chosen

    def active(self) -> dict[str, str]:
        return {
            name: self.data[name]
            for name, value in self.cleaned().items()
            if name in FACETS and value not in (None, "")
        }


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[FacetOption]
    selected: str


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_url: str


def facet_panel(filterset, counts) -> tuple[list[Facet], list[ActiveFilter]]:
    data = filterset.data if filterset.is_bound else {}
    fields = filterset.form.fields
    groups = [Facet(name, str(fields[name].label), counts[name], data.get(name, "")) for name in FACETS]
    active = []
    for name, value in filterset.active().items():
        label = next((option.label for option in counts[name] if option.value == value), value)
        remaining = data.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        active.append(ActiveFilter(str(fields[name].label), label, f"?{remaining.urlencode()}"))
    return groups, active
