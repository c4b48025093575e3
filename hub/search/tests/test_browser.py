"""Search in Debian's Chromium: type in the header box, narrow by a facet, open a result; axe-core."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from hub.practices.models import Practice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.route("**/favicon.ico", lambda route: route.abort())
    yield context.new_page()
    context.close()


def assert_accessible(page, what):
    page.evaluate(AXE.read_text())  # not a script tag: the page's CSP refuses inline scripts
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{what}: " + "; ".join(f"{v['id']} at {[n['target'] for n in v['nodes']]}" for v in serious)


def test_a_visitor_searches_narrows_by_a_theme_and_opens_a_result(page, practice_factory):
    practice_factory(
        "Mentors for refugee entrepreneurs in Amsterdam",
        summary="Local business owners coach refugees while they write a business plan.",
        topics=("entrepreneurship",),
        place=("Amsterdam", "NL"),
    )
    practice_factory(
        "Health navigators for refugees in Toronto",
        summary="Peer navigators accompany refugees to their first medical appointments.",
        topics=("health",),
        place=("Toronto", "CA"),
    )
    practice_factory("Secret refugee draft", status=Practice.Status.SUBMITTED)

    page.goto("/")
    page.get_by_role("searchbox", name="Search practices").fill("refugee")
    page.get_by_role("searchbox", name="Search practices").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=refugee"))
    expect(page.get_by_role("status")).to_contain_text("2 practices match")
    expect(page.get_by_role("article")).to_have_count(2)
    assert "Secret" not in page.content()
    assert_accessible(page, "the search page")

    page.get_by_label("Theme", exact=True).select_option("health")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text("1 practice matches")
    expect(page.locator("mark").first).to_have_text(re.compile("refugees", re.IGNORECASE))

    page.get_by_role("link", name="Health navigators for refugees in Toronto").click()
    expect(page.get_by_role("heading", name="Health navigators for refugees in Toronto", level=1)).to_be_visible()


def test_a_search_with_no_result_suggests_the_spelling_and_passes_axe(page, practice_factory):
    practice_factory("Mentors for immigrant entrepreneurs", summary="Immigrant business owners coach newcomers.")
    page.goto("/search/?q=imigrant+OR+zzzzqqq")
    expect(page.get_by_role("status")).to_contain_text("Showing results for")
    expect(page.get_by_role("article")).to_have_count(1)
    assert_accessible(page, "results of a corrected search")
    page.get_by_role("link", name="imigrant OR zzzzqqq").click()  # search instead for the words as typed
    # As typed, nothing is corrected; the practice is still found by its meaning, which says so.
    expect(page.get_by_role("status")).not_to_contain_text("Showing results for")
    expect(page.get_by_role("status")).to_contain_text("found by its meaning")
    page.goto("/search/?q=zzzzqqq")
    expect(page.get_by_role("status")).to_contain_text("No published practice matches")
    assert_accessible(page, "a search without results")
