"""The world map in Debian's Chromium: clusters show, a filter changes them, a click reaches a practice.

The tile server is pointed at an address that answers 404, as when tiles cannot load: the markers
and counts must show all the same.
"""

import re

import pytest
from playwright.sync_api import expect

from hub.practices.models import Practice
from hub.practices.tests.test_browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def map_practices(practice_factory, settings, live_server):
    settings.MAP_TILE_URL = live_server.url + "/no-tiles/{z}/{x}/{y}.png"
    practice_factory("Language cafés in Terrassa", place=("Terrassa", "ES"), topics=("education",))
    practice_factory("Welcome desks in Barcelona", place=("Barcelona", "ES"), topics=("education",))
    practice_factory("Mentors in Dallas", place=("Dallas", "US"), topics=("employment",))
    practice_factory("Secret submission in Mechelen", status=Practice.Status.SUBMITTED, place=("Mechelen", "BE"))


def test_the_map_shows_clusters_a_filter_changes_them_and_a_click_reaches_a_practice(new_page, map_practices):
    page = new_page()
    page.goto("/map/")

    catalonia = page.locator(".map-cluster", has_text="2")
    expect(catalonia).to_have_count(1)
    expect(page.locator(".map-point")).to_have_count(1)  # Dallas, alone
    expect(page.locator(".map-status")).to_contain_text("3")
    expect(page.locator("#map")).to_have_class(re.compile(r"\bmap-without-tiles\b"))  # no tiles, markers all the same
    assert_accessible(page, "the map page")

    page.get_by_label("Theme").select_option("employment")
    page.get_by_role("button", name="Show on the map").click()
    expect(page.locator(".map-status")).to_contain_text("1")
    expect(page.locator(".map-cluster")).to_have_count(0)
    expect(page.locator(".map-point")).to_have_count(1)

    page.goto("/map/")
    page.locator(".map-cluster", has_text="2").click()  # zooms in until the two towns come apart
    for _ in range(8):  # each click flies three zoom levels closer, then the map asks for its markers
        expect(page.locator("#map")).to_have_attribute("aria-busy", "false")
        page.wait_for_timeout(700)
        if page.locator(".map-point").count() == 2:
            break
        if page.locator(".map-cluster").count():
            page.locator(".map-cluster").first.click()
    expect(page.locator(".map-point")).to_have_count(2)
    page.locator(".map-point[title='Language cafés in Terrassa']").click()
    page.locator(".leaflet-popup").get_by_role("link", name="Language cafés in Terrassa").click()
    expect(page.get_by_role("heading", name="Language cafés in Terrassa", level=1)).to_be_visible()


def test_the_map_and_place_pages_work_without_javascript_and_pass_axe(new_page, map_practices):
    page = new_page(javascript=False)
    page.goto("/map/")
    page.get_by_role("link", name="Spain").click()
    expect(page.get_by_role("heading", name="Practices in Spain", level=1)).to_be_visible()
    page.get_by_role("link", name="Terrassa", exact=True).click()
    expect(page.get_by_role("heading", name="Practices in Terrassa", level=1)).to_be_visible()
    page.get_by_role("link", name="Language cafés in Terrassa").click()
    expect(page.get_by_role("heading", name="Language cafés in Terrassa", level=1)).to_be_visible()

    visitor = new_page()
    for path in ("/places/", "/places/europe/", "/places/spain/"):
        visitor.goto(path)
        assert "Secret submission" not in visitor.content()
        assert_accessible(visitor, path)


def test_the_map_draws_its_shipped_world_with_no_network(new_page, practice_factory, settings, live_server):
    settings.MAP_TILE_URL = ""
    practice_factory("Mentors in Dallas", place=("Dallas", "US"), topics=("employment",))
    page = new_page()
    outside = []
    page.route(
        re.compile(r"^(?!" + re.escape(live_server.url) + ").*"),
        lambda route: (outside.append(route.request.url), route.abort()),
    )
    page.goto("/map/")

    expect(page.locator("#map")).to_have_class(re.compile(r"\bmap-with-basemap\b"))
    countries = page.locator(".leaflet-basemap-pane svg path")
    assert countries.count() > 150  # the 177 countries of Natural Earth at 1:110m
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("Natural Earth")
    expect(page.locator(".map-point")).to_have_count(1)
    assert outside == []
    assert page.locator(".leaflet-tile").count() == 0
    assert_accessible(page, "the map with its shipped basemap")
