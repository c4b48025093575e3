"""The filters of the resource list, by the names used in its URLs and its feed, and their counts.

Counts are computed in SQL over the published resources the other filters select: one query per
filter, whatever the number of resources. (Practices use an in-memory facet index; resources are
fewer, and moving them into that index belongs to the work on search by kind.)
"""

import hashlib
from dataclasses import dataclass

import django_filters
from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from hub.places.models import Place
from hub.resources.models import LANGUAGE_CHOICES, LANGUAGE_NAMES, Resource
from hub.search.listing import listing_version
from hub.vocabularies.models import Topic

FACETS = ("type", "theme", "gcm", "language", "country", "year")


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
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries, method="filter_country")
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="issued", lookup_expr="year", min_value=1900, max_value=2100
    )

    class Meta:
        model = Resource
        fields = []

    def filter_words(self, queryset, name, value):
        # Plain SQL matching until search works by kind (hub/search is being reorganised).
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))

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

    def active(self) -> dict[str, str]:
        return {
            name: self.data[name]
            for name, value in self.cleaned().items()
            if name in FACETS and value not in (None, "")
        }


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[Option]
    selected: str


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_url: str


def _ids(resources):
    return resources.order_by().values("pk")


def cached_facet_counts(resources, filterset) -> dict[str, list[Option]]:
    """facet_counts(), kept until public content changes (the listing version): the same filters
    give the same counts on every page of the list and in every process."""
    chosen = sorted((name, str(value)) for name, value in filterset.cleaned().items() if value not in (None, ""))
    digest = hashlib.sha256(repr(chosen).encode()).hexdigest()[:24]
    key = f"resources:facets:{get_language()}:{listing_version()}:{digest}"
    return cache.get_or_set(key, lambda: facet_counts(resources), 24 * 3600)


def facet_counts(resources) -> dict[str, list[Option]]:
    """For each filter, its values with the number of `resources` having each (zeros left out)."""
    ids = _ids(resources)
    through = Resource.topics.through.objects.filter(resource_id__in=ids)
    topic_rows = through.values("topic_id").annotate(n=Count("resource_id")).order_by()
    topic_counts = {row["topic_id"]: row["n"] for row in topic_rows}
    topics = [
        t for t in Topic.objects.filter(kind__in=[Topic.Kind.THEME, Topic.Kind.GCM_OBJECTIVE]) if t.pk in topic_counts
    ]
    types = dict(resources.order_by().values_list("type").annotate(n=Count("pk")))
    languages = dict(
        Resource.languages.through.objects.filter(resource_id__in=ids)
        .values_list("language_id")
        .annotate(n=Count("resource_id"))
        .order_by()
    )
    country_rows = (
        Place.objects.filter(resources__in=ids)
        .order_by()
        .values_list("country")
        .annotate(n=Count("resources", distinct=True))
    )
    years = (
        resources.order_by()
        .exclude(issued=None)
        .annotate(y=ExtractYear("issued"))
        .values_list("y")
        .annotate(n=Count("pk"))
    )
    return {
        "type": [Option(value, str(label), types[value]) for value, label in Resource.Type.choices if value in types],
        "theme": [Option(t.slug, t.name, topic_counts[t.pk]) for t in topics if t.kind == Topic.Kind.THEME],
        "gcm": [Option(t.slug, str(t), topic_counts[t.pk]) for t in topics if t.kind == Topic.Kind.GCM_OBJECTIVE],
        "language": sorted(
            (Option(code, str(LANGUAGE_NAMES.get(code, code)), n) for code, n in languages.items()),
            key=lambda o: o.label,
        ),
        "country": sorted(
            (Option(code, str(countries.name(code)), n) for code, n in country_rows), key=lambda o: o.label
        ),
        "year": [Option(str(y), str(y), n) for y, n in sorted(years, reverse=True)],
    }


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
