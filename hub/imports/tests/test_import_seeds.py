"""The five seed pages, imported: each practice once, right titles and submitters, topics merged, repeatable."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from hub.imports.models import PossibleDuplicate
from hub.imports.services import import_practices
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
ZHANG, ANONYMOUS = ("Anqi Zhang", True), ("Anonymous", False)
DISCRIMINATION, CONNECTIVITY = "Discrimination and Xenophobia", "Connectivity and Migration"

# Written down by reading the five files: title, (submitter, verified), themes.
EXPECTED = {
    "Montréal Inclusive au Travail 2022-2024 (Montréal Inclusive at Work) Initiative: Promoting Migrant and "
    "Refugee Integration Through a City-Led Podcast": (ZHANG, {DISCRIMINATION, CONNECTIVITY}),
    "Strengthening Maipú’s Governance Capacity to Promote Social Inclusion of Migrants and Refugees": (
        ZHANG,
        {DISCRIMINATION, CONNECTIVITY},
    ),
    "The City of Dallas Community Ambassador Program: Facilitating Access to Information and Services for "
    "Linguistically Diverse Communities": (ZHANG, {DISCRIMINATION}),
    "National Anti-Racism Strategy": (ZHANG, {DISCRIMINATION}),
    "Citizens Perception Laboratory on Migration": (ANONYMOUS, {DISCRIMINATION, CONNECTIVITY}),
    "Voices of Venezuela": (ANONYMOUS, {DISCRIMINATION}),
    "‘Del otro lado’ (On the other side)": (ANONYMOUS, {DISCRIMINATION}),
    "EUROMED Migration V (EMM5)": (ANONYMOUS, {DISCRIMINATION, CONNECTIVITY}),
    "‘#TuCausaEsMiCausa’ campaign": (ANONYMOUS, {DISCRIMINATION}),
    "PA'LANTE: A Comprehensive Approach to Achieve Socio-economic, Cultural and Urban Integration of Migrant and "
    "Refugee Families in Barranquilla": (ZHANG, {CONNECTIVITY}),
    "Moroccan Dialect Classes in Terrassa, Spain: Equipping Teachers with Language, Intercultural, and "
    "Anti-Racist Skills": (ZHANG, {CONNECTIVITY}),
    "A Global Voice for Autism": (ZHANG, {CONNECTIVITY}),
    "Let's Talk Migration": (ANONYMOUS, {CONNECTIVITY}),
    "eMigrate portal": (ANONYMOUS, {CONNECTIVITY}),
    "Musaned system": (ANONYMOUS, {CONNECTIVITY}),
    "Laguna Province Establishes a One Stop Migration Resource Center": (("", False), set()),
    "The municipal government of Carmen de la Legua commits to the implementation of…": (("", False), set()),
    "IOM launched the Global Migration Media Academy": (("", False), set()),
    "The project Living together without discrimination implemented by the National…": (("", False), set()),
    "The programme aims to provide a cultural immersion experience in Mexico that…": (("", False), set()),
    "SEFIME is a government initiative that seeks to bring financial programs and…": (("", False), set()),
    "Contributions and Counting": (("", False), set()),
    "The Migration Governance and Diaspora Engagement Certificate Programme": (("", False), set()),
    "WIDU applies an innovative approach that combines funding and coaching to…": (ANONYMOUS, {CONNECTIVITY}),
    "Youth Work for All": (ZHANG, {CONNECTIVITY}),
    "Migrant Routes Program": (("", False), set()),
}


@pytest.fixture
def seed_files():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed files are not at {SEEDS}")
    return [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]


def submitter_of(practice):
    if practice.submitted_by_id:
        return (practice.submitted_by.get_full_name(), True)
    return (practice.submitter_name, False)


def test_importing_the_seeds_gives_each_practice_once_with_its_submitter_and_all_its_topics(seed_files):
    report = import_practices(files=seed_files)

    practices = Practice.objects.all()
    assert sorted(p.title for p in practices) == sorted(EXPECTED)
    for practice in practices:
        submitter, themes = EXPECTED[practice.title]
        assert submitter_of(practice) == submitter, practice.title
        assert {t.name for t in practice.topics.all()} == themes, practice.title
        assert practice.status == Practice.Status.SUBMITTED
    assert len(report.created) == 26
    assert report.counts()["duplicates_merged"] == 11
    assert report.skipped == []


def test_no_broken_character_is_left_in_anything_imported(seed_files):
    import_practices(files=seed_files)

    for practice in Practice.objects.all():
        for field in ("title", "summary", "background", "submitter_name"):
            assert not set("ëíìîñó") & set(getattr(practice, field)), (practice.title, field)
    euromed = Practice.objects.get(title="EUROMED Migration V (EMM5)")
    assert "Public Communicators’ Workshops" in euromed.summary


def test_what_the_pages_say_becomes_period_target_organisation_and_places(seed_files):
    import_practices(files=seed_files)

    palante = Practice.objects.get(title__startswith="PA'LANTE")
    assert (palante.start_date, palante.end_date) == (date(2023, 6, 1), date(2024, 12, 1))
    assert (palante.people_reached, palante.people_reached_unit) == (500, "migrant and refugee families")
    assert [(p.name, p.country.code) for p in palante.places.all()] == [("Barranquilla", "CO")]
    citizens = Practice.objects.get(title="Citizens Perception Laboratory on Migration")
    assert citizens.organisation.name == "Inter-American Development Bank (IDB)"
    maipu = Practice.objects.get(title__startswith="Strengthening Maipú")
    assert maipu.places.get().country.code == "CL"
    musaned = Practice.objects.get(title="Musaned system")
    assert musaned.start_date == date(2015, 1, 1)
    assert "Musaned was established, in part" in musaned.background


def test_importing_the_same_files_again_changes_nothing(seed_files):
    import_practices(files=seed_files)
    before = {p.pk: (p.title, p.updated_at, p.history.count()) for p in Practice.objects.all()}

    again = import_practices(files=seed_files)

    assert {p.pk: (p.title, p.updated_at, p.history.count()) for p in Practice.objects.all()} == before
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 26)


def test_a_dry_run_reports_the_same_and_writes_nothing(seed_files, capsys):
    call_command("import_practices", str(SEEDS), "--dry-run", verbosity=0)

    assert Practice.objects.count() == 0
    out = capsys.readouterr().out
    assert "Dry run: nothing was written" in out
    assert "26 created" in out


def test_the_command_publishes_when_asked_and_records_where_each_came_from(seed_files):
    call_command("import_practices", str(SEEDS / "003_86cd5745c08d07fc.txt"), "--publish", verbosity=0)

    youth = Practice.objects.get(title="Youth Work for All")
    assert youth.is_published
    assert youth.history.first().history_change_reason == "Imported from 003_86cd5745c08d07fc.txt, line 46"


def test_a_near_duplicate_of_a_practice_already_here_is_queued_and_marked_not_dropped(practice_factory):
    existing = practice_factory(
        "Voices of Venezuela: Animated Guides for Venezuelan Migrants", summary="Animated videos for newcomers."
    )
    page = b"Voices of Venezuela\n\nSubmitted by Anonymous (not verified) on\n\nA series of animated videos.\n"

    report = import_practices(files=[("page.txt", page)], publish=True)

    new = Practice.objects.exclude(pk=existing.pk).get()
    assert new.title == "Voices of Venezuela" and new.status == Practice.Status.SUBMITTED
    [near] = report.possible_duplicates
    assert (near["id"], near["duplicate_of"], near["where"]) == (new.pk, existing.pk, "page.txt, line 1")
    mark = PossibleDuplicate.objects.get()
    assert (mark.practice, mark.duplicate_of, mark.resolved) == (new, existing, False)
    assert mark.score >= 90
