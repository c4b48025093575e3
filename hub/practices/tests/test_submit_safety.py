"""No submission is lost: over-long fields are refused with a message, a form sent twice makes one
practice, and two submissions at the same moment with the same title or organisation both succeed."""

import re
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from hub.people.models import Organisation
from hub.people.services import organisation_get_or_create
from hub.practices import services
from hub.practices.models import Practice

from .test_submit import valid_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("link_list", "https://example.org/" + "a" * 200, "longer than 200 characters"),
        ("tags", "migrants, " + "t" * 101, "longer than 100 characters"),
        ("partner_names", "Red Cross\n" + "P" * 201, "longer than 200 characters"),
    ],
)
def test_an_over_long_link_tag_or_partner_is_refused_and_the_form_keeps_what_was_typed(client, field, value, message):
    response = client.post("/practices/submit/", valid_form(**{field: value}))

    assert response.status_code == 400
    assert message in response.text
    assert "PA&#x27;LANTE in Barranquilla" in response.text
    assert not Practice.objects.exists()


def token_of(page: str) -> str:
    return re.search(r'name="submission_token" value="([^"]+)"', page).group(1)


def test_the_same_form_sent_twice_makes_one_practice_and_both_land_on_its_status_page(client):
    token = token_of(client.get("/practices/submit/").text)

    first = client.post("/practices/submit/", valid_form(submission_token=token))
    second = client.post("/practices/submit/", valid_form(submission_token=token))

    practice = Practice.objects.get()
    assert first["Location"] == second["Location"] == practice.get_status_url()
    assert token not in practice.get_status_url()


def test_two_forms_with_the_same_title_make_two_practices(client):
    for _ in range(2):
        token = token_of(client.get("/practices/submit/").text)
        # The second is the first again: its submitter is warned (test_duplicates.py) and goes on.
        assert (
            client.post("/practices/submit/", valid_form(submission_token=token, duplicates_seen="1")).status_code
            == 302
        )
    assert sorted(Practice.objects.values_list("slug", flat=True)) == [
        "palante-in-barranquilla",
        "palante-in-barranquilla-2",
    ]


def test_a_made_up_token_still_submits_once(client):
    assert client.post("/practices/submit/", valid_form(submission_token="short")).status_code == 302
    assert Practice.objects.count() == 1


# ---------------------------------------------------------------- races, with two real connections

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: there is no race to test"
)


def in_thread(work) -> threading.Thread:
    """Runs `work` on its own database connection, as a second web process would."""
    errors = []

    def run():
        try:
            work()
        except Exception as error:  # reported to the test below
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.errors = errors
    thread.start()
    return thread


def hold_open_while(write, then):
    """`write` inside a transaction that stays open until `then` (on another connection) has run into it."""
    written = threading.Event()

    def first():
        with transaction.atomic():
            write()
            written.set()
            time.sleep(0.7)  # the other insert waits on the unique index meanwhile

    thread = in_thread(first)
    assert written.wait(10)
    result = then()
    thread.join()
    assert not thread.errors
    return result


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_new_organisations_of_the_same_name_at_the_same_moment_are_one():
    organisation = hold_open_while(
        lambda: organisation_get_or_create(name="Helping Hands"),
        lambda: organisation_get_or_create(name="Helping Hands"),
    )
    assert Organisation.objects.get(name="Helping Hands") == organisation


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_submissions_with_the_same_title_at_the_same_moment_are_both_kept():
    data = {"title": "Welcome walks", "summary": "S.", "organisation_name": "City of Lyon", "language": "en"}

    second = hold_open_while(
        lambda: services.practice_create(data=data, by=None, submitter_name="A", submitter_email="a@example.org"),
        lambda: services.practice_create(data=data, by=None, submitter_name="B", submitter_email="b@example.org"),
    )

    assert second.slug == "welcome-walks-2"
    assert Practice.objects.count() == 2 and Organisation.objects.filter(name="City of Lyon").count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_double_click_makes_one_practice_and_both_clicks_land_on_its_status_page():
    client = Client()
    token = token_of(client.get("/practices/submit/").text)
    responses = []

    def click():
        responses.append(Client().post("/practices/submit/", valid_form(submission_token=token)))

    clicks = [in_thread(click) for _ in range(2)]
    for thread in clicks:
        thread.join()
        assert not thread.errors

    practice = Practice.objects.get()
    assert [response["Location"] for response in responses] == [practice.get_status_url()] * 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_moderators_publishing_the_same_practice_at_once_publish_it_once(practice_factory, maya):
    from django.core import mail

    from hub.publishing import services as publishing

    waiting = practice_factory("Welcome walks", status=Practice.Status.SUBMITTED, submitter_email="ana@example.org")
    mail.outbox.clear()

    hold_open_while(
        lambda: publishing.content_publish(obj=Practice.objects.get(pk=waiting.pk), by=maya),
        lambda: publishing.content_publish(obj=Practice.objects.get(pk=waiting.pk), by=maya),
    )

    reasons = list(waiting.history.values_list("history_change_reason", flat=True))
    assert reasons.count("Published") == 1
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
