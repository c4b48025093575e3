"""Events: announced by members, published by moderators, listed upcoming and past, in a month view,
as iCal; times in the event's zone and the reader's, right across daylight-saving changes."""

from datetime import UTC, datetime

import pytest
import time_machine
from icalendar import Calendar

from hub.events.models import Event
from hub.events.tests.factories import make_event
from hub.resources.tests.factories import make_resource

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Welcoming cities workshop",
    "type": "workshop",
    "description": "Two days on welcoming strategies.",
    "local_start": "2030-03-14T09:30",
    "local_end": "2030-03-15T16:00",
    "time_zone": "America/Bogota",
    "organiser": "City of Bogotá",
    "language": "es",
    "place_name": "Bogotá",
    "country": "CO",
}


def test_a_member_announces_an_event_and_a_moderator_publishes_it(client, alice, maya):
    client.force_login(alice)
    response = client.post("/events/submit/", FORM)
    event = Event.objects.get()
    assert response.status_code == 302 and event.status == Event.Status.SUBMITTED
    # 09:30 in Bogotá (UTC-5, no daylight saving) is 14:30 UTC.
    assert event.start == datetime(2030, 3, 14, 14, 30, tzinfo=UTC) and event.time_zone == "America/Bogota"
    assert str(event.place) == "Bogotá, Colombia"
    assert "Welcoming cities workshop" not in client.get("/events/").content.decode()  # not yet published

    client.force_login(maya)
    assert client.get(f"/moderation/events/{event.pk}/").status_code == 200
    client.post(f"/moderation/events/{event.pk}/publish/")
    client.logout()

    with time_machine.travel(datetime(2030, 3, 1, tzinfo=UTC)):
        upcoming = client.get("/events/").content.decode()
        month = client.get("/events/calendar/", {"month": "2030-03"})
    assert "Welcoming cities workshop" in upcoming and "Thu 14 Mar 2030, 09:30" in upcoming
    days = {day.day: [e.title for e in events] for week in month.context["weeks"] for day, _in, events in week}
    assert days[14] == days[15] == ["Welcoming cities workshop"] and days[16] == []


def test_a_time_the_clocks_skip_is_refused_with_a_clear_message(client, alice):
    client.force_login(alice)
    data = FORM | {"time_zone": "Europe/Paris", "local_start": "2026-03-29T02:30", "local_end": "2026-03-29T05:00"}

    response = client.post("/events/submit/", data)

    assert response.status_code == 400
    assert "2026-03-29 02:30 does not exist in Europe/Paris" in response.content.decode()
    assert 'value="Welcoming cities workshop"' in response.content.decode()
    assert not Event.objects.exists()


def test_a_time_the_clocks_pass_twice_is_the_first_of_the_two(client, alice):
    client.force_login(alice)
    data = FORM | {"time_zone": "Europe/Paris", "local_start": "2026-10-25T02:30", "local_end": "2026-10-25T05:00"}

    assert client.post("/events/submit/", data).status_code == 302
    assert Event.objects.get().start == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still CEST, UTC+2


def test_an_event_across_a_daylight_saving_change_shows_right_in_both_zones(client):
    # Paris moves to summer time on 29 March 2026 at 02:00; New York did on 8 March.
    event = make_event("Night of dialogue", start="2026-03-28 10:00", end="2026-03-29 10:00", time_zone="Europe/Paris")
    assert (event.end - event.start).total_seconds() == 23 * 3600

    client.cookies["tz"] = "America/New_York"
    page = client.get(event.get_absolute_url()).content.decode()

    assert "Sat 28 Mar 2026, 10:00" in page and "Sun 29 Mar 2026, 10:00" in page  # the event's own clock
    assert "In your time zone (America/New_York)" in page
    assert "Sat 28 Mar 2026, 05:00" in page and "Sun 29 Mar 2026, 04:00" in page  # 5 hours behind, then 6


def test_the_reader_zone_is_not_repeated_when_it_tells_the_same_time(client):
    event = make_event(time_zone="Europe/Zurich")
    client.cookies["tz"] = "Europe/Berlin"
    assert "In your time zone" not in client.get(event.get_absolute_url()).content.decode()


def test_the_zone_form_sets_a_cookie_and_refuses_nonsense_and_other_sites(client):
    response = client.get("/events/time-zone/", {"tz": "Asia/Tokyo", "next": "/events/"})
    assert response.status_code == 302 and response["Location"] == "/events/"
    assert response.cookies["tz"].value == "Asia/Tokyo"

    bad = client.get("/events/time-zone/", {"tz": "Mars/Olympus", "next": "https://evil.example/"})
    assert bad["Location"] == "/events/" and "tz" not in bad.cookies


