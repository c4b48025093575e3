"""The demo content in demo/: a practice added as its README says is loaded; a mistake stops the load,
names the file and writes nothing."""

import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from hub.people.models import Organisation
from hub.practices.demo import DEMO_FOLDER, DemoContentError, demo_load
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "demo"
    shutil.copytree(DEMO_FOLDER, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refused(folder: Path, *words: str) -> str:
    with pytest.raises(DemoContentError) as refusal:
        demo_load(folder=folder)
    message = str(refusal.value)
    for word in words:
        assert word in message, message
    assert not Practice.objects.exists()
    assert not Organisation.objects.exists()
    assert not get_user_model().objects.exists()
    return message


def test_a_practice_added_as_the_readme_says_is_loaded_after_the_others(folder):
    readme = (folder / "README.md").read_text(encoding="utf-8")
    practice_file = re.search(r"```markdown\n(.*?)```", readme, re.S).group(1)
    organisation = re.search(r"```yaml\n(.*?)```", readme, re.S).group(1)
    (folder / "practices" / "38-porto-language-cafe.md").write_text(practice_file, encoding="utf-8")
    with (folder / "organisations.yaml").open("a", encoding="utf-8") as organisations:
        organisations.write(organisation)

    result = demo_load(folder=folder)

    assert result["queued"] == 5
    porto = Practice.objects.order_by("pk").last()
    assert porto.title == "Language Café for Newcomers in Porto"
    assert porto.status == Practice.Status.SUBMITTED
    assert porto.submitter_name == "Joana Reis"
    assert porto.organisation.stakeholder_type.slug == "civil-society"
    assert porto.summary.startswith("Every Thursday evening")
    assert (
        porto.activities
        == "- Weekly conversation tables led by volunteers.\n- A monthly outing to a museum or a market."
    )
    assert porto.background == ""
    assert [p.name for p in porto.places.all()] == ["Porto"]
    assert set(porto.topics.values_list("slug", flat=True)) == {
        "education",
        "community-building",
        "cultural",
        "gcm-objective-16",
    }
    assert sorted(porto.tags.names()) == ["language-cafe", "volunteers"]
    assert porto.start_date.isoformat() == "2025-09-01"


def test_an_unknown_front_matter_key_stops_the_load(folder):
    _edit(folder / "practices" / "03-dallas.md", "\ntags:", "\ntag:")
    _refused(folder, "03-dallas.md", "unknown key(s) tag")


def test_an_unknown_theme_stops_the_load_and_lists_the_known_ones(folder):
    _edit(folder / "practices" / "15-musaned.md", "themes: [", "themes: [labour, ")
    _refused(folder, "15-musaned.md", "unknown themes: labour", "employment")


def test_an_organisation_missing_from_organisations_yaml_stops_the_load(folder):
    _edit(folder / "practices" / "01-montreal.md", "organisation: City of Montréal", "organisation: Ville de Montréal")
    _refused(folder, "01-montreal.md", "“Ville de Montréal” is not in organisations.yaml")


def test_a_submitter_who_is_not_a_member_stops_the_load(folder):
    _edit(folder / "practices" / "01-montreal.md", "submitted_by: anqi.zhang", "submitted_by: anqi")
    _refused(folder, "01-montreal.md", "“anqi” is not a username of members.yaml")


def test_a_practice_with_both_a_member_and_a_visitor_as_submitter_stops_the_load(folder):
    _edit(
        folder / "practices" / "01-montreal.md",
        "submitted_by: anqi.zhang",
        "submitted_by: anqi.zhang\nsubmitter_name: Anqi",
    )
    _refused(folder, "01-montreal.md", "not both")


def test_an_unknown_section_stops_the_load(folder):
    _edit(folder / "practices" / "01-montreal.md", "## Lessons learned", "## Lessons")
    _refused(folder, "01-montreal.md", "unknown section “## Lessons”", "Lessons learned")


def test_a_practice_without_a_summary_stops_the_load(folder):
    _edit(folder / "practices" / "37-lisbon.md", "## Summary\n", "")
    _refused(folder, "37-lisbon.md", "text before the first")


def test_a_country_yaml_reads_as_false_asks_for_quotes(folder):
    _edit(folder / "practices" / "37-lisbon.md", "country: PT", "country: NO")
    _refused(folder, "37-lisbon.md", "in quotes", "False")


def test_a_language_yaml_reads_as_false_asks_for_quotes(folder):
    _edit(folder / "practices" / "37-lisbon.md", "language: en", "language: no")
    _refused(folder, "37-lisbon.md", "language has a value of the wrong kind", "put the value in quotes")


def test_an_adaptation_of_a_later_practice_stops_the_load(folder):
    _edit(folder / "practices" / "31-auckland.md", "adapted_from: 03-dallas", "adapted_from: 35-kampala")
    _refused(folder, "31-auckland.md", "adapted_from “35-kampala”", "comes earlier")


def test_an_unknown_sector_stops_the_load(folder):
    _edit(folder / "organisations.yaml", "sector: media", "sector: press")
    _refused(folder, "organisations.yaml", "unknown sector(s) press")


def test_broken_yaml_stops_the_load(folder):
    _edit(folder / "members.yaml", "- username: anqi.zhang", "- username: [anqi.zhang")
    _refused(folder, "members.yaml", "not valid YAML")


def test_load_demo_reports_a_mistake_as_a_command_error_and_loads_nothing(folder):
    _edit(folder / "practices" / "03-dallas.md", "status: published", "status: draft")
    with pytest.raises(CommandError, match="03-dallas.md: status “draft” is not one of: published, submitted"):
        call_command("load_demo", "--folder", str(folder), verbosity=0)
    with pytest.raises(CommandError, match="nowhere: organisations.yaml is missing"):
        call_command("load_demo", "--folder", str(folder / "nowhere"), verbosity=0)
    assert not Practice.objects.exists()
