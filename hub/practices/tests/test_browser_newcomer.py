"""What a newcomer met first, in Debian's Chromium: filters that keep their choices, a phone layout
that puts results first, and a language selector that promises only complete languages."""

import re

import pytest
from playwright.sync_api import expect

from hub.practices.tests.test_browser import PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_filter_with_no_results_keeps_its_choices_through_apply(new_page, practice_factory):
    practice_factory("Barranquilla families", place=("Barranquilla", "CO"), topics=("education",))
    practice_factory("Terrassa teachers", place=("Terrassa", "ES"), topics=("youth",))
    page = new_page()
    page.goto("/practices/?theme=youth&continent=LA")

    expect(page.get_by_text("0 published practices match your choice.")).to_be_visible()
    expect(page.get_by_label("Theme", exact=True)).to_have_value("youth")
    expect(page.get_by_label("Continent", exact=True)).to_have_value("LA")
    chips = page.get_by_role("list", name="Filters in force")
    expect(chips).to_contain_text("Theme: Youth")
    expect(chips).to_contain_text("Continent: Latin America and the Caribbean")
    assert_accessible(page, "a list with no result")

    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"theme=youth.*continent=LA"))
    expect(page.get_by_label("Theme", exact=True)).to_have_value("youth")


def test_on_a_phone_the_filters_fold_behind_a_count_and_the_menu_behind_a_button(new_page, practice_factory):
    practice_factory("Barranquilla families", place=("Barranquilla", "CO"), topics=("education",))
    page = new_page(viewport=PHONE)
    page.goto("/practices/?theme=education")

    summary = page.locator(".filters-details > summary")
    expect(summary).to_have_text("Filters (1 active)")
    expect(page.get_by_label("Theme", exact=True)).to_be_hidden()
    expect(page.get_by_role("link", name="Barranquilla families")).to_be_in_viewport()
    summary.click()
    expect(page.get_by_label("Theme", exact=True)).to_be_visible()

    menu = page.get_by_role("button", name="Menu")
    expect(page.get_by_role("link", name="Topics")).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Topics")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, "the list on a phone")


def test_the_search_page_has_one_search_box(new_page, practice_factory):
    practice_factory("Barranquilla families", place=("Barranquilla", "CO"), topics=("education",))
    page = new_page()
    page.goto("/search/?q=families")

    expect(page.get_by_role("searchbox")).to_have_count(1)


def test_the_language_selector_offers_only_complete_languages(new_page, settings):
    settings.LANGUAGES = [("en", "English")]  # as when no catalogue is complete
    page = new_page()
    page.goto("/")
    expect(page.get_by_role("navigation", name="Language")).to_have_count(0)
    expect(page.locator("html")).to_have_attribute("lang", "en")

    settings.LANGUAGES = [("en", "English"), ("fr", "French")]  # as when the French catalogue is complete
    page.goto("/")

    choices = page.get_by_role("navigation", name="Language").locator("li")
    expect(choices).to_have_text(["English", "français"])


def test_a_browser_asking_for_arabic_gets_the_complete_english_pages(browser, live_server, settings):
    settings.LANGUAGES = [("en", "English")]  # as while the Arabic catalogue is incomplete
    context = browser.new_context(base_url=live_server.url, locale="ar")
    page = context.new_page()
    page.goto("/")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    context.close()


def test_a_feed_opened_in_the_browser_reads_as_a_page(new_page, practice_factory):
    practice_factory("Community Ambassadors", topics=("discrimination-and-xenophobia",))
    page = new_page()
    page.goto("/feeds/topics/discrimination-and-xenophobia/")

    expect(page.get_by_role("link", name="What is a feed, and how to follow one")).to_be_visible()
    expect(page.get_by_role("link", name="Community Ambassadors")).to_be_visible()