def test_the_ics_of_an_event_parses_with_its_zone(client):
    event = make_event(start="2030-07-20 10:00", end="2030-07-20 17:00", time_zone="Europe/Zurich")

    response = client.get(event.get_ics_url())

    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="international-dialogue-on-migration.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "International Dialogue on Migration"
    assert entry.decoded("DTSTART") == datetime(2030, 7, 20, 8, 0, tzinfo=UTC)
    assert entry["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Zurich"]
    assert str(entry["LOCATION"]) == "Geneva, Switzerland"


def test_the_ical_feed_takes_the_filters_and_only_published_events(client):
    make_event("Dialogue in Geneva", type="dialogue")
    make_event("Webinar on housing", type="webinar", place=None, online_url="https://example.org/live", time_zone="UTC")
    make_event("Hidden draft", type="webinar", status=Event.Status.SUBMITTED)

    everything = Calendar.from_ical(client.get("/feeds/events.ics").content)
    webinars = Calendar.from_ical(client.get("/feeds/events.ics", {"type": "webinar"}).content)

    assert sorted(str(e["SUMMARY"]) for e in everything.walk("VEVENT")) == ["Dialogue in Geneva", "Webinar on housing"]
    assert [str(e["SUMMARY"]) for e in webinars.walk("VEVENT")] == ["Webinar on housing"]
    assert client.get("/feeds/events.ics", {"month": "July"}).status_code == 400


def test_unpublished_events_appear_nowhere(client, bob):
    event = make_event("Hidden draft", status=Event.Status.SUBMITTED)
    client.force_login(bob)

    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_ics_url()).status_code == 404
    for url in ("/events/", "/events/calendar/?month=2030-07", "/events/map/", "/", "/places/switzerland/"):
        assert "Hidden draft" not in client.get(url).content.decode(), url


def test_lists_split_upcoming_and_past_and_filter_by_theme_type_place_and_month(client):
    make_event("Old dialogue", start="2020-05-01 10:00", end="2020-05-01 12:00", type="dialogue")
    make_event(
        "Coming workshop", start="2030-05-01 10:00", end="2030-05-01 12:00", type="workshop", place=("Lyon", "FR")
    )
    make_event(
        "Coming dialogue", start="2030-06-01 10:00", end="2030-06-01 12:00", type="dialogue", themes=("education",)
    )

    def titles(url, **query):
        return [event.title for event in client.get(url, query).context["page"]]

    assert titles("/events/") == ["Coming workshop", "Coming dialogue"]
    assert titles("/events/past/") == ["Old dialogue"]
    assert titles("/events/", type="dialogue") == ["Coming dialogue"]
    assert titles("/events/", country="FR") == ["Coming workshop"]
    assert titles("/events/", theme="education") == ["Coming dialogue"]
    assert titles("/events/", month="2030-06") == ["Coming dialogue"]
    lyon = Event.objects.get(title="Coming workshop").place
    assert titles("/events/", place=lyon.slug) == ["Coming workshop"]
    bad = client.get("/events/", {"month": "June"})
    assert bad.status_code == 400 and "Give a month as YYYY-MM" in bad.content.decode()


def test_the_month_view_works_without_javascript_and_links_its_neighbours(client):
    make_event("Dialogue in Geneva", start="2030-07-20 10:00", end="2030-07-20 17:00")

    page = client.get("/events/calendar/", {"month": "2030-07", "type": "dialogue"}).content.decode()

    assert '<table class="month">' in page and "Dialogue in Geneva" in page
    assert "?month=2030-06&amp;type=dialogue" in page and "?month=2030-08&amp;type=dialogue" in page


def test_past_events_link_their_recordings_and_reports(client):
    recording = make_resource("Recording of the dialogue", type="video")
    event = make_event("Old dialogue", start="2020-05-01 10:00", end="2020-05-01 12:00")
    event.resources.set([recording])

    page = client.get(event.get_absolute_url()).content.decode()
    resource_page = client.get(recording.get_absolute_url()).content.decode()

    assert "Recordings and reports" in page and "Recording of the dialogue" in page
    assert "Old dialogue" in resource_page


def test_the_map_layer_has_upcoming_events_with_a_place_in_view(client):
    make_event("Dialogue in Geneva")
    make_event("Online only", place=None, online_url="https://example.org/live", time_zone="UTC")
    make_event("Old one", start="2020-05-01 10:00", end="2020-05-01 12:00")

    everywhere = client.get("/events/map/").json()["events"]
    americas = client.get("/events/map/", {"bbox": "-130,-50,-30,60"}).json()["events"]

    assert [e["title"] for e in everywhere] == ["Dialogue in Geneva"] and americas == []
    assert client.get("/events/map/", {"bbox": "nonsense"}).status_code == 400
    assert "events/map-layer.js" in client.get("/map/").content.decode()


def test_home_topic_and_place_pages_show_upcoming_events(client):
    make_event("Dialogue in Geneva", themes=("community-building",))

    for url in ("/", "/topics/community-building/", "/places/switzerland/", "/places/europe/"):
        assert "Dialogue in Geneva" in client.get(url).content.decode(), url
