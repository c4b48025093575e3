"""E-mails in their reader's language: a subscription remembers the language of the page it was made
on, a member's choice wins, and the links of each e-mail lead to the pages in that language."""

import re

import pytest
from django.core import mail
from django.utils import translation

from hub.follow.models import Frequency, Subscription
from hub.follow.services import digests_send
from hub.follow.tests.test_follow import TOPIC, follow, link_in
from hub.lib.mail import member_language
from hub.people.services import interface_language_save, profile_get_or_create
from hub.practices.tests.fixtures import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def every_language_offered(settings):
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES


def test_following_on_a_french_page_writes_in_french_with_french_links(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/follow/", {"what": "topic", "key": TOPIC, "email": "ana@example.org", "frequency": "weekly"}
        )
    assert response.status_code == 200 and '<html lang="fr"' in response.text
    assert Subscription.objects.get().language == "fr"
    [message] = mail.outbox
    confirm = link_in(message, "/fr/follow/confirm/")
    assert client.get(confirm).status_code == 200
    assert Subscription.objects.get().is_confirmed


def test_a_digest_links_each_reader_to_the_pages_in_their_language(django_capture_on_commit_callbacks):
    with translation.override("es"):
        follow("lucia@example.org")
    follow("ana@example.org")
    practice = make_practice("In Dallas")
    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY) == 2
    bodies = {message.to[0]: message.body for message in mail.outbox}
    path = practice.get_absolute_url()
    assert f"/es{path}" in bodies["lucia@example.org"] and re.search(
        r"/es/follow/unsubscribe/", bodies["lucia@example.org"]
    )
    ana = bodies["ana@example.org"]
    assert f"/es{path}" not in ana and f"{path}\n" in ana and "/es/" not in ana
    assert mail.outbox[0].extra_headers["List-Unsubscribe"]


def test_a_members_choice_of_language_is_the_language_of_their_e_mails(
    django_user_model, django_capture_on_commit_callbacks
):
    member = django_user_model.objects.create_user("amal", "amal@example.org", "x")
    assert member_language(member) is None
    profile_get_or_create(user=member)
    interface_language_save(user=member, language="ar")
    member.refresh_from_db()
    assert member_language(member) == "ar"
    subscription = follow("amal@example.org", user=member)
    assert subscription.language == "ar", "a member's choice wins over the page's language"
