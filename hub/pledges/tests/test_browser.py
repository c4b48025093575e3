"""In Debian's Chromium: a visitor submits a pledge, a moderator publishes it, the city's representative
posts an update and the progress moves; every new page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from hub.pledges.models import Initiative, Pledge
from hub.pledges.tests.conftest import make_pledge
from hub.practices.tests.fixtures import PASSWORD
from hub.practices.tests.test_browser import assert_accessible, field, new_page, sign_in  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_member(page, username):
    page.goto("/accounts/login/?next=/pledges/")
    field(page, "User name or e-mail address").fill(username)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Pledges", level=1)).to_be_visible()


def test_a_pledge_is_submitted_published_and_its_progress_moves(new_page, maya, carla):  # noqa: F811
    visitor = new_page()
    visitor.goto("/pledges/submit/")
    field(visitor, "Your name").fill("Ana")
    field(visitor, "Your e-mail address").fill("ana@example.org")
    field(visitor, "Title").fill("PA'LANTE for migrant families")
    field(visitor, "The commitment in a sentence").fill("Barranquilla commits to support 500 migrant families.")
    field(visitor, "Pledging body").fill("City of Barranquilla")
    field(visitor, "Country").select_option("CO")
    field(visitor, "Targets").fill("500 families")
    visitor.get_by_role("button", name="Send for review").click()
    expect(visitor.get_by_role("heading", name="Status of your pledge")).to_be_visible()
    pledge = Pledge.objects.get()

    moderator = new_page()
    sign_in(moderator)
    moderator.goto(f"/moderation/pledges/{pledge.pk}/")
    moderator.get_by_role("button", name=re.compile("^Publish")).first.click()
    pledge.refresh_from_db()
    assert pledge.is_published

    representative = new_page()
    sign_in_member(representative, "carla")
    representative.goto(pledge.get_absolute_url())
    expect(representative.get_by_text("target 500, no progress reported yet")).to_be_visible()
    representative.get_by_role("link", name="Post a progress update").click()
    field(representative, "Date").fill("2024-03-01")
    field(representative, "What happened").fill("The first 250 families have a case manager.")
    field(representative, "State of the pledge").select_option("in-progress")
    field(representative, "families reached so far (target 500)").fill("250")
    representative.get_by_role("button", name="Post the update").click()

    expect(representative.get_by_text("250 of 500 (50%), as of 1 March 2024")).to_be_visible()
    assert representative.locator("progress").get_attribute("value") == "250"
    visitor.goto(pledge.get_absolute_url())
    expect(visitor.get_by_text("The first 250 families have a case manager.")).to_be_visible()


def test_every_new_page_passes_axe(new_page, carla, pledge_factory):  # noqa: F811
    initiative = Initiative.objects.create(name="Call to Local Action", slug="call-to-local-action")
    pledge = make_pledge(initiative=initiative)
    page = new_page()
    for path in (
        "/pledges/",
        "/pledges/?state=pledged&country=CO",
        pledge.get_absolute_url(),
        "/pledges/initiatives/",
        initiative.get_absolute_url(),
        "/pledges/submit/",
        pledge.get_status_url(),
        "/map/?kind=both",
    ):
        page.goto(path)
        assert_accessible(page, path)
    sign_in_member(page, "carla")
    page.goto(f"/pledges/{pledge.slug}/updates/new/")
    assert_accessible(page, "the update form")
