import pytest
from django.core import mail

from hub.practices.models import Practice
from hub.publishing import services as publishing

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(practice_factory):
    return practice_factory(
        "Moroccan dialect classes in Terrassa",
        status=Practice.Status.SUBMITTED,
        submitter_name="Núria Puig",
        submitter_email="nuria@example.org",
        topics=("education",),
    )


def test_the_queue_lists_submissions_oldest_first_for_moderators(client, maya, practice_factory, submission):
    practice_factory("Already public")
    client.force_login(maya)

    response = client.get("/moderation/")

    assert response.status_code == 200
    assert [p.title for p in response.context["page"]] == ["Moroccan dialect classes in Terrassa"]


def test_visitors_are_sent_to_sign_in_and_members_are_refused(client, alice, submission):
    assert client.get("/moderation/")["Location"].startswith("/accounts/login/")
    client.force_login(alice)
    assert client.get("/moderation/").status_code == 403
    assert client.get(f"/moderation/practices/{submission.pk}/").status_code == 403


@pytest.mark.parametrize("action", ["publish", "reject", "feature", "archive"])
def test_a_non_moderator_posting_to_a_moderation_url_changes_nothing(client, bob, submission, action):
    client.force_login(bob)

    response = client.post(f"/moderation/practices/{submission.pk}/{action}/", {"reason": "x", "featured": "1"})

    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == Practice.Status.SUBMITTED
    assert submission.featured is False


def test_an_anonymous_post_to_a_moderation_url_is_refused(client, submission):
    response = client.post(f"/moderation/practices/{submission.pk}/publish/")

    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == Practice.Status.SUBMITTED


def test_a_non_moderator_cannot_edit_through_the_review_form(client, bob, submission):
    client.force_login(bob)

    response = client.post(f"/moderation/practices/{submission.pk}/", {"title": "Hijacked"})

    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.title == "Moroccan dialect classes in Terrassa"


def test_publishing_makes_the_practice_public_and_tells_the_submitter(
    client, maya, submission, django_capture_on_commit_callbacks
):
    client.force_login(maya)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/moderation/practices/{submission.pk}/publish/")

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Practice.Status.PUBLISHED
    assert submission.published_at is not None
    client.logout()
    assert client.get(submission.get_absolute_url()).status_code == 200
    assert mail.outbox[-1].to == ["nuria@example.org"]
    assert "is now published" in mail.outbox[-1].body


def test_rejecting_needs_a_reason_which_is_emailed(client, maya, submission, django_capture_on_commit_callbacks):
    client.force_login(maya)

    refused = client.post(f"/moderation/practices/{submission.pk}/reject/", {"reason": "   "})
    submission.refresh_from_db()
    assert refused.status_code == 400
    assert submission.status == Practice.Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/moderation/practices/{submission.pk}/reject/", {"reason": "No results are described yet."})

    submission.refresh_from_db()
    assert submission.status == Practice.Status.REJECTED
    assert submission.rejection_reason == "No results are described yet."
    assert mail.outbox[-1].to == ["nuria@example.org"]
    assert "No results are described yet." in mail.outbox[-1].body
    client.logout()
    assert client.get(submission.get_absolute_url()).status_code == 404
    assert "No results are described yet." in client.get(submission.get_status_url()).text


def test_a_moderator_edits_a_submission_and_the_history_records_it(client, maya, submission):
    client.force_login(maya)
    form = client.get(f"/moderation/practices/{submission.pk}/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data.update(
        title="Moroccan Arabic classes for teachers in Terrassa",
        summary=submission.summary,
        organisation_name="Ajuntament de Terrassa",
        country="ES",
        place_name="Terrassa",
        themes=[t.pk for t in form.initial["themes"]],
        language="en",
    )
    data.pop("start_date", None)
    data.pop("end_date", None)
    data.pop("adapted_from_address", None)

    response = client.post(f"/moderation/practices/{submission.pk}/", data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    submission.refresh_from_db()
    assert submission.title == "Moroccan Arabic classes for teachers in Terrassa"
    latest = submission.history.first()
    assert latest.history_user == maya
    assert latest.history_change_reason == "Edited"
    page = client.get(f"/moderation/practices/{submission.pk}/").text
    assert "title" in page and "Edited" in page


def test_an_invalid_edit_keeps_what_was_typed_and_changes_nothing(client, maya, submission):
    client.force_login(maya)

    response = client.post(
        f"/moderation/practices/{submission.pk}/", {"title": "New title typed", "summary": "", "country": "ZZ"}
    )

    assert response.status_code == 400
    assert "New title typed" in response.text
    submission.refresh_from_db()
    assert submission.title == "Moroccan dialect classes in Terrassa"


def test_an_old_version_can_be_restored(client, maya, submission):

    publishing.content_update(obj=submission, data={"title": "A worse title", "topics": []}, by=maya)
    assert list(submission.topics.all()) == []
    original = submission.history.order_by("history_date").first()
    client.force_login(maya)

    client.post(f"/moderation/practices/{submission.pk}/restore/{original.history_id}/")

    submission.refresh_from_db()
    assert submission.title == "Moroccan dialect classes in Terrassa"
    assert [t.slug for t in submission.topics.all()] == ["education"]
    assert submission.status == Practice.Status.SUBMITTED
    assert submission.history.first().history_change_reason.startswith("Restored the version of")


def test_restoring_an_unknown_version_changes_nothing(client, maya, submission):
    client.force_login(maya)

    response = client.post(f"/moderation/practices/{submission.pk}/restore/999999/", follow=True)

    assert "That version does not exist." in response.text
    submission.refresh_from_db()
    assert submission.title == "Moroccan dialect classes in Terrassa"


def test_featuring_puts_a_published_practice_on_the_home_page(client, maya, practice_factory, submission):
    practice = practice_factory("Biais d'Entrée")
    client.force_login(maya)

    client.post(f"/moderation/practices/{submission.pk}/feature/", {"featured": "1"})
    client.post(f"/moderation/practices/{practice.pk}/feature/", {"featured": "1"})

    submission.refresh_from_db()
    assert submission.featured is False
    assert client.get("/").context["featured"] == practice


def test_archiving_takes_a_practice_off_the_public_pages(client, maya, practice_factory):
    practice = practice_factory("Old practice")
    client.force_login(maya)

    client.post(f"/moderation/practices/{practice.pk}/archive/")

    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert "Old practice" not in client.get("/practices/").text


def test_the_admin_shows_a_practice_history(admin_client, maya, submission):

    publishing.content_publish(obj=submission, by=maya)

    response = admin_client.get(f"/admin/practices/practice/{submission.pk}/history/")

    assert response.status_code == 200
    assert "Published" in response.text


def test_moderators_can_edit_the_vocabularies_in_the_admin(client, maya):
    client.force_login(maya)

    assert client.get("/admin/vocabularies/topic/").status_code == 200
    assert client.get("/admin/vocabularies/stakeholdertype/").status_code == 200
