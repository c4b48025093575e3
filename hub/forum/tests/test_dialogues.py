"""Online dialogues (announced, open, closed with a summary; the home page shows an open one) and
"Discuss this practice", linked both ways."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import timezone

from hub.forum import services
from hub.forum.models import Dialogue, Topic
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db


def test_a_moderator_creates_a_dialogue_in_its_time_zone_with_a_topic_per_question(client, maya):
    client.force_login(maya)
    form = {
        "title": "Societies and Identities",
        "introduction": "Societies continuously change.",
        "opens_at": "2030-07-15T09:00",
        "closes_at": "2030-07-22T18:00",
        "time_zone": "Europe/Zurich",
        "questions": "Deconstructing perceptions\n\nMigrants' social contributions\n",
    }
    response = client.post("/discuss/dialogues/new/", form)
    assert response.status_code == 302
    dialogue = Dialogue.objects.get()
    assert dialogue.opens_at == datetime(2030, 7, 15, 7, 0, tzinfo=UTC)
    assert [t.title for t in dialogue.questions.order_by("position")] == [
        "Deconstructing perceptions",
        "Migrants' social contributions",
    ]
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "From 15 July 2030, 09:00 to 22 July 2030, 18:00 (Europe/Zurich time)" in page
    assert "This dialogue is announced" in page
    assert "Coming" in client.get("/discuss/").content.decode()


def test_a_dialogue_that_closes_before_it_opens_is_refused_and_keeps_the_form(client, maya):
    client.force_login(maya)
    form = {
        "title": "Backwards",
        "introduction": "x",
        "opens_at": "2030-07-22T09:00",
        "closes_at": "2030-07-15T09:00",
        "time_zone": "UTC",
        "questions": "Q",
    }
    response = client.post("/discuss/dialogues/new/", form)
    assert response.status_code == 400 and "closes after it opens" in response.content.decode()
    assert 'value="Backwards"' in response.content.decode()
    assert client.post("/discuss/dialogues/new/", {**form, "time_zone": "Mars/Olympus"}).status_code == 400
    assert not Dialogue.objects.exists()


def test_the_home_page_shows_an_open_dialogue_only_while_it_is_open(client, dialogue):
    assert "Societies and Identities" in client.get("/").content.decode()
    with time_machine.travel(dialogue.closes_at + timezone.timedelta(minutes=1)):
        assert "Societies and Identities" not in client.get("/").content.decode()
    with time_machine.travel(dialogue.opens_at - timezone.timedelta(minutes=1)):
        assert "Societies and Identities" not in client.get("/").content.decode()


def test_a_closed_dialogue_is_read_only_and_keeps_the_moderators_summary(client, alice, maya, dialogue):
    with time_machine.travel(dialogue.closes_at + timezone.timedelta(days=1)):
        client.force_login(alice)
        assert client.get(f"/discuss/dialogues/{dialogue.slug}/summary/").status_code == 403
        client.force_login(maya)
        assert client.post(f"/discuss/dialogues/{dialogue.slug}/summary/", {"summary": " "}).status_code == 400
        client.post(
            f"/discuss/dialogues/{dialogue.slug}/summary/", {"summary": "Participants agreed that **media** matter."}
        )
        client.logout()
        page = client.get(dialogue.get_absolute_url()).content.decode()
        assert "<strong>media</strong>" in page and "This dialogue is closed" in page
        assert "Past dialogues" in client.get("/discuss/").content.decode()


def test_a_practice_page_opens_a_discussion_linked_both_ways(client, alice, practice_factory, board, trusted):
    practice = practice_factory("Welcome walks in Lyon")
    page = client.get(practice.get_absolute_url()).content.decode()
    start = f"/discuss/about/practice/{practice.pk}/"
    assert f'href="{start}"' in page and "Discuss this practice" in page
    assert client.get(start).status_code == 302  # a visitor signs in first
    client.force_login(alice)
    form = client.get(start).content.decode()
    assert 'value="About: Welcome walks in Lyon"' in form
    response = client.post(start, {"board": board.pk, "title": "About: Welcome walks in Lyon", "body": "Who ran it?"})
    topic = Topic.objects.get()
    assert response.status_code == 302 and topic.subject_id == practice.pk
    assert f'href="{practice.get_absolute_url()}"' in client.get(topic.get_absolute_url()).content.decode()
    assert f'href="{topic.get_absolute_url()}"' in client.get(practice.get_absolute_url()).content.decode()
    assert client.get(start)["Location"] == topic.get_absolute_url()


def test_unpublished_or_unknown_objects_cannot_be_discussed(client, alice, practice_factory):
    waiting = practice_factory("Waiting", status=Practice.Status.SUBMITTED, submitted_by=alice)
    client.force_login(alice)
    assert client.get(f"/discuss/about/practice/{waiting.pk}/").status_code == 404
    assert client.get("/discuss/about/nothing/1/").status_code == 404
    assert "Discuss this practice" not in client.get(waiting.get_absolute_url()).content.decode()


def test_a_dialogue_needs_a_question_and_closes_after_it_opens(maya):
    now = timezone.now()
    with pytest.raises(ValueError):
        services.dialogue_create(
            title="x", introduction="x", opens_at=now, closes_at=now, time_zone="UTC", questions=[], by=maya
        )


@pytest.mark.parametrize("kind", ["pledge", "resource", "event"])
def test_a_pledge_resource_or_event_page_opens_a_discussion_linked_both_ways(client, alice, board, trusted, kind):
    from hub.events.tests.factories import make_event
    from hub.pledges.tests.conftest import make_pledge
    from hub.resources.tests.factories import make_resource

    subject = {"pledge": make_pledge, "resource": make_resource, "event": make_event}[kind]()
    start = f"/discuss/about/{kind}/{subject.pk}/"
    page = client.get(subject.get_absolute_url()).text
    assert f'href="{start}"' in page and f"Discuss this {kind}" in page
    client.force_login(alice)
    client.post(start, {"board": board.pk, "title": f"About: {subject.title}", "body": "Who ran it?"})
    topic = Topic.objects.get(subject_id=subject.pk)
    assert f'href="{subject.get_absolute_url()}"' in client.get(topic.get_absolute_url()).text
    assert f'href="{topic.get_absolute_url()}"' in client.get(subject.get_absolute_url()).text
