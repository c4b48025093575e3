"""The demo's pledges (demo/initiatives.yaml, demo/pledges/*.yaml): loaded through the pledge services in
every state, and a mistake in a file stops the load, names the file and writes nothing."""

import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command

from hub.people.models import Organisation
from hub.pledges.models import Initiative, Pledge, ProgressUpdate, Representative, State
from hub.practices.demo import DEMO_FOLDER, DemoContentError, demo_load
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_the_demo_holds_pledges_in_every_state_in_two_initiatives(demo):
    published = Pledge.objects.published()

    assert {state for (state,) in published.values_list("state")} == set(State.values)
    call = Initiative.objects.get(slug="call-to-local-action")
    forum = Initiative.objects.get(slug="global-refugee-forum-2023")
    assert published.of_initiative(call).count() >= 5
    assert published.of_initiative(forum).count() >= 3
    assert call.host.name == "GFMD Mayors Mechanism"
    assert Pledge.objects.awaiting_moderation().count() == 1


def test_the_seed_commitments_are_pledges_with_their_practices(demo, client):
    for body, words in [
        ("City of Montréal", "Montréal Inclusive at Work"),
        ("Municipalidad de Maipú", "Maipú"),
        ("City of Dallas – Office of Welcoming Communities and Immigrant Affairs", "Community Ambassadors"),
        ("Alcaldía Distrital de Barranquilla", "PA’LANTE"),
    ]:
        pledge = Pledge.objects.published().get(organisation__name=body, title__contains=words)
        practice = pledge.practices.get()
        assert practice.is_published
        assert pledge.title in client.get(practice.get_absolute_url()).text

    barranquilla = Pledge.objects.get(title__contains="PA’LANTE")
    assert (barranquilla.start_date, barranquilla.end_date) == (date(2023, 6, 1), date(2024, 12, 1))
    assert [(t.number, t.unit) for t in barranquilla.targets.all()] == [(500, "families")]
    assert barranquilla.state == State.COMPLETED
    page = client.get(barranquilla.get_absolute_url()).text
    assert "500 of 500" in page

    podcast = Pledge.objects.get(title__contains="Biais d’Entrée")
    assert podcast.renews == Pledge.objects.get(title="Montréal Inclusive at Work 2022–2024")


@time_machine.travel(datetime(2026, 12, 31, 23, 0, tzinfo=UTC))
def test_a_pledge_past_its_end_without_a_final_update_shows_update_due(demo, client):
    due = Pledge.objects.published().update_due()

    # Kampala's savings circles end in December 2026: on its last day that pledge is not yet due.
    assert [pledge.title for pledge in due] == ["Thirty Welcome Ambassadors for South Auckland"]
    assert "Update due" in client.get(due[0].get_absolute_url()).text
    kampala = Pledge.objects.get(title__contains="Kampala")
    assert "Update due" not in client.get(kampala.get_absolute_url()).text

    with time_machine.travel(datetime(2027, 1, 1, 12, 0, tzinfo=UTC)):
        assert kampala in Pledge.objects.published().update_due()


def test_updates_carry_figures_and_follow_the_workflow(demo, client):
    updates = ProgressUpdate.objects.published()
    assert updates.filter(figures__isnull=False).distinct().count() >= 10
    # A trusted representative's updates were published at once; the untrusted one's waits.
    dallas = Representative.objects.get(user__username="lucia.herrera")
    assert dallas.trusted
    assert ProgressUpdate.objects.filter(submitted_by=dallas.user, status=Pledge.Status.PUBLISHED).count() == 2
    waiting = ProgressUpdate.objects.awaiting_moderation().get()
    assert waiting.submitted_by.username == "jordi.soler"
    assert waiting.pledge.state == State.IN_PROGRESS
    assert "Two more editions" not in client.get(waiting.pledge.get_absolute_url()).text
    # The representative signs in through the real form (their address is verified) and may post.
    response = client.post("/accounts/login/", {"login": "lucia.herrera", "password": "ibis-representative-demo"})
    assert response.status_code == 302
    pledge = Pledge.objects.get(organisation=dallas.organisation)
    assert client.get(f"{pledge.get_absolute_url()}updates/new/").status_code == 200


def test_a_pledge_whose_practice_waits_for_a_moderator_does_not_link_it(demo, client):
    pledge = Pledge.objects.get(title__contains="Kampala")
    practice = pledge.practices.get()

    assert not practice.is_published
    assert practice.get_absolute_url() not in client.get(pledge.get_absolute_url()).text


def test_load_demo_if_empty_leaves_the_pledges_as_they_are(demo):
    counts = (Pledge.objects.count(), ProgressUpdate.objects.count(), Initiative.objects.count())

    call_command("load_demo", "--if-empty", verbosity=0)

    assert (Pledge.objects.count(), ProgressUpdate.objects.count(), Initiative.objects.count()) == counts


