"""A new practitioner in Debian's Chromium: signs up, verifies the address from the e-mail, fills the
profile, rates, comments on and bookmarks a practice. Every page checked with axe-core."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from hub.people.models import Profile
from hub.reactions.models import Bookmark, Comment, Rating

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "sturdy lantern meadow 42"


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.route("**/favicon.ico", lambda route: route.abort())
    page = context.new_page()
    yield page
    page.goto("about:blank")  # no request of this test may reach the server after its data is flushed
    context.close()


def field(page, label):
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def assert_accessible(page, what):
    page.evaluate(AXE.read_text())  # not a script tag: the page's CSP refuses inline scripts
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{what}: " + "; ".join(
        f"{v['id']} ({v['impact']}) at {[node['target'] for node in v['nodes']]}" for v in serious
    )


def test_a_new_practitioner_signs_up_fills_the_profile_rates_comments_and_bookmarks(page, practice_factory, mailoutbox):
    practice = practice_factory("Welcome walks in Lyon")

    page.goto("/accounts/signup/")
    assert_accessible(page, "the sign-up page")
    field(page, "E-mail address").fill("lucia@example.org")
    field(page, "User name").fill("lucia")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    assert_accessible(page, "the 'verify your address' page")

    assert [message.to for message in mailoutbox] == [["lucia@example.org"]]
    link = re.search(r"https?://\S+", mailoutbox[0].body)[0]
    page.goto(urlsplit(link).path)
    assert_accessible(page, "the confirmation page")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()

    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Profile", exact=True).click()
    assert_accessible(page, "the profile form")
    field(page, "First name").fill("Lucía")
    field(page, "Last name").fill("Pérez")
    field(page, "Organisation").fill("Fundación Mujer y Futuro")
    field(page, "Sector").select_option(label="Civil society")
    field(page, "Country").select_option("CO")
    field(page, "City").fill("Barranquilla")
    field(page, "Education").check()
    field(page, "Short bio").fill("I coordinate case managers for migrant families.")
    field(page, "List me in the Integration Community directory").check()
    field(page, "Country and city are public").uncheck()
    page.get_by_role("button", name="Save your profile").click()
    expect(page.get_by_role("heading", name="Lucía Pérez", level=1)).to_be_visible()
    assert_accessible(page, "the member page")
    expect(page.locator("main")).not_to_contain_text("Barranquilla")
    assert Profile.objects.get(user__username="lucia").city == "Barranquilla"

    page.goto("/community/?q=Fundación")
    expect(page.get_by_role("link", name="Lucía Pérez")).to_be_visible()
    assert_accessible(page, "the directory")

    page.goto(practice.get_absolute_url())
    page.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Rate").click()
    expect(page.locator(".rating-summary")).to_contain_text("Rated 4.0 out of 5 by 1 member")

    field(page, "Your comment").fill("We tried *this* in Barranquilla.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".comment")).to_contain_text("Waiting for a moderator")
    expect(page.locator(".comment em")).to_have_text("this")

    page.get_by_role("button", name="Bookmark").click()
    expect(page.get_by_role("button", name="Bookmarked ✓")).to_be_visible()
    assert_accessible(page, "a practice page with a rating, a comment and a bookmark")

    page.goto("/accounts/bookmarks/")
    expect(page.get_by_role("link", name="Welcome walks in Lyon")).to_be_visible()
    assert_accessible(page, "my bookmarks")
    for path in ("/accounts/", "/accounts/submissions/", "/accounts/delete/", "/accounts/email/"):
        page.goto(path)
        assert_accessible(page, path)

    assert Rating.objects.get().score == 4
    assert Comment.objects.get().status == Comment.Status.PENDING
    assert Bookmark.objects.count() == 1


def test_the_sign_in_page_and_a_practice_page_for_visitors_pass_axe(page, practice_factory, alice):
    practice = practice_factory("Welcome walks in Lyon")
    for path in ("/accounts/login/", "/accounts/password/reset/", practice.get_absolute_url(), "/community/"):
        page.goto(path)
        assert_accessible(page, path)
    page.goto("/accounts/login/")
    field(page, "User name or e-mail address").fill("alice@example.org")
    field(page, "Password").fill("wrong")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, "the sign-in page with an error")
