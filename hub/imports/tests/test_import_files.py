"""CSV and JSON files: the documented columns, broken rows reported with their line and skipped."""

import json

import pytest

from hub.imports.services import import_practices
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db

HEADER = "title,summary,places,themes,start,end,people_reached,people_reached_unit,submitter_name,submitter_verified\n"


def test_a_csv_file_becomes_practices_with_places_themes_period_and_target():
    rows = (
        HEADER + 'Welcome ambassadors,Neighbours explain city services.,"Dallas, US; CA",'
        "Discrimination and Xenophobia,2021-03,2023,1200,families,Maya Okafor,yes\n"
    )
    report = import_practices(files=[("old-site.csv", rows.encode())])

    practice = Practice.objects.get()
    assert report.created[0]["where"] == "old-site.csv, line 2"
    assert sorted((p.country.code, p.kind) for p in practice.places.all()) == [("CA", "country"), ("US", "city")]
    assert [t.name for t in practice.topics.all()] == ["Discrimination and Xenophobia"]
    assert (str(practice.start_date), str(practice.end_date)) == ("2021-03-01", "2023-12-01")
    assert (practice.people_reached, practice.people_reached_unit) == (1200, "families")
    assert practice.submitted_by.get_full_name() == "Maya Okafor"


def test_broken_rows_are_reported_with_their_line_and_the_rest_goes_in():
    rows = HEADER + (
        "Good one,It works.,,,,,,,,\n"
        ",No title here.,,,,,,,,\n"
        "Bad dates,Ends first.,,,2024,2020,,,,\n"
        "Bad number,Many.,,,,,lots,,,\n"
        "Bad place,Somewhere.,Atlantis,,,,,,,\n"
        "Sewing circle,It works too.,,,,,,,,\n"
    )
    report = import_practices(files=[("rows.csv", rows.encode())])

    assert sorted(Practice.objects.values_list("title", flat=True)) == ["Good one", "Sewing circle"]
    assert [(s["where"], s["message"]) for s in report.skipped] == [
        ("rows.csv, line 3", "no title"),
        ("rows.csv, line 4", "it ends before it starts"),
        ("rows.csv, line 5", "people_reached “lots” is not a whole number"),
        ("rows.csv, line 6", "“Atlantis” is not “City, CC” with a two-letter country code"),
    ]


def test_an_unreadable_file_is_reported_and_the_other_files_still_go_in():
    report = import_practices(
        files=[
            ("broken.json", b'{"practices": [{"title": "x",'),
            ("binary.csv", b"\x00\x01\x02"),
            ("no-columns.csv", b"name;what\nA;B\n"),
            ("good.json", json.dumps([{"title": "Sports for all", "summary": "Football on Sundays."}]).encode()),
        ]
    )

    assert list(Practice.objects.values_list("title", flat=True)) == ["Sports for all"]
    assert [s["where"] for s in report.skipped] == ["broken.json, line 1", "binary.csv", "no-columns.csv, line 1"]


def test_unknown_themes_are_a_warning_not_a_failure():
    data = [{"title": "Chess club", "summary": "Chess for newcomers.", "themes": ["Board games"]}]
    report = import_practices(files=[("clubs.json", json.dumps(data).encode())])

    assert Practice.objects.get().topics.count() == 0
    assert report.warnings == [{"where": "clubs.json, line 1", "message": "no topic is called “Board games”"}]


def test_text_damaged_in_a_spreadsheet_export_is_repaired():
    rows = "title,summary\nëVoices of Venezuelaí,It developed ëSome Venezuelans Thereí for migrantsí use.\n"
    import_practices(files=[("old.csv", rows.encode("utf-8"))])

    practice = Practice.objects.get()
    assert practice.title == "‘Voices of Venezuela’"
    assert practice.summary == "It developed ‘Some Venezuelans There’ for migrants’ use."
