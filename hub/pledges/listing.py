"""What the pledge list shows besides the pledges: each filter's options with their counts, and the
totals of the selection (pledges, bodies, countries, the sum of each target unit).

Selected and counted from the published pledges' filter values held in memory as bitsets: the facet
index of the practices and the resources (hub/search/facet_index.py), over pledges, with the years,
pledging bodies and targets beside it as arrays. A combination of filters asked for the first time
costs no query beyond the cards of its page; the SQL that counted it from the links of its pledges
was most of such a page's time. The index is rebuilt, in the request that notices, when the change log
names a pledge or a bulk change (as the resources' is), so a pledge's publication shows on the next
page of the list, in every process; other kinds' changes leave it as it is.
"""

from array import array
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db.models import CharField
from django.db.models.functions import Cast, Substr
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import get_language
from django_countries import countries

from hub.places.models import Continent, Place
from hub.pledges.filters import FACETS
from hub.pledges.models import Initiative, Pledge, State, Target
from hub.search.facet_index import (
    FacetIndex,
    FacetOption,
    IndexSelection,
    LiveIndex,
    alphabetical_key,
    facet_options,
    log_since_now,
    postings_of,
    rebuilt_on_changes_of,
)
from hub.vocabularies.models import StakeholderType, Topic

MAX_CITY_OPTIONS = 100
TOTAL_UNITS = 12
TOPIC_FACET = {Topic.Kind.THEME: "theme", Topic.Kind.GCM_OBJECTIVE: "gcm"}
# The facets held as bitsets; the year, a range of years a pledge, is selected and counted from arrays.
BITSET_FACETS = tuple(name for name in FACETS if name != "year")
# The year of a pledge without a start or an end: no year is after it, or before it.
NO_YEAR = 1_000_000
# Labels read in the reader's language when shown (FacetIndex translates each once a language).
country_label = lazy(lambda code: str(countries.name(code)), str)
term_label = lazy(str, str)


@dataclass(frozen=True)
class Group:
    name: str
    label: str
    options: list[FacetOption]
    selected: str


@dataclass(frozen=True)
class Totals:
    pledges: int
    bodies: int
    countries: int
    units: list[tuple[str, int]]


class PledgeIndex(FacetIndex):
    """The facet index of the published pledges, with per position the years the year filter compares
    (start and end; NO_YEAR where there is none), the pledging body, and the targets as three arrays
    (the pledge's position, the unit's number in `units`, the number)."""

    def __init__(self, *, start_years, end_years, organisations, targets, units, **index):
        super().__init__(**index)
        self.start_years, self.end_years, self.organisations = start_years, end_years, organisations
        self.target_position, self.target_unit, self.target_number = targets
        self.units = units

    def active_in(self, year: int) -> int:
        """The pledges running in `year`, as the year filter selects them (Pledge.objects.active_in_year)."""
        return _bits((self.start_years <= year) & (self.end_years >= year))


