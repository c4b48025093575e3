"""The filters of the event lists, the month view and the iCal feed, by the names used in their URLs."""

import re
from datetime import date, datetime, timedelta

import django_filters
from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from hub.events.models import Event
from hub.lib.forms import CountryFilter, QuickSelect, country_choices
from hub.places.models import Place
from hub.search.listing import listing_version
from hub.vocabularies.models import Topic

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# The widest distance between a zone's clock and UTC: a month's events are looked for this far
# beyond its edges, then kept by their own local dates.
MARGIN = timedelta(hours=14)


def parse_month(text: str) -> date | None:
    match = MONTH.match(text or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def month_bounds(first: date, last: date | None = None) -> tuple[datetime, datetime]:
    from datetime import UTC

    last = last or next_month(first)
    start = datetime.combine(first, datetime.min.time(), tzinfo=UTC) - MARGIN
    end = datetime.combine(last, datetime.min.time(), tzinfo=UTC) + MARGIN
    return start, end


def longest_published() -> timedelta:
    """How long the longest published event lasts, kept until public content changes (the listing version)."""
    key = f"events:longest:{listing_version()}"
    return cache.get_or_set(key, lambda: Event.objects.published().longest(), 24 * 3600)


class MonthField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        if value and parse_month(value) is None:
            raise forms.ValidationError(_("Give a month as YYYY-MM, for example 2026-07."))
        return value


class MonthFilter(django_filters.CharFilter):
    field_class = MonthField


class EventFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Topic.objects.filter(kind=Topic.Kind.THEME),
        to_field_name="slug",
        method="filter_topic",
        widget=QuickSelect,
    )
    type = django_filters.ChoiceFilter(label=_("Type"), choices=Event.Type.choices, widget=QuickSelect)
    country = CountryFilter(label=_("Country"), choices=country_choices, method="filter_country", widget=QuickSelect)
    place = django_filters.ModelChoiceFilter(
        label=_("Place"),
        queryset=Place.objects.all(),
        to_field_name="slug",
        field_name="place",
        widget=forms.HiddenInput,
    )
    month = MonthFilter(
        label=_("Month"),
        method="filter_month",
        widget=forms.TextInput(attrs={"type": "month", "placeholder": _("YYYY-MM")}),
    )

    class Meta:
        model = Event
        fields = []

    def filter_topic(self, queryset, name, value):
        return queryset.with_topic(value)

    def filter_country(self, queryset, name, value):
        return queryset.in_country(value)

    def filter_month(self, queryset, name, value):
        first = parse_month(value)
        start, end = month_bounds(first)
        return queryset.overlapping(start, end)

    def cleaned(self) -> dict:
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def query(self, *, without=()) -> str:
        data = self.data.copy() if self.is_bound else None
        if data is None:
            return ""
        for name in ("page", *without):
            data.pop(name, None)
        return data.urlencode()
