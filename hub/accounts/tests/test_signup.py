"""Sign-up with a verified e-mail address, sign-in by user name or address, lockout, password reset."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from hub.practices.tests.fixtures import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "sturdy lantern meadow 42"


def sign_up(client, username="lucia", email="lucia@example.org", **extra):
    return client.post(
        "/accounts/signup/",
        {"username": username, "email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **extra},
    )


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body)[0]


def test_signing_up_sends_a_verification_link_and_does_not_sign_in_yet(client, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert [message.to for message in mailoutbox] == [["lucia@example.org"]]
    assert "/accounts/confirm-email/" in link_in(mailoutbox[0])
    assert client.get("/accounts/").status_code == 302  # not signed in


def test_the_link_verifies_the_address_and_signs_the_member_in(client, mailoutbox):
    sign_up(client)
    confirm_path = re.sub(r"^https?://[^/]+", "", link_in(mailoutbox[0]))
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="lucia@example.org").verified
    assert response["Location"] == "/accounts/profile/"  # where they choose to be listed
    assert client.get("/accounts/").status_code == 200


def test_an_unverified_member_cannot_sign_in(client, mailoutbox):
    sign_up(client)
    response = client.post("/accounts/login/", {"login": "lucia", "password": NEW_PASSWORD})
    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/accounts/").status_code == 302


@pytest.mark.parametrize("login", ["alice", "alice@example.org", "ALICE@example.org"])
def test_a_member_signs_in_with_user_name_or_email(client, alice, login):
    response = client.post("/accounts/login/", {"login": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/").status_code == 200


def test_a_wrong_password_is_a_400_with_a_message_and_keeps_the_user_name(client, alice):
    response = client.post("/accounts/login/", {"login": "alice", "password": "wrong"})
    assert response.status_code == 400
    assert b'value="alice"' in response.content
    assert b"not correct" in response.content


def test_sign_up_with_bad_input_is_a_400_that_keeps_what_was_typed_and_creates_nothing(client):
    response = sign_up(client, username="lucia", email="not-an-address")
    assert response.status_code == 400
    assert b'value="lucia"' in response.content
    assert not get_user_model().objects.filter(username="lucia").exists()


def test_a_bot_filling_the_hidden_field_gets_no_account(client, mailoutbox):
    response = sign_up(client, website="https://spam.example")
    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="lucia").exists()
    assert mailoutbox == []


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"login": "alice", "password": "guess"})
    response = client.post("/accounts/login/", {"login": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed sign-ins" in response.content
    assert client.get("/accounts/").status_code == 302


def test_the_lockout_of_one_member_leaves_another_alone(client, alice, bob, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"login": "alice", "password": "guess"})
    response = client.post("/accounts/login/", {"login": "bob", "password": PASSWORD})
    assert response.status_code == 302


def test_a_forgotten_password_is_reset_by_a_link(client, alice, mailoutbox):
    response = client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["alice@example.org"]]
    reset_path = re.sub(r"^https?://[^/]+", "", link_in(mailoutbox[0]))
    form_page = client.get(reset_path, follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path
    response = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_a_member_changes_their_password(client, alice):
    client.force_login(alice)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_a_member_adds_an_email_address_that_must_be_verified(client, alice, mailoutbox):
    client.force_login(alice)
    response = client.post("/accounts/email/", {"action_add": "", "email": "alice@city.example"})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=alice, email="alice@city.example", verified=False).exists()
    assert [message.to for message in mailoutbox] == [["alice@city.example"]]


def test_signing_out_ends_the_session(client, alice):
    client.force_login(alice)
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/accounts/").status_code == 302


def test_the_demo_moderator_can_sign_in_with_a_verified_address(db, client):
    from hub.practices.demo import demo_load

    [(username, password)] = demo_load()["moderators"]
    response = client.post("/accounts/login/", {"login": username, "password": password})
    assert response.status_code == 302
    assert client.get("/moderation/").status_code == 200
