"""In Debian's Chromium: a member shares a resource with a PDF, a moderator publishes it, a visitor
finds it and opens the file; every page of the library passes axe-core."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from hub.practices.tests.fixtures import PASSWORD
from hub.resources.models import Resource
from hub.resources.tests import documents

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def new_page(browser, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    contexts = []

    def open_page():
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        context.route("**/favicon.ico", lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def field(page, label):
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def sign_in(page, username, then):
    page.goto(f"/accounts/login/?next={then}")
    field(page, "User name or e-mail address").fill(username)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{then}")


def assert_accessible(page, what):
    page.evaluate(AXE.read_text())  # not a script tag: the page's CSP refuses inline scripts
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{what}: " + "; ".join(
        f"{v['id']} ({v['impact']}) at {[node['target'] for node in v['nodes']]}" for v in serious
    )


def test_a_member_shares_a_pdf_a_moderator_publishes_it_and_a_visitor_opens_it(new_page, alice, maya, tmp_path):
    pdf = tmp_path / "evaluation.pdf"
    pdf.write_bytes(documents.pdf(pages=7))

    member = new_page()
    sign_in(member, "alice", "/resources/submit/")
    assert_accessible(member, "the resource form")
    field(member, "Title").fill("Evaluation of the welcome walks")
    field(member, "Type").select_option("research")
    field(member, "Summary").fill("What three years of welcome walks changed for newcomers in Lyon.")
    field(member, "Author or publisher").fill("University of Lyon")
    field(member, "Languages").select_option(["fr", "en"])
    field(member, "Education").check()
    field(member, "Country").select_option("FR")
    field(member, "City, province or region").fill("Lyon")
    field(member, "File").set_input_files(str(pdf))
    member.get_by_role("button", name="Send for review").click()
    expect(member.get_by_text("waits for a moderator")).to_be_visible()
    expect(member.get_by_text("Not public")).to_be_visible()
    expect(member.get_by_text("7 pages")).to_be_visible()
    assert_accessible(member, "the submitter's view of the resource")

    resource = Resource.objects.get()
    visitor = new_page()
    assert visitor.goto(resource.get_absolute_url()).status == 404
    assert visitor.request.get(resource.get_file_url()).status == 404

    moderator = new_page()
    sign_in(moderator, "maya", f"/moderation/resources/{resource.pk}/")
    assert_accessible(moderator, "the review page of a resource")
    moderator.get_by_role("button", name="Publish").click()
    expect(moderator.get_by_text("is published")).to_be_visible()

    visitor.goto("/resources/")
    assert_accessible(visitor, "the resource list")
    visitor.get_by_label("Type").select_option(label="Research and reports (1)")
    visitor.get_by_role("button", name="Apply").click()
    visitor.get_by_role("link", name="Evaluation of the welcome walks").click()
    expect(visitor.get_by_text("PDF, 7 pages")).to_be_visible()
    assert_accessible(visitor, "the resource page")
    response = visitor.request.get(resource.get_file_url())
    assert response.ok and response.body() == pdf.read_bytes()
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"].startswith("sandbox")
