"""In Debian's Chromium: a member announces an event, a moderator publishes it, a visitor finds it
in the month view (without JavaScript too) and downloads its .ics; every events page passes axe-core."""

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from hub.events.models import Event
from hub.events.tests.factories import make_event
from hub.resources.tests.test_browser import assert_accessible, field, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def open_page(javascript=True):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": 1280, "height": 900},
            java_script_enabled=javascript,
            timezone_id="America/New_York",
        )
        context.set_default_timeout(10_000)
        context.route("**/favicon.ico", lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_an_event_is_announced_published_seen_in_the_month_and_added_to_a_calendar(new_page, alice, maya):
    make_event("Old dialogue in Geneva", start="2020-05-04 10:00", end="2020-05-04 12:00")
    member = new_page()
    sign_in(member, "alice", "/events/submit/")
    assert_accessible(member, "the event form")
    field(member, "Title").fill("Welcoming cities workshop")
    field(member, "Type").select_option("workshop")
    field(member, "Description").fill("Two days on welcoming strategies.")
    field(member, "Starts").fill("2030-07-18T09:30")
    field(member, "Ends").fill("2030-07-19T16:00")
    field(member, "Time zone").select_option("Europe/Zurich")
    field(member, "Organiser").fill("City of Geneva")
    field(member, "City").fill("Geneva")
    field(member, "Country").select_option("CH")
    member.get_by_role("button", name="Send for review").click()
    expect(member.get_by_text("waits for a moderator")).to_be_visible()

    event = Event.objects.get(title="Welcoming cities workshop")
    moderator = new_page()
    sign_in(moderator, "maya", f"/moderation/events/{event.pk}/")
    assert_accessible(moderator, "the review page of an event")
    moderator.get_by_role("button", name="Publish").click()
    expect(moderator.get_by_text("is published")).to_be_visible()

    # Without JavaScript: the month view is a table of links.
    plain = new_page(javascript=False)
    plain.goto("/events/calendar/?month=2030-06")
    plain.get_by_role("link", name="Next month").click()
    cell = plain.get_by_role("cell").filter(has_text="Welcoming cities workshop")
    expect(cell).to_have_count(2)  # on the 18th and the 19th

    visitor = new_page()
    visitor.goto("/events/calendar/?month=2030-07")
    assert_accessible(visitor, "the month view")
    visitor.get_by_role("cell").filter(has_text="18").get_by_role("link", name="Welcoming cities workshop").click()
    expect(visitor.get_by_text("Thu 18 Jul 2030, 09:30")).to_be_visible()
    # The browser said it is in New York (its script set the cookie): the times are shown there too.
    expect(visitor.get_by_text("In your time zone (America/New_York)")).to_be_visible()
    expect(visitor.get_by_text("Thu 18 Jul 2030, 03:30")).to_be_visible()
    assert_accessible(visitor, "the event page")
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="Add to your calendar (.ics)").click()
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Welcoming cities workshop" and entry["DTSTART"].params["TZID"] == "Europe/Zurich"

    for path, what in (("/events/", "the upcoming events"), ("/events/past/", "the past events")):
        visitor.goto(path)
        assert_accessible(visitor, what)
    expect(visitor.get_by_text("Old dialogue in Geneva")).to_be_visible()