# ---------------------------------------------------------------- mistakes


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "demo"
    shutil.copytree(DEMO_FOLDER, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_pledge_added_as_the_readme_says_is_loaded_with_its_update(folder):
    readme = (folder / "README.md").read_text(encoding="utf-8")
    practice_file = re.search(r"```markdown\n(.*?)```", readme, re.S).group(1)
    organisation, pledge_file = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    (folder / "practices" / "38-porto-language-cafe.md").write_text(practice_file, encoding="utf-8")
    (folder / "pledges" / "13-porto-language-cafe.yaml").write_text(pledge_file, encoding="utf-8")
    with (folder / "organisations.yaml").open("a", encoding="utf-8") as organisations:
        organisations.write(organisation)

    result = demo_load(folder=folder)

    assert result["pledges"] == 13
    porto = Pledge.objects.order_by("pk").last()
    assert porto.title == "Language Cafés for 400 Newcomers in Porto"
    assert porto.initiative.slug == "global-refugee-forum-2023"
    assert porto.state == State.IN_PROGRESS
    assert [p.title for p in porto.practices.all()] == ["Language Café for Newcomers in Porto"]
    assert sorted((f.target.unit, f.reached) for f in porto.updates.get().figures.all()) == [
        ("newcomers", 120),
        ("volunteers", 14),
    ]


DALLAS = "pledges/04-dallas.yaml"
MISTAKES = [
    ("an unknown key", DALLAS, "\ntargets:", "\ntarget:", "unknown key(s) target"),
    ("a missing title", DALLAS, "title: The City of Dallas Community Ambassadors Programme\n", "", "title missing"),
    ("a value of the wrong kind", DALLAS, "start: 2022-09", "start: 2022", "start has a value of the wrong kind"),
    ("a wrong status", DALLAS, "status: published", "status: draft", "status “draft” is not one of"),
    (
        "an unknown initiative",
        DALLAS,
        "initiative: Call to Local Action for Migrants and Refugees",
        "initiative: Call to Action",
        "the initiative “Call to Action” is not in initiatives.yaml",
    ),
    (
        "an organisation missing from organisations.yaml",
        DALLAS,
        "organisation: City of Dallas – Office",
        "organisation: Town of Dallas – Office",
        "is not in organisations.yaml",
    ),
    ("an unknown theme", DALLAS, "themes: [", "themes: [welcome, ", "unknown themes: welcome"),
    ("a practice that is not a file", DALLAS, "practices: [03-dallas]", "practices: [03-dalas]", "“03-dalas”"),
    ("an end before the start", DALLAS, "end: 2027-09", "end: 2021-09", "comes before the start"),
    ("a month written wrongly", DALLAS, "end: 2027-09", "end: 2027-9", "end “2027-9” is not a month"),
    (
        "a target without a number",
        DALLAS,
        '"40 community ambassadors"',
        '"forty community ambassadors"',
        "the target “forty community ambassadors”",
    ),
    ("a place without a country", DALLAS, "country: US, kind: city", "kind: city", "a place is written"),
    (
        "a figure for no target",
        DALLAS,
        "figures: {community ambassadors: 18",
        "figures: {ambassadors: 18",
        "a figure for “ambassadors”, which is not a target",
    ),
    ("a negative figure", DALLAS, "community ambassadors: 18", "community ambassadors: -18", "a whole number"),
    ("an unknown state", DALLAS, "state: in-progress", "state: ongoing", "the state “ongoing” is not one of"),
    ("a date written wrongly", DALLAS, "date: 2023-08-15", "date: 15/08/2023", "is not a day written YYYY-MM-DD"),
    ("updates out of order", DALLAS, "date: 2025-03-03", "date: 2023-01-03", "updates go oldest first"),
    ("evidence that is no address", DALLAS, '["https://dallascityhall', '["dallascityhall', "the evidence"),
    (
        "an update by a member who does not represent the body",
        DALLAS,
        "by: lucia.herrera",
        "by: jordi.soler",
        "who does not represent City of Dallas",
    ),
    ("an update by no member", DALLAS, "by: lucia.herrera", "by: lucia", "by “lucia” is not a username"),
    ("updates on a pledge under review", DALLAS, "status: published", "status: submitted", "only a published"),
    (
        "a renewal of a later pledge",
        "pledges/02-montreal-biais-dentree.yaml",
        "renews: 01-montreal-inclusive-at-work",
        "renews: 03-maipu",
        "renews “03-maipu” must be",
    ),
    ("broken YAML", DALLAS, "title: The City", "title: [The City", "not valid YAML"),
    (
        "an initiative host missing from organisations.yaml",
        "initiatives.yaml",
        "host: GFMD Mayors Mechanism",
        "host: GFMD Mayors",
        "“GFMD Mayors”, is not in organisations.yaml",
    ),
    (
        "an initiative that ends before it starts",
        "initiatives.yaml",
        "end: 2023-12-15",
        "end: 2023-12-01",
        "ends before it starts",
    ),
    (
        "a representative of an unknown organisation",
        "members.yaml",
        "organisation: Ajuntament de Terrassa",
        "organisation: Ajuntament",
        "jordi.soler represents “Ajuntament”",
    ),
    (
        "a representative written as a name",
        "members.yaml",
        "- {organisation: Ajuntament de Terrassa}",
        "- Ajuntament de Terrassa",
        "each of the represents of jordi.soler",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "words"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_mistake_in_a_pledge_file_stops_the_load_and_names_the_file(folder, file, old, new, words):
    _edit(folder / file, old, new)

    with pytest.raises(DemoContentError) as refusal:
        demo_load(folder=folder)

    message = str(refusal.value)
    assert str(folder / file) in message, message
    assert words in message, message
    assert not Practice.objects.exists()
    assert not Organisation.objects.exists()
    assert not Pledge.objects.exists()


def test_a_file_that_is_not_yaml_in_the_pledges_folder_stops_the_load(folder):
    (folder / "pledges" / "13-notes.md").write_text("A note\n", encoding="utf-8")

    with pytest.raises(DemoContentError, match="13-notes.md: the pledges folder holds only pledge files"):
        demo_load(folder=folder)
