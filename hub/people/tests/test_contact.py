"""Members write to listed members through the site: addresses stay hidden, the rate is limited, and a
member can opt out in their profile."""

import pytest

from hub.people.models import Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def lucia(django_user_model):
    user = django_user_model.objects.create_user(
        "lucia", "lucia@example.org", "x", first_name="Lucía", last_name="Pérez"
    )
    Profile.objects.create(user=user, listed=True)
    return user


def test_a_member_writes_to_a_listed_member_without_seeing_their_address(
    client, alice, lucia, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    page = client.get("/members/lucia/")
    assert 'href="/members/lucia/write/"' in page.text
    form = client.get("/members/lucia/write/")
    assert "lucia@example.org" not in form.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/members/lucia/write/", {"message": "Could we talk about your language cafés?"})

    assert response.status_code == 302 and response["Location"] == "/members/lucia/"
    [mail] = mailoutbox
    assert mail.to == ["lucia@example.org"]
    assert "Could we talk about your language cafés?" in mail.body
    assert alice.email not in mail.body and alice.email not in str(mail.message())
    assert "/members/alice/" in mail.body and "/accounts/profile/" in mail.body


def test_visitors_must_sign_in_to_write(client, lucia):
    response = client.get("/members/lucia/write/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_member_who_opted_out_or_is_not_listed_cannot_be_written_to(client, alice, lucia, mailoutbox):
    client.force_login(alice)
    Profile.objects.filter(user=lucia).update(contactable=False)
    assert client.get("/members/lucia/write/").status_code == 404
    assert client.post("/members/lucia/write/", {"message": "Hello"}).status_code == 404
    assert 'href="/members/lucia/write/"' not in client.get("/members/lucia/").text

    Profile.objects.filter(user=lucia).update(contactable=True, listed=False)
    assert client.get("/members/lucia/write/").status_code == 404
    assert mailoutbox == []


def test_writing_is_rate_limited_and_keeps_the_message(client, alice, lucia, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "contact": "2/h"}
    client.force_login(alice)
    for _ in range(2):
        assert client.post("/members/lucia/write/", {"message": "Hello"}).status_code == 302

    response = client.post("/members/lucia/write/", {"message": "Hello again"})

    assert response.status_code == 429
    assert "too many times" in response.text and "Hello again" in response.text


def test_an_empty_message_is_a_400_and_sends_nothing(client, alice, lucia, mailoutbox):
    client.force_login(alice)

    assert client.post("/members/lucia/write/", {"message": ""}).status_code == 400
    assert mailoutbox == []


def test_the_profile_offers_languages_as_checkboxes_and_the_opt_out(client, lucia):
    client.force_login(lucia)

    text = client.get("/accounts/profile/").text

    assert 'type="checkbox" name="languages" value="fr"' in text
    assert "Hold Ctrl" not in text
    assert 'name="contactable"' in text
