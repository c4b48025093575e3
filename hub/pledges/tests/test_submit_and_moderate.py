"""Anyone submits a pledge through the shared moderated workflow; nothing unpublished shows anywhere."""

import html

from django.core import mail

from hub.pledges.models import Pledge, Target
from hub.publishing import services as publishing

FORM = {
    "title": "PA'LANTE for migrant and refugee families",
    "commitment": "Barranquilla commits to implement PA'LANTE to support 500 migrant and refugee families.",
    "body": "A *comprehensive* service approach.<script>alert(1)</script>",
    "organisation_name": "City of Barranquilla",
    "place_name": "Barranquilla",
    "country": "CO",
    "start_date": "2023-06",
    "end_date": "2024-12",
    "target_list": "500 families\n40 case managers",
    "state": "pledged",
    "language": "en",
    "submitter_name": "Ana",
    "submitter_email": "ana@example.org",
}


def test_an_anonymous_visitor_submits_a_pledge_that_waits_for_a_moderator(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/pledges/submit/", FORM)

    pledge = Pledge.objects.get()
    assert response.status_code == 302 and response["Location"] == pledge.get_status_url()
    assert pledge.status == Pledge.Status.SUBMITTED and pledge.submitter_display == "Ana (not verified)"
    assert pledge.organisation.name == "City of Barranquilla" and pledge.places.get().country == "CO"
    assert [(t.number, t.unit) for t in pledge.targets.all()] == [(500, "families"), (40, "case managers")]
    assert mail.outbox[-1].to == ["ana@example.org"] and pledge.get_status_url() in mail.outbox[-1].body


def test_a_bad_submission_is_a_400_that_keeps_what_was_typed_and_saves_nothing(client, db):
    response = client.post("/pledges/submit/", {**FORM, "target_list": "many families", "end_date": "2020-01"})

    assert response.status_code == 400
    content = html.unescape(response.content.decode())
    assert "is not a number followed by what it counts" in content and "The end comes before the start" in content
    assert "Barranquilla commits to implement" in content
    assert not Pledge.objects.exists() and not Target.objects.exists()


def test_a_pledge_under_review_is_nowhere_public(client, pledge_factory):
    pledge = pledge_factory(status=Pledge.Status.SUBMITTED)

    assert client.get(pledge.get_absolute_url()).status_code == 404
    for path in ("/pledges/", "/feeds/pledges/", "/sitemap.xml", "/places/colombia/", "/pledges/?country=CO"):
        assert pledge.title not in html.unescape(client.get(path).content.decode()), path


def test_a_moderator_publishes_a_pledge_from_the_shared_queue(client, maya, pledge_factory):
    pledge = pledge_factory(status=Pledge.Status.SUBMITTED)
    client.force_login(maya)

    queue = client.get("/moderation/", {"kind": "pledges"})
    assert [str(p) for p in queue.context["page"]] == [pledge.title]
    assert client.get(f"/moderation/pledges/{pledge.pk}/").status_code == 200
    client.post(f"/moderation/pledges/{pledge.pk}/publish/")

    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.PUBLISHED
    client.logout()
    assert pledge.title in html.unescape(client.get("/pledges/").content.decode())


def test_a_moderator_edits_and_restores_an_earlier_version_and_the_state_stays(client, maya, pledge_factory):
    pledge = pledge_factory()
    client.force_login(maya)
    form = client.get(f"/moderation/pledges/{pledge.pk}/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data.update(
        title="PA'LANTE, renamed",
        commitment=pledge.commitment,
        start_date="2023-06",
        end_date="2024-12",
        state="pledged",
        language="en",
        themes=[t.pk for t in form.initial["themes"]],
        country="CO",
        place_name="Barranquilla",
    )
    data.pop("gcm_objectives", None)
    data.pop("organisation_sector", None)

    response = client.post(f"/moderation/pledges/{pledge.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    publishing.content_set_fields(obj=pledge, by=maya, reason="State by a test", state=Pledge.State.IN_PROGRESS)
    first = pledge.history.earliest("history_date")
    client.post(f"/moderation/pledges/{pledge.pk}/restore/{first.history_id}/")

    pledge.refresh_from_db()
    assert pledge.title == "PA'LANTE for migrant and refugee families"
    assert pledge.state == Pledge.State.IN_PROGRESS  # its own state is a field apart from the workflow


def test_the_full_commitment_is_markdown_sanitised(client, pledge_factory):
    pledge = pledge_factory()
    Pledge.objects.filter(pk=pledge.pk).update(body="A *comprehensive* approach.<script>alert(1)</script>")

    content = html.unescape(client.get(pledge.get_absolute_url()).content.decode())

    assert "<em>comprehensive</em>" in content and "<script>alert(1)" not in content
