"""Spam defences: rate limits on sign-up, comments and practice submissions; honeypot fields."""

import pytest
from django.contrib.auth import get_user_model

from hub.practices.models import Practice
from hub.reactions.models import Comment

pytestmark = pytest.mark.django_db


def sign_up(client, n):
    password = "sturdy lantern meadow 42"
    return client.post(
        "/accounts/signup/",
        {"username": f"bot{n}", "email": f"bot{n}@example.org", "password1": password, "password2": password},
    )


def test_sign_ups_from_one_address_are_limited_and_the_form_keeps_what_was_typed(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": "2/h"}
    assert [sign_up(client, n).status_code for n in range(2)] == [302, 302]
    client.logout()
    response = sign_up(client, 3)
    assert response.status_code == 429
    assert "too many times" in response.content.decode() and 'value="bot3"' in response.content.decode()
    assert not get_user_model().objects.filter(username="bot3").exists()


def test_comments_are_limited_per_member(client, settings, alice, bob, practice_factory):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": "2/h"}
    practice = practice_factory()
    client.force_login(alice)
    url = f"/reactions/practice/{practice.pk}/comment/"
    assert [client.post(url, {"body": f"c{n}"}).status_code for n in range(2)] == [302, 302]
    response = client.post(url, {"body": "one too many"})
    assert response.status_code == 429 and "one too many" in response.content.decode()
    assert Comment.objects.count() == 2
    client.force_login(bob)
    assert client.post(url, {"body": "Bob has his own allowance"}).status_code == 302


def test_a_comment_with_the_hidden_field_filled_is_refused(client, alice, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    response = client.post(f"/reactions/practice/{practice.pk}/comment/", {"body": "Hi", "website": "x"})
    assert response.status_code == 400
    assert not Comment.objects.exists()


def submission(n):
    return {
        "title": f"Practice {n}",
        "summary": "A summary.",
        "organisation_name": "City of Bots",
        "country": "CO",
        "language": "en",
        "submitter_name": "Bot",
        "submitter_email": "bot@example.org",
        "duplicates_seen": "1",  # past the "looks like another practice" step: only the rate limit stops it
    }


def test_submissions_are_limited_and_the_form_keeps_what_was_typed(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": "2/h"}
    assert [client.post("/practices/submit/", submission(n)).status_code for n in range(2)] == [302, 302]
    response = client.post("/practices/submit/", submission(3))
    assert response.status_code == 429
    assert "too many times" in response.content.decode() and 'value="Practice 3"' in response.content.decode()
    assert Practice.objects.count() == 2


def test_a_submission_with_the_hidden_field_filled_is_refused(client):
    response = client.post("/practices/submit/", {**submission(1), "website": "https://spam.example"})
    assert response.status_code == 400
    assert not Practice.objects.exists()
