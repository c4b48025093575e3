"""The duplicate warning on submit (a second step, no JavaScript) and the marks moderators see."""

import pytest
from playwright.sync_api import expect

from hub.imports.models import PossibleDuplicate
from hub.practices.models import Practice
from hub.practices.tests.fixtures import make_practice
from hub.practices.tests.test_browser import fill_submission, sign_in
from hub.practices.tests.test_submit import valid_form

TITLE = "PA'LANTE: socio-economic integration of migrant families in Barranquilla"
SUMMARY = "Case managers help migrant families from Venezuela find work, school places and health care."


def published_twin(**changes):
    return make_practice(TITLE, summary=SUMMARY, place=("Barranquilla", "CO"), **changes)


@pytest.mark.django_db
def test_a_submission_like_a_published_practice_is_held_back_once_with_a_link(client):
    twin = published_twin()
    form = valid_form(title=TITLE, summary=SUMMARY)

    response = client.post("/practices/submit/", form)

    assert response.status_code == 200
    body = response.content.decode()
    assert "looks very like a practice already on the site" in body
    assert f'href="{twin.get_absolute_url()}"' in body
    assert 'name="duplicates_seen"' in body
    assert Practice.objects.count() == 1  # nothing sent yet
    assert response.context["form"]["title"].value() == TITLE  # what was typed is kept

    token = response.context["submission_token"]
    response = client.post("/practices/submit/", {**form, "submission_token": token, "duplicates_seen": "1"})

    assert response.status_code == 302
    sent = Practice.objects.exclude(pk=twin.pk).get()
    assert sent.status == Practice.Status.SUBMITTED
    mark = PossibleDuplicate.objects.get(practice=sent)
    assert mark.duplicate_of == twin and mark.score >= 80 and mark.job is None


@pytest.mark.django_db
def test_a_practice_waiting_in_the_queue_counts_but_is_not_linked(client):
    queued = published_twin(status=Practice.Status.SUBMITTED)

    response = client.post("/practices/submit/", valid_form(title=TITLE, summary=SUMMARY))

    body = response.content.decode()
    assert response.status_code == 200
    assert "waiting for review" in body
    assert queued.get_absolute_url() not in body


@pytest.mark.django_db
def test_a_different_practice_is_sent_at_once(client):
    published_twin()

    response = client.post(
        "/practices/submit/",
        valid_form(
            title="Bicycle repair workshop for newcomers in Oslo",
            summary="Newcomers repair donated bicycles and learn the road rules.",
        ),
    )

    assert response.status_code == 302
    assert not PossibleDuplicate.objects.exists()


@pytest.mark.django_db
def test_moderators_see_the_possible_duplicate_in_the_queue_and_side_by_side(client, maya):
    twin = published_twin()
    form = valid_form(title=TITLE, summary=SUMMARY + " Adapted for Cúcuta.")
    token = client.post("/practices/submit/", form).context["submission_token"]
    client.post("/practices/submit/", {**form, "submission_token": token, "duplicates_seen": "1"})
    mark = PossibleDuplicate.objects.get()

    client.force_login(maya)
    queue = client.get("/moderation/?kind=practices&status=submitted").content.decode()
    assert "Possible duplicate of" in queue
    assert f"/moderation/imports/possible-duplicates/{mark.pk}/" in queue

    page = client.get(f"/moderation/imports/possible-duplicates/{mark.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Adapted for Cúcuta." in text and twin.summary in text

    client.logout()
    assert client.get(f"/moderation/imports/possible-duplicates/{mark.pk}/").status_code in (302, 403)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_submitter_is_warned_of_a_duplicate_and_can_go_on(new_page, maya):
    twin = published_twin()
    visitor = new_page(javascript=False)
    visitor.goto("/practices/submit/")
    fill_submission(visitor, TITLE)
    visitor.get_by_role("button", name="Send for review").click()

    warning = visitor.locator("#possible-duplicates")
    expect(warning).to_contain_text("looks very like a practice already on the site")
    expect(warning.get_by_role("link", name=TITLE)).to_have_attribute("href", twin.get_absolute_url())
    assert Practice.objects.count() == 1
    visitor.get_by_role("button", name="Send it all the same").click()

    expect(visitor.get_by_role("heading", name="Status of your practice")).to_be_visible()
    sent = Practice.objects.exclude(pk=twin.pk).get()
    assert PossibleDuplicate.objects.filter(practice=sent, duplicate_of=twin).exists()

    moderator = new_page()
    sign_in(moderator)
    moderator.goto("/moderation/?kind=practices&status=submitted")
    moderator.get_by_role("link", name=TITLE).last.click()
    expect(moderator.get_by_role("heading", level=1)).to_contain_text("possible duplicate of")
