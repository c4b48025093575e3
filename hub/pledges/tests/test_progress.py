"""Representatives post progress; trusted ones are published at once, the others wait for a moderator;
the pledge's state and its progress per target follow the published updates only."""

import html
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from hub.pledges.models import Pledge, ProgressUpdate


def update_form(pledge, reached=120, state="in-progress", **extra):
    target = pledge.targets.get(unit="families")
    return {
        "date": "2024-01-15",
        "text": "The first 120 families have a case manager.",
        "state": state,
        f"target_{target.pk}": reached,
        "evidence_list": "https://barranquilla.gov.co/palante-report",
        **extra,
    }


def page_text(client, pledge):
    return html.unescape(client.get(pledge.get_absolute_url()).content.decode())


def test_a_trusted_representative_posts_an_update_that_is_published_at_once(client, carla, pledge_factory):
    pledge = pledge_factory()
    client.force_login(carla)

    response = client.post(f"/pledges/{pledge.slug}/updates/new/", update_form(pledge))

    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.is_published and update.evidence == ["https://barranquilla.gov.co/palante-report"]
    pledge.refresh_from_db()
    assert pledge.state == Pledge.State.IN_PROGRESS
    client.logout()
    text = page_text(client, pledge)
    assert "120 of 500 (24%), as of 15 January 2024" in text
    assert 'value="120"' in text and "The first 120 families have a case manager." in text


def test_an_update_of_an_untrusted_representative_waits_and_shows_nothing_until_published(
    client, diego, maya, pledge_factory
):
    pledge = pledge_factory()
    client.force_login(diego)
    client.post(f"/pledges/{pledge.slug}/updates/new/", update_form(pledge, text="A secret draft of progress."))
    update = ProgressUpdate.objects.get()
    assert update.status == ProgressUpdate.Status.SUBMITTED
    client.logout()

    text = page_text(client, pledge)
    assert "A secret draft of progress." not in text and "no progress reported yet" in text
    assert Pledge.objects.get(pk=pledge.pk).state == Pledge.State.PLEDGED
    assert "secret draft" not in client.get("/feeds/pledge-updates/").content.decode()

    client.force_login(maya)
    assert client.get("/moderation/", {"kind": "pledge-updates"}).context["page"].object_list[0] == update
    client.post(f"/moderation/pledge-updates/{update.pk}/publish/")
    client.logout()
    assert "A secret draft of progress." in page_text(client, pledge)
    assert Pledge.objects.get(pk=pledge.pk).state == Pledge.State.IN_PROGRESS


def test_members_who_do_not_represent_the_body_cannot_post(client, bob, pledge_factory):
    pledge = pledge_factory()
    client.force_login(bob)

    assert client.post(f"/pledges/{pledge.slug}/updates/new/", update_form(pledge)).status_code == 403
    assert not ProgressUpdate.objects.exists()
    client.logout()
    assert client.get(f"/pledges/{pledge.slug}/updates/new/").status_code == 302  # to sign in


def test_a_representative_of_another_body_cannot_post(client, carla, pledge_factory):
    pledge = pledge_factory("Community ambassadors", body="City of Dallas", place=("Dallas", "US"))
    client.force_login(carla)

    assert client.post(f"/pledges/{pledge.slug}/updates/new/", {"date": "2024-01-01"}).status_code == 403


def test_a_bad_update_is_a_400_that_keeps_the_text(client, carla, pledge_factory):
    pledge = pledge_factory()
    client.force_login(carla)

    response = client.post(
        f"/pledges/{pledge.slug}/updates/new/", update_form(pledge, reached=-3, evidence_list="not-a-link")
    )

    assert response.status_code == 400
    assert "The first 120 families have a case manager." in html.unescape(response.content.decode())
    assert not ProgressUpdate.objects.exists()


def test_no_update_can_be_posted_on_a_pledge_under_review(client, carla, pledge_factory):
    pledge = pledge_factory(status=Pledge.Status.SUBMITTED)
    client.force_login(carla)

    assert client.post(f"/pledges/{pledge.slug}/updates/new/", update_form(pledge)).status_code == 404


def test_the_newest_published_update_sets_the_state_and_a_final_one_closes_it(client, carla, pledge_factory):
    pledge = pledge_factory(end=date(2020, 12, 1), start=date(2020, 1, 1))
    assert pledge.is_update_due()
    client.force_login(carla)

    client.post(f"/pledges/{pledge.slug}/updates/new/", update_form(pledge, reached=500, state="completed"))

    pledge.refresh_from_db()
    assert pledge.state == Pledge.State.COMPLETED and not pledge.is_update_due()
    assert "100%" in page_text(client, pledge)


@pytest.mark.parametrize("end", [date(2020, 12, 1)])
def test_owners_are_reminded_of_a_due_update_once_per_due_date(
    carla, pledge_factory, django_capture_on_commit_callbacks, end
):
    pledge = pledge_factory(end=end, start=date(2020, 1, 1))
    pledge_factory("Not yet due", end=date(2099, 1, 1), start=date(2020, 1, 1))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_pledge_updates")
        call_command("remind_pledge_updates")

    assert [message.to for message in mail.outbox] == [["carla@example.org"]]
    assert (
        "An update is due" in mail.outbox[0].subject and f"/pledges/{pledge.slug}/updates/new/" in mail.outbox[0].body
    )

    Pledge.objects.filter(pk=pledge.pk).update(end_date=date(2021, 6, 1))  # a new due date
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_pledge_updates")
    assert len(mail.outbox) == 2


def test_a_pledge_under_review_or_closed_gets_no_reminder(carla, pledge_factory, django_capture_on_commit_callbacks):
    pledge_factory(end=date(2020, 12, 1), start=date(2020, 1, 1), status=Pledge.Status.SUBMITTED)
    pledge_factory("Dropped", end=date(2020, 12, 1), start=date(2020, 1, 1), state=Pledge.State.NOT_PURSUED)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_pledge_updates")

    assert mail.outbox == []
