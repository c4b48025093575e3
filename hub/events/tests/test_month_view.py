"""The month view reads only the events that start near the month, as far back as the longest
published event lasts; an event made longer shows in every month it now takes, on the next page."""

from datetime import datetime

import pytest

from hub.events.models import Event
from hub.events.tests.factories import make_event
from hub.events.timezones import aware
from hub.publishing import services as publishing

pytestmark = pytest.mark.django_db


def month(client, value: str, **filters) -> str:
    response = client.get("/events/calendar/", {"month": value, **filters})
    assert response.status_code == 200
    return response.content.decode()


def test_an_event_that_began_months_ago_shows_in_every_month_it_lasts(client):
    make_event("Summer school", start="2030-05-28 09:00", end="2030-08-02 17:00", time_zone="Europe/Paris")
    make_event("A day in June", start="2030-06-10 09:00", end="2030-06-10 17:00")

    assert "Summer school" in month(client, "2030-07") and "Summer school" in month(client, "2030-08")
    assert "Summer school" not in month(client, "2030-09") and "A day in June" not in month(client, "2030-07")


def test_an_event_made_longer_shows_in_its_new_months_on_the_next_page(
    client, maya, django_capture_on_commit_callbacks
):
    event = make_event("Cities forum", start="2030-07-20 10:00", end="2030-07-20 17:00", time_zone="UTC")
    assert "Cities forum" not in month(client, "2030-09")

    with django_capture_on_commit_callbacks(execute=True):
        end = aware(datetime(2030, 9, 3, 12), "UTC")
        publishing.content_set_fields(obj=event, by=maya, reason="Longer", end=end)

    assert "Cities forum" in month(client, "2030-09")


def test_an_unpublished_long_event_does_not_show_nor_widen_the_search(client):
    make_event("Draft festival", start="2029-01-01 10:00", end="2031-01-01 10:00", status=Event.Status.SUBMITTED)
    assert Event.objects.published().longest().total_seconds() == 0
    assert "Draft festival" not in month(client, "2030-07")


def test_the_filters_show_what_is_chosen_and_refuse_an_unknown_country(client):
    make_event("Dialogue in Geneva")

    page = month(client, "2030-07", country="CH", type="dialogue")

    assert '<option value="CH" selected>' in page and '<option value="dialogue" selected>' in page
    assert page.count("<option") > 250 and "Dialogue in Geneva" in page
    refused = client.get("/events/calendar/", {"month": "2030-07", "country": "XX"})
    assert refused.status_code == 400 and "Dialogue in Geneva" in refused.content.decode()
