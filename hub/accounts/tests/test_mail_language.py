"""Every e-mail goes out in its recipient's language: a member's chosen one (which signing up records as
the language they signed up in), whatever the language of the page whose request sends it; links too."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from hub.people.services import interface_language_save
from hub.practices.tests.fixtures import PASSWORD, with_verified_email

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "sturdy lantern meadow 42"
ARABIC = re.compile("[\u0600-\u06ff]")


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body)[0]


def test_a_member_who_reads_arabic_gets_an_arabic_password_reset_even_from_an_english_page(
    client, every_language, alice, mailoutbox
):
    interface_language_save(user=alice, language="ar")

    response = client.post("/accounts/password/reset/", {"email": "alice@example.org"})

    assert response.status_code == 302
    [message] = mailoutbox
    assert ARABIC.search(message.subject) and ARABIC.search(message.body)
    assert "/ar/accounts/password/reset/key/" in link_in(message)  # the page it leads to is in Arabic too
    assert "Password Reset" not in message.subject


def test_a_member_without_a_choice_gets_the_site_language_and_an_unknown_address_the_pages(
    client, every_language, bob, mailoutbox
):
    client.post("/accounts/password/reset/", {"email": "bob@example.org"})
    client.post("/fr/accounts/password/reset/", {"email": "nobody@example.org"})

    english, french = mailoutbox
    assert not ARABIC.search(english.body) and "/accounts/password/reset/key/" in link_in(english)
    assert "/fr/" not in link_in(english)
    assert french.to == ["nobody@example.org"] and "/fr/accounts/" in french.body


def test_signing_up_in_spanish_makes_spanish_the_members_language(client, every_language, mailoutbox):
    response = client.post(
        "/es/accounts/signup/",
        {"username": "lucia", "email": "lucia@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    lucia = get_user_model().objects.get(username="lucia")
    assert lucia.profile.interface_language == "es"
    [message] = mailoutbox
    assert "/es/accounts/confirm-email/" in link_in(message)
    # Later mail to her follows that language, whatever page sends it.
    client.post("/fr/accounts/password/reset/", {"email": "lucia@example.org"})
    assert "/es/accounts/password/reset/key/" in link_in(mailoutbox[1])


def test_a_pledge_reminder_goes_to_each_owner_in_their_language(
    every_language, django_user_model, django_capture_on_commit_callbacks
):
    from hub.pledges.tests.conftest import make_pledge

    ana = with_verified_email(django_user_model.objects.create_user("ana", "ana@example.org", PASSWORD))
    interface_language_save(user=ana, language="es")
    pledge = make_pledge(end=date(2020, 12, 1), start=date(2020, 1, 1))
    type(pledge).objects.filter(pk=pledge.pk).update(submitted_by=ana, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_pledge_updates")

    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "Se espera una actualización" in message.subject
    assert "/es/pledges/" in message.body and "An update is due" not in message.subject


def test_a_forum_notification_follows_the_recipient_not_the_writer(client, every_language, alice, bob):
    from hub.lib.mail import recipient_language

    interface_language_save(user=bob, language="fr")
    assert recipient_language(bob) == "fr"
    assert recipient_language(alice) == "en"  # no choice: the site's, never the sender's page's
    assert recipient_language(None, otherwise="ar") == "ar"