def _bits(flags: np.ndarray) -> int:
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def _flags(bits: int, size: int) -> np.ndarray:
    packed = np.frombuffer(bits.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(packed, count=size, bitorder="little").astype(bool)


def _years(field: str):
    # The year as the text of the date's first four digits: making 20 000 dates in Python (or, on SQLite,
    # extracting years with a function written in Python) would be most of the build.
    return Substr(Cast(field, output_field=CharField()), 1, 4)


def build_pledge_index(version) -> PledgeIndex:
    seen, log_since = log_since_now()  # read first: a change committed during the build is noticed after
    with translation.override(settings.LANGUAGE_CODE):
        published = Pledge.objects.published()
        rows = list(
            published.newest_first()
            .annotate(start_year=_years("start_date"), end_year=_years("end_date"))
            .values_list(
                "pk",
                "initiative_id",
                "state",
                "organisation_id",
                "organisation__stakeholder_type_id",
                "start_year",
                "end_year",
            )
        )
        position = {row[0]: i for i, row in enumerate(rows)}
        members, labels, declare = facet_options()

        # Declared in the order the options are shown (countries and cities are sorted when counted).
        initiatives = {}
        for initiative in Initiative.objects.order_by("name"):
            initiatives[initiative.pk] = initiative.slug
            declare("initiative", initiative.slug, initiative.name)
        for value, label in State.choices:
            declare("state", value, label)
        for value, label in Continent.choices:
            declare("continent", value, label)
        topics = {t.pk: t for t in Topic.objects.filter(kind__in=list(TOPIC_FACET))}
        for topic in topics.values():
            declare(TOPIC_FACET[topic.kind], topic.slug, term_label(topic))
        bodies = {}
        for body in StakeholderType.objects.all():
            bodies[body.pk] = body.slug
            declare("body", body.slug, term_label(body))

        for i, (_pk, initiative, state, _organisation, body, _start, _end) in enumerate(rows):
            if initiative is not None:
                members["initiative", initiatives[initiative]].append(i)
            if ("state", state) not in members:  # a state no longer offered
                declare("state", state, state)
            members["state", state].append(i)
            if body is not None:
                members["body", bodies[body]].append(i)
        # The links of every pledge, published or not (those not published are left out here): on SQLite,
        # asking only for the published pledges' links took three times as long.
        linked = Place.objects.filter(pk__in=Pledge.places.through.objects.values("place_id"))
        continents = set(Continent.values)
        place_keys = {}
        for pk, continent, country, kind, slug, name in linked.values_list(
            "pk", "continent", "country", "kind", "slug", "name"
        ):
            keys = place_keys[pk] = [("continent", continent)] if continent in continents else []
            if ("country", country) not in members:
                declare("country", country, country_label(country))
            keys.append(("country", country))
            if kind != Place.Kind.COUNTRY:
                if ("city", slug) not in members:
                    declare("city", slug, name)
                keys.append(("city", slug))
        for pledge, place in Pledge.places.through.objects.values_list("pledge_id", "place_id"):
            if (i := position.get(pledge)) is not None:
                for key in place_keys[place]:
                    members[key].append(i)
        topic_keys = {pk: (TOPIC_FACET[topic.kind], topic.slug) for pk, topic in topics.items()}
        for pledge, topic in Pledge.topics.through.objects.values_list("pledge_id", "topic_id"):
            if (i := position.get(pledge)) is not None and topic in topic_keys:
                members[topic_keys[topic]].append(i)

        units: dict[str, int] = {}
        target_rows = [
            (i, units.setdefault(unit, len(units)), number)
            for pledge, unit, number in Target.objects.values_list("pledge_id", "unit", "number")
            if (i := position.get(pledge)) is not None
        ]
        targets = np.array(target_rows, dtype=np.int64).reshape(-1, 3)
        return PledgeIndex(
            version=version,
            ids=array("q", (row[0] for row in rows)),
            title_keys=np.full(len(rows), "", dtype=object),  # the list is never by title
            published=np.full(len(rows), -1, dtype=np.int64),  # no update in place: rebuilt on a change
            postings=postings_of(members, labels, len(rows)),
            labels=labels,
            link_place=np.empty(0, dtype=np.int64),  # pledges are not on the practices' map
            link_position=np.empty(0, dtype=np.int64),
            vocabulary={},
            seen=seen,
            log_since=log_since,
            by_title=np.arange(len(rows), dtype=np.int64),
            facets=BITSET_FACETS,
            alphabetical=(),
            start_years=np.array([int(row[5]) if row[5] else NO_YEAR for row in rows], dtype=np.int64),
            end_years=np.array([int(row[6]) if row[6] else NO_YEAR for row in rows], dtype=np.int64),
            organisations=np.array([row[3] for row in rows], dtype=np.int64),
            targets=(targets[:, 0].copy(), targets[:, 1].copy(), targets[:, 2].copy()),
            units=list(units),
        )


PLEDGES = LiveIndex(
    "pledges", build=build_pledge_index, catch_up=rebuilt_on_changes_of(Pledge._meta.label_lower), in_background=False
)


def pledge_index() -> PledgeIndex:
    return PLEDGES.get()


def select(index: PledgeIndex, chosen: dict[str, str]) -> int:
    """The bitset of the published pledges the chosen filters select ({name: value as in the URL})."""
    bits = index.select({name: value for name, value in chosen.items() if name != "year"})
    if "year" in chosen:
        bits &= index.active_in(int(chosen["year"]))
    return bits


def cards(index: PledgeIndex, bits: int) -> IndexSelection:
    """The selected pledges, newest first, for a paginator."""
    return IndexSelection(index, bits, cards=Pledge.objects.for_cards())


def _year_options(index: PledgeIndex, flags: np.ndarray, chosen: str | None) -> list[FacetOption]:
    """The years the selected pledges run in, newest first, each with as many pledges as the year
    filter would select: an ongoing pledge, with no end, counts in every year shown from its start on
    (up to this year, the latest year a selected pledge reaches, or the year chosen)."""
    starts = index.start_years[flags]
    ends = index.end_years[flags][starts != NO_YEAR]
    starts = starts[starts != NO_YEAR]
    if not len(starts):
        return []
    dated = ends[ends != NO_YEAR]
    last = max(timezone.localdate().year, int(starts.max()), int(dated.max(initial=0)), int(chosen or 0))
    ends = np.where(ends == NO_YEAR, last, ends)
    first = int(starts.min())
    span = last - first + 1
    # Each pledge adds one from its start year and takes it back after its end year.
    changes = np.bincount(starts - first, minlength=span + 1) - np.bincount(ends + 1 - first, minlength=span + 1)
    running = np.cumsum(changes)[:span].tolist()
    return [FacetOption(str(first + i), str(first + i), n) for i, n in reversed(list(enumerate(running))) if n]


def panel(index: PledgeIndex, bits: int, chosen: dict[str, str]) -> tuple[dict[str, list[FacetOption]], Totals]:
    """The facets and totals of a selection of published pledges."""
    if not chosen:  # the unfiltered list, asked for most: its panel is kept with the index, a language
        return index.memo.get(("pledge panel", get_language()), lambda: _panel(index, bits, chosen), _panel_bytes)
    return _panel(index, bits, chosen)


def _panel_bytes(found) -> int:
    return 200 * sum(len(options) for options in found[0].values())


def _panel(index: PledgeIndex, bits: int, chosen: dict[str, str]) -> tuple[dict[str, list[FacetOption]], Totals]:
    facets = dict(index.counts(bits))
    facets["theme"] = sorted(facets["theme"], key=lambda option: alphabetical_key(option.label))
    facets["country"] = sorted(facets["country"], key=lambda option: option.label)
    busiest = sorted(facets["city"], key=lambda option: (-option.count, option.label))[:MAX_CITY_OPTIONS]
    facets["city"] = sorted(busiest, key=lambda option: option.label)
    flags = _flags(bits, len(index.ids))
    facets["year"] = _year_options(index, flags, chosen.get("year"))
    countries_counted = len(facets["country"])
    # A value chosen in the URL stays in its list, even when nothing it selects is published.
    for name, value in chosen.items():
        if not any(option.value == value for option in facets[name]):
            facets[name] = [FacetOption(value, value, 0), *facets[name]]

    chosen_targets = flags[index.target_position]
    sums = np.bincount(
        index.target_unit[chosen_targets], weights=index.target_number[chosen_targets], minlength=len(index.units)
    )
    units = sorted((-int(total), unit) for unit, total in zip(index.units, sums.tolist(), strict=True) if total)
    totals = Totals(
        pledges=bits.bit_count(),
        bodies=len(np.unique(index.organisations[flags])),
        countries=countries_counted,
        units=[(unit, -total) for total, unit in units[:TOTAL_UNITS]],
    )
    return facets, totals


def groups(filterset, facets: dict[str, list[FacetOption]]) -> list[Group]:
    fields = filterset.form.fields
    data = filterset.data if filterset.is_bound else {}
    return [Group(name, str(fields[name].label), facets[name], data.get(name, "")) for name in FACETS]
