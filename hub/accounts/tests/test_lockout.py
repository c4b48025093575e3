"""The lockout counts guesses per account and per person, behind a proxy too."""

import pytest
from django.test import Client

from hub.practices.tests.fixtures import PASSWORD
from hub.practices.tests.test_submit import valid_form

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def behind_proxy(person: str) -> Client:
    """A browser whose requests reach us through our proxy, which appends the person's address."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=person)


@pytest.fixture
def proxied(settings):
    settings.TRUSTED_PROXY_HOPS = 1


def test_behind_the_proxy_a_locked_out_person_does_not_lock_out_another(proxied, alice, settings):
    guesser, alice_herself = behind_proxy("203.0.113.5"), behind_proxy("198.51.100.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        guesser.post("/accounts/login/", {"login": "alice", "password": "guess"})

    assert guesser.post("/accounts/login/", {"login": "alice", "password": PASSWORD}).status_code == 429
    assert alice_herself.post("/accounts/login/", {"login": "alice", "password": PASSWORD}).status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lockout(proxied, alice, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        forged = behind_proxy(f"192.0.2.{n}, 203.0.113.5")
        forged.post("/accounts/login/", {"login": "alice", "password": "guess"})

    forged = behind_proxy("192.0.2.99, 203.0.113.5")
    assert forged.post("/accounts/login/", {"login": "alice", "password": PASSWORD}).status_code == 429


def test_behind_the_proxy_each_person_has_their_own_submission_allowance(proxied, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": "1/h"}
    first, second = behind_proxy("203.0.113.5"), behind_proxy("198.51.100.7")

    assert first.post("/practices/submit/", valid_form(title="One")).status_code == 302
    assert first.post("/practices/submit/", valid_form(title="Two")).status_code == 429
    assert second.post("/practices/submit/", valid_form(title="Three")).status_code == 302


def test_guesses_by_user_name_and_by_e_mail_address_count_for_one_account(client, alice, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        login = "alice" if n % 2 else "Alice@Example.org"
        client.post("/accounts/login/", {"login": login, "password": "guess"})

    assert client.post("/accounts/login/", {"login": "alice", "password": PASSWORD}).status_code == 429


def test_a_sign_in_name_longer_than_any_is_refused_with_a_message(client):
    response = client.post("/accounts/login/", {"login": "a" * 300, "password": "guess"})
    assert response.status_code in (200, 400)
    assert "a" * 300 in response.text
