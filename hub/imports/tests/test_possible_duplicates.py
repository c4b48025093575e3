"""An import never drops a record: only the same practice is merged; what merely looks like another
is imported into the queue with a possible-duplicate mark."""

import csv
import io
import itertools

import pytest

from hub.imports.models import PossibleDuplicate
from hub.imports.services import import_practices, possible_duplicates_resolve
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db

CITIES = [("Lyon", "FR"), ("Dallas", "US"), ("Medellín", "CO"), ("Turin", "IT")]
ACTIONS = ["language classes", "job mentoring", "housing advice"]
GROUPS = ["refugees", "young migrants", "newcomer women"]
COLUMNS = ["title", "summary", "background", "places"]


def formulaic_rows(per_kind: int = 8) -> list[list[str]]:
    """`<City> <action> for <group> #<n>`: one summary for a city, action and group, each its own long text."""
    rows = []
    for (city, country), action, group in itertools.product(CITIES, ACTIONS, GROUPS):
        summary = f"{city} offers {action} for {group}, run with local partners and volunteers."
        for n in range(1, per_kind + 1):
            rows.append(
                [
                    f"{city} {action} for {group} #{n}",
                    summary,
                    f"Record {city}-{action}-{group}-{n}: a long text of its own about this very project.",
                    f"{city}, {country}",
                ]
            )
    return rows


def as_csv(rows) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode()


def test_distinct_formulaic_records_are_each_created_none_merged_or_dropped():
    rows = formulaic_rows()  # 288 records
    report = import_practices(files=[("formulaic.csv", as_csv(rows))], publish=True)

    assert (len(report.created), report.merged, report.skipped) == (len(rows), [], [])
    stored = dict(Practice.objects.values_list("title", "background"))
    assert stored == {title: background for title, _s, background, _p in rows}
    # Those that look like an earlier one wait in the queue with their mark; the first of each kind is published.
    marked = set(PossibleDuplicate.objects.values_list("practice__title", flat=True))
    assert len(marked) == len(report.possible_duplicates) > 0
    assert not Practice.objects.filter(title__in=marked, status=Practice.Status.PUBLISHED).exists()
    assert all(90 <= mark.score < 100 for mark in PossibleDuplicate.objects.all())


def test_importing_the_formulaic_records_in_two_files_and_again_still_loses_none():
    rows = formulaic_rows(per_kind=4)
    import_practices(files=[("a.csv", as_csv(rows[::2])), ("b.csv", as_csv(rows[1::2]))])

    again = import_practices(files=[("a.csv", as_csv(rows))])

    assert Practice.objects.count() == len(rows)
    assert (again.created, len(again.unchanged)) == ([], len(rows))


def test_the_same_title_in_the_same_place_is_still_merged_in_the_files_and_with_what_is_stored():
    row = ["Lyon language classes for refugees", "Classes.", "The long text.", "Lyon, FR"]
    again = ["Lyon Language Classes for Refugees", "Told again.", "", "Lyon, FR"]
    report = import_practices(files=[("one.csv", as_csv([row])), ("two.csv", as_csv([again]))])

    assert len(report.created) == 1 and report.merged[0]["also_in"] == ["two.csv, line 2"]
    later = import_practices(files=[("three.csv", as_csv([[*again[:3], "FR"]]))])
    assert later.created == [] and len(later.unchanged) == 1
    assert Practice.objects.count() == 1 and not PossibleDuplicate.objects.exists()


def test_the_same_title_told_apart_by_place_period_or_organisation_is_imported_as_a_possible_duplicate():
    rows = (
        "title,summary,places,start,organisation\n"
        'Welcome desk,A desk.,"Lyon, FR",2020,City of Lyon\n'
        'Welcome desk,A desk.,"Turin, IT",2020,City of Lyon\n'
        'Welcome desk,A desk.,"Lyon, FR",2023,City of Lyon\n'
        'Welcome desk,A desk.,"Lyon, FR",2020,Forum Réfugiés\n'
        'Welcome desk,A desk.,"Lyon, FR",,\n'
    )
    report = import_practices(files=[("rows.csv", rows.encode())])

    assert len(report.created) == 4 and sum(len(m["also_in"]) for m in report.merged) == 1
    first = Practice.objects.order_by("pk").first()
    assert sorted(m.duplicate_of_id for m in PossibleDuplicate.objects.all()) == [first.pk] * 3


def test_merging_marked_practices_in_bulk_uses_practice_merge_and_keeping_leaves_them(maya):
    import_practices(files=[("formulaic.csv", as_csv(formulaic_rows(per_kind=3)))])
    marks = PossibleDuplicate.objects.order_by("pk")
    merged, kept = list(marks[:4]), list(marks[4:6])

    assert possible_duplicates_resolve(marks=marks.filter(pk__in=[m.pk for m in merged]), action="merge", by=maya) == 4
    assert possible_duplicates_resolve(marks=marks.filter(pk__in=[m.pk for m in kept]), action="keep", by=maya) == 2

    for mark in merged:
        practice = Practice.objects.get(pk=mark.practice_id)
        assert practice.status == Practice.Status.ARCHIVED
        assert practice.merged_into_id in {mark.duplicate_of_id, mark.duplicate_of.merged_into_id}
    assert all(Practice.objects.get(pk=m.practice_id).merged_into_id is None for m in kept)
    assert PossibleDuplicate.objects.unresolved().count() == marks.count() - 6
    assert possible_duplicates_resolve(marks=marks.filter(pk=merged[0].pk), action="keep", by=maya) == 0
