"""Commitments in imported listing pages and rows become pledges with their practice; again, nothing changes."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from hub.imports.pledges import commitment_in
from hub.imports.services import import_practices
from hub.pledges.models import Pledge

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


@pytest.fixture
def seed_files(db):
    if not SEEDS.is_dir():
        pytest.skip(f"the seed files are not at {SEEDS}")
    return [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]


def test_a_commitment_sentence_names_its_body_and_a_renewal_its_first_pledge():
    plain = commitment_in("The City of Dallas commits to implement the Community Ambassadors Programme. Rooted in…")
    deeper = commitment_in(
        "Montréal deepens its commitment to implement the Montréal Inclusive au Travail 2022-2024 initiative, "
        "first pledged to the Call to Local Action in 2022, by launching a podcast."
    )

    assert plain.body == "City of Dallas" and plain.sentence.endswith("Ambassadors Programme.") and not plain.deepens
    assert deeper.body == "City of Montréal" and deeper.deepens
    assert (deeper.first_pledged_to, deeper.first_pledged_in) == ("Call to Local Action", 2022)
    assert commitment_in("IOM launched the Global Migration Media Academy, a learning hub.") is None


def test_the_seeds_give_the_cities_commitments_as_pledges_with_their_practices(seed_files):
    import_practices(files=seed_files, publish=True)

    pledges = {p.organisation.name: p for p in Pledge.objects.prefetch_related("practices", "targets", "places")}
    assert {
        "City of Barranquilla",
        "City of Montréal",
        "Maipú Municipality",
        "City of Dallas",
        "City of Terrassa",
    } <= set(pledges)
    barranquilla = pledges["City of Barranquilla"]
    assert [(t.number, t.unit) for t in barranquilla.targets.all()] == [(500, "migrant and refugee families")]
    assert (barranquilla.start_date.isoformat(), barranquilla.end_date.isoformat()) == ("2023-06-01", "2024-12-01")
    assert barranquilla.practices.get().title.startswith("PA'LANTE")
    assert barranquilla.is_published and barranquilla.places.get().country == "CO"
    montreal = pledges["City of Montréal"]
    assert montreal.initiative.name == "Call to Local Action" and montreal.state == Pledge.State.IN_PROGRESS


def test_importing_the_seeds_again_changes_nothing(seed_files):
    import_practices(files=seed_files, publish=True)
    before = sorted(Pledge.objects.values_list("pk", "title", "updated_at"))

    report = import_practices(files=seed_files, publish=True)

    assert sorted(Pledge.objects.values_list("pk", "title", "updated_at")) == before
    assert {entry["action"] for entry in report.pledges} == {"unchanged"}


def test_pledge_rows_of_a_json_file_become_pledges_and_bad_ones_are_skipped(db):
    rows = [
        {
            "title": "Welcome desks in Lisbon",
            "summary": "One-stop desks for newcomers in every district of Lisbon.",
            "commitment": "Lisbon commits to open a welcome desk in every district.",
            "pledging_body": "City of Lisbon",
            "initiative": "Call to Local Action",
            "targets": "24 desks; 10,000 people",
            "places": "Lisbon, PT",
            "start": "2024",
            "end": "2026",
            "state": "in-progress",
        },
        {"title": "No body", "summary": "A row without its body.", "commitment": "Someone commits."},
    ]

    report = import_practices(files=[("pledges.json", json.dumps(rows).encode())], publish=True)

    pledge = Pledge.objects.get()
    assert pledge.organisation.name == "City of Lisbon" and pledge.state == Pledge.State.IN_PROGRESS
    assert [(t.number, t.unit) for t in pledge.targets.all()] == [(24, "desks"), (10000, "people")]
    assert pledge.practices.get().title == "Welcome desks in Lisbon" and pledge.places.get().country == "PT"
    assert any("no pledging body" in entry["message"] for entry in report.skipped)


def test_pledge_rows_of_a_csv_file_become_pledges_and_importing_them_again_changes_nothing(db):
    csv_text = (
        b"title,summary,commitment,pledging_body,targets,places,start,end,state\n"
        b'"Community ambassadors","Residents explain city services.",'
        b'"The City of Dallas commits to implement the Community Ambassadors Programme.",'
        b'"City of Dallas","40 ambassadors; 2,000 residents","Dallas, US",2022,2024,pledged\n'
    )

    import_practices(files=[("pledges.csv", csv_text)], publish=True)
    pledge = Pledge.objects.get()
    assert pledge.organisation.name == "City of Dallas" and pledge.state == Pledge.State.PLEDGED
    assert [(t.number, t.unit) for t in pledge.targets.all()] == [(40, "ambassadors"), (2000, "residents")]
    assert pledge.places.get().country == "US" and pledge.practices.get().title == "Community ambassadors"
    before = list(Pledge.objects.values_list("pk", "updated_at"))

    report = import_practices(files=[("pledges.csv", csv_text)], publish=True)

    assert list(Pledge.objects.values_list("pk", "updated_at")) == before
    assert {entry["action"] for entry in report.pledges} == {"unchanged"}
