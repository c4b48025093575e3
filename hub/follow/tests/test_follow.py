"""Following by e-mail: members in one click, anyone else by a confirmed address; alerts when content is
published (after commit, never unpublished content); digests; one-click unsubscribe that nobody can
forge; saved searches matched by the list's own selection."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hub.follow.models import Frequency, Sending, Subscription
from hub.follow.services import digests_send, follow_wanted, subscription_follow
from hub.follow.tokens import unsubscribe_token
from hub.practices.models import Practice
from hub.practices.tests.fixtures import make_practice
from hub.publishing.services import content_archive, content_publish

pytestmark = pytest.mark.django_db
TOPIC = "discrimination-and-xenophobia"


def follow(email, what="topic", key=TOPIC, frequency=Frequency.DAILY, user=None, confirmed=True):
    subscription = subscription_follow(
        wanted=follow_wanted(what=what, key=key), email=email, frequency=frequency, user=user
    )
    if confirmed and not subscription.confirmed_at:
        subscription.confirmed_at = timezone.now() - datetime.timedelta(days=2)
        subscription.save()
    return subscription


def link_in(message, path):
    return re.search(rf"https?://[^/\s]+({path}[^\s]+/)", message.body).group(1)


def publish(practice, django_capture_on_commit_callbacks, by=None):
    with django_capture_on_commit_callbacks(execute=True):
        content_publish(obj=practice, by=by)
    return practice


def test_an_anonymous_reader_follows_by_confirming_the_link_sent_to_their_address(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/follow/", {"what": "topic", "key": TOPIC, "email": "Ana@Example.org", "frequency": "weekly"}
        )
    assert response.status_code == 200
    assert "We sent a link to ana@example.org" in response.text
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.frequency, subscription.is_confirmed) == (
        "ana@example.org",
        "weekly",
        False,
    )
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "Discrimination and Xenophobia" in message.subject
    response = client.get(link_in(message, "/follow/confirm/"))
    assert response.status_code == 200
    assert "You follow “<bdi>Discrimination and Xenophobia</bdi>” by e-mail: A weekly digest." in response.text
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_nothing_is_sent_to_an_address_that_has_not_confirmed(django_capture_on_commit_callbacks):
    follow("ana@example.org", frequency=Frequency.IMMEDIATELY, confirmed=False)
    draft = make_practice("New in Dallas", status=Practice.Status.SUBMITTED)
    mail.outbox.clear()
    publish(draft, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert digests_send(frequency=Frequency.DAILY) == 0


def test_a_forged_or_altered_confirmation_link_is_a_400_and_confirms_nothing(client):
    subscription = follow("ana@example.org", confirmed=False)
    assert client.get("/follow/confirm/not-a-token/").status_code == 400
    assert client.get(f"/follow/confirm/{subscription.pk}:forged/").status_code == 400
    subscription.refresh_from_db()
    assert not subscription.is_confirmed


def test_bad_input_on_the_follow_page_is_a_4xx_that_keeps_what_was_typed(client):
    assert client.get("/follow/?what=nothing").status_code == 404
    assert client.get("/follow/?what=topic&key=no-such-topic").status_code == 404
    assert client.get("/follow/?what=practices&key=theme%3Dno-such-theme").status_code == 404
    response = client.post("/follow/", {"what": "topic", "key": TOPIC, "email": "not an address", "frequency": "daily"})
    assert response.status_code == 400
    assert 'value="not an address"' in response.text
    assert not Subscription.objects.exists()


def test_the_follow_page_shows_the_feed_addresses_to_copy(client):
    response = client.get(f"/follow/?what=topic&key={TOPIC}")
    assert response.status_code == 200
    assert f'value="http://testserver/feeds/topics/{TOPIC}/"' in response.text
    assert f'value="http://testserver/feeds/topics/{TOPIC}/atom/"' in response.text


def test_a_member_follows_in_one_click_without_a_confirmation(client, bob):
    client.force_login(bob)
    page = client.get(f"/topics/{TOPIC}/")
    assert 'action="/follow/"' in page.text and "Follow by e-mail" in page.text
    response = client.post("/follow/", {"what": "topic", "key": TOPIC, "frequency": "immediately"})
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert (subscription.user, subscription.email, subscription.is_confirmed) == (bob, "bob@example.org", True)
    assert mail.outbox == []
    mine = client.get("/follow/mine/")
    assert "Discrimination and Xenophobia" in mine.text


def test_every_followable_page_has_the_follow_control_and_feed_links(client, db):
    make_practice("Community ambassadors in Dallas").tags.add("Ambassadors")
    for url, feed in [
        (f"/topics/{TOPIC}/", f"/feeds/topics/{TOPIC}/"),
        ("/practices/?theme=education", "/feeds/practices/?theme=education"),
        ("/search/?q=ambassadors", "/feeds/search/?q=ambassadors"),
        ("/places/united-states-of-america/", "/feeds/places/united-states-of-america/"),
        ("/places/northern-america/", "/feeds/places/northern-america/"),
        ("/pledges/", "/feeds/pledges/"),
    ]:
        text = client.get(url).text
        assert '<link rel="alternate" type="application/rss+xml"' in text, url
        assert f'href="{feed}"' in text, url
        assert 'class="follow-control"' in text, url
        assert "Subscribe to" not in text, url
        assert "Follow by e-mail" in text, url


def test_a_member_changes_and_stops_a_subscription_in_their_account(client, bob, alice):
    mine = follow("bob@example.org", user=bob)
    theirs = follow("alice@example.org", user=alice)
    client.force_login(bob)
    assert (
        client.post(
            "/follow/mine/", {"subscription": mine.pk, "action": "frequency", "frequency": "weekly"}
        ).status_code
        == 302
    )
    mine.refresh_from_db()
    assert mine.frequency == "weekly"
    assert client.post("/follow/mine/", {"subscription": theirs.pk, "action": "stop"}).status_code == 404
    assert (
        client.post(
            "/follow/mine/", {"subscription": mine.pk, "action": "frequency", "frequency": "hourly"}
        ).status_code
        == 400
    )
    assert client.post("/follow/mine/", {"subscription": mine.pk, "action": "stop"}).status_code == 302
    assert list(Subscription.objects.all()) == [theirs]


def test_an_immediate_alert_goes_out_when_a_practice_is_published_with_a_one_click_unsubscribe(
    client, maya, django_capture_on_commit_callbacks
):
    follow("ana@example.org", frequency=Frequency.IMMEDIATELY)
    follow("ana@example.org", what="place", key="united-states-of-america", frequency=Frequency.IMMEDIATELY)
    follow("ben@example.org", what="topic", key="education", frequency=Frequency.IMMEDIATELY)
    practice = make_practice("New in Dallas", status=Practice.Status.SUBMITTED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content_publish(obj=practice, by=maya)
    assert mail.outbox == [], "nothing before the commit"
    for callback in callbacks:
        callback()
    [message] = [m for m in mail.outbox if "ana@example.org" in m.to]
    assert not [m for m in mail.outbox if "ben@example.org" in m.to]
    assert message.subject == "New: New in Dallas"
    assert practice.get_absolute_url() in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("http://") and "/follow/unsubscribe/" in unsubscribe
    path = re.sub(r"^https?://[^/]+", "", unsubscribe)
    assert client.get(path).status_code == 200
    assert Subscription.objects.filter(email="ana@example.org").count() == 2, "a GET (a mail scanner) stops nothing"
    assert client.post(path).status_code == 200
    assert not Subscription.objects.filter(email="ana@example.org").exists()
    assert Subscription.objects.filter(email="ben@example.org").exists()


def test_an_unsubscribe_link_cannot_stop_someone_elses_subscription(client):
    mine = follow("ana@example.org")
    theirs = follow("ben@example.org", what="topic", key="education")
    assert client.post("/follow/unsubscribe/forged/").status_code == 400
    # Ana's signed link names her address: Ben's subscription in it is left alone.
    mine.pk, real_pk = theirs.pk, mine.pk
    token = unsubscribe_token([mine])
    mine.pk = real_pk
    client.post(f"/follow/unsubscribe/{token}/")
    assert Subscription.objects.count() == 2
    tampered = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    assert client.post(f"/follow/unsubscribe/{tampered}/").status_code == 400


def test_nobody_gets_the_same_item_twice(django_capture_on_commit_callbacks):
    follow("ana@example.org", frequency=Frequency.IMMEDIATELY)
    follow("ana@example.org", what="place", key="united-states-of-america", frequency=Frequency.DAILY)
    follow("ana@example.org", what="practices", key="", frequency=Frequency.DAILY)
    practice = make_practice("New in Dallas", status=Practice.Status.SUBMITTED)
    mail.outbox.clear()
    publish(practice, django_capture_on_commit_callbacks)
    publish(make_practice("Second in Dallas", status=Practice.Status.SUBMITTED), django_capture_on_commit_callbacks)
    assert len([m for m in mail.outbox if m.subject.startswith("New:")]) == 2
    mail.outbox.clear()
    # Both were in an alert already: the daily digest has nothing new and is not sent.
    assert digests_send(frequency=Frequency.DAILY, now=timezone.now() + datetime.timedelta(seconds=1)) == 0
    assert mail.outbox == []


def test_a_digest_groups_what_is_new_by_subscription_once_each_and_only_once(django_capture_on_commit_callbacks):
    follow("ana@example.org", what="topic", key=TOPIC)
    follow("ana@example.org", what="place", key="united-states-of-america")
    follow("ana@example.org", what="topic", key="education")
    make_practice("In Dallas")
    make_practice("In Bogota", place=("Bogotá", "CO"))
    make_practice("Elsewhere, on education", topics=("education",), place=("Lyon", "FR"))
    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY) == 1
    [message] = mail.outbox
    body = message.body
    assert body.count("In Dallas") == 1, "under its first subscription only"
    assert "== Discrimination and Xenophobia ==" in body and "In Bogota" in body
    assert "== Education ==" in body and "Elsewhere, on education" in body
    assert "== Practices in United States of America ==" not in body, "no empty section"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Sending.objects.get(email="ana@example.org").items
    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY, now=timezone.now() + datetime.timedelta(minutes=1)) == 0
    assert mail.outbox == []


def test_the_weekly_digest_and_the_command_for_cron(db):
    follow("ana@example.org", frequency=Frequency.WEEKLY)
    make_practice("In Dallas")
    mail.outbox.clear()
    call_command("send_digests", "--daily")
    assert mail.outbox == []
    call_command("send_digests", "--weekly")
    [message] = mail.outbox
    assert "weekly digest" in message.subject


def test_a_practice_published_then_archived_between_two_digests_is_in_no_email(
    maya, django_capture_on_commit_callbacks
):
    follow("ana@example.org")
    follow("ben@example.org", frequency=Frequency.IMMEDIATELY, what="topic", key="education")
    practice = make_practice("Gone again", topics=("education", TOPIC))
    content_archive(obj=practice, by=maya)
    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY) == 0
    assert mail.outbox == []
    # The alert task finds it unpublished by the time it runs.
    from hub.follow.services import alerts_send

    assert alerts_send(model="practices.practice", pk=practice.pk) == 0


def test_a_saved_search_gets_what_the_list_with_its_filters_shows(client, bob, django_capture_on_commit_callbacks):
    client.force_login(bob)
    response = client.post(
        "/follow/", {"what": "practices", "key": "country=US&theme=education&page=3&junk=1", "frequency": "daily"}
    )
    assert response.status_code == 302
    saved = Subscription.objects.get()
    assert saved.key == "country=US&theme=education"
    assert saved.label == "New practices: Theme: Education · Country: United States of America"
    client.post("/follow/", {"what": "search", "key": "q=ambassadors", "frequency": "daily"})
    make_practice("Education ambassadors in Dallas", topics=("education",))
    make_practice("Education in Lyon", topics=("education",), place=("Lyon", "FR"))
    make_practice("Dallas, not education")
    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY) == 1
    body = mail.outbox[0].body
    assert "Education ambassadors in Dallas" in body
    assert "Education in Lyon" not in body and "Dallas, not education" not in body


def test_a_followed_list_is_named_with_the_colon_spacing_of_the_readers_language(client, bob):
    client.force_login(bob)
    client.post("/fr/follow/", {"what": "practices", "key": "theme=education", "frequency": "daily"})

    # French puts a no-break space before each colon, the catalogue's and the one after a filter's name.
    assert Subscription.objects.get().label == "Nouvelles pratiques\u00a0: Thème\u00a0: Éducation"


def test_a_failed_send_is_retried_and_does_not_stop_the_others(settings):
    settings.EMAIL_BACKEND = "hub.follow.tests.flaky.FlakyBackend"
    from hub.follow.tests import flaky

    flaky.FAILURES_LEFT = {"ana@example.org": 2}
    flaky.SENT.clear()
    for email in ("ana@example.org", "ben@example.org"):
        follow(email)
    make_practice("In Dallas")
    assert digests_send(frequency=Frequency.DAILY) == 2
    assert sorted(flaky.SENT) == ["ana@example.org", "ben@example.org"]
    assert flaky.FAILURES_LEFT == {"ana@example.org": 0}


def test_a_digest_holds_only_what_was_published_since_the_last_one(db):
    follow("ana@example.org")
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=3)):
        make_practice("Old news")
    assert digests_send(frequency=Frequency.DAILY) == 1
    mail.outbox.clear()
    make_practice("Fresh")
    assert digests_send(frequency=Frequency.DAILY, now=timezone.now() + datetime.timedelta(seconds=1)) == 1
    assert "Fresh" in mail.outbox[0].body and "Old news" not in mail.outbox[0].body


def test_a_digest_section_lists_ten_items_then_links_to_the_rest(db):
    follow("ana@example.org")
    for n in range(12):
        make_practice(f"Practice number {n}")
    assert digests_send(frequency=Frequency.DAILY) == 1
    body = mail.outbox[-1].body
    assert body.count("* Practice number") == 10
    assert "And 2 more: http://" in body and "/topics/discrimination-and-xenophobia/" in body
    assert len(Sending.objects.get().items) == 10


def _translated_into_french(practice):
    from hub.publishing.services import translation_save

    translation_save(
        obj=practice,
        language="fr",
        fields={"title": "Nouveau à Dallas", "summary": "Des voisins accueillent les nouveaux arrivants."},
        translator_name="Camille Roux",
        translated_on=datetime.date(2026, 11, 30),
        published=True,
        by=None,
    )


def test_alerts_and_digests_give_each_subscriber_the_translation_into_their_language(
    every_language, django_capture_on_commit_callbacks
):
    for email, frequency in (("ana@example.org", Frequency.IMMEDIATELY), ("ana@example.org", Frequency.DAILY)):
        follow(email, frequency=frequency)
    follow("ben@example.org", frequency=Frequency.IMMEDIATELY)
    follow("carla@example.org", frequency=Frequency.DAILY)
    Subscription.objects.filter(email="ana@example.org").update(language="fr")
    practice = make_practice("New in Dallas", status=Practice.Status.SUBMITTED)
    _translated_into_french(practice)
    mail.outbox.clear()
    publish(practice, django_capture_on_commit_callbacks)

    alerts = {message.to[0]: message for message in mail.outbox}
    assert "Nouveau à Dallas" in alerts["ana@example.org"].body
    assert f"/fr/practices/{practice.slug}/" in alerts["ana@example.org"].body
    assert "New in Dallas" in alerts["ben@example.org"].body and "Nouveau" not in alerts["ben@example.org"].body
    assert practice.title == "New in Dallas", "the practice itself is never changed"

    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY, now=timezone.now() + datetime.timedelta(seconds=1)) == 1
    [digest] = mail.outbox
    assert digest.to == ["carla@example.org"], "Ana had it in her alert"
    assert "New in Dallas" in digest.body and "Nouveau" not in digest.body


def test_a_french_digest_shows_the_french_translation_and_an_english_one_the_original(every_language):
    follow("ana@example.org")
    follow("carla@example.org")
    Subscription.objects.filter(email="ana@example.org").update(language="fr")
    practice = make_practice("In Dallas")
    _translated_into_french(practice)
    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY) == 2
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Nouveau à Dallas" in bodies["ana@example.org"] and "Des voisins accueillent" in bodies["ana@example.org"]
    assert "In Dallas" in bodies["carla@example.org"] and "Nouveau" not in bodies["carla@example.org"]
