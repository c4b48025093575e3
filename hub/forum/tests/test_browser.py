"""In Debian's Chromium: a member quotes a post and replies; a moderator locks the topic; the member can
no longer reply. Every forum page passes axe-core (serious and critical rules)."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from hub.forum import services
from hub.forum.models import Post
from hub.practices.tests.fixtures import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.route("**/favicon.ico", lambda route: route.abort())
    page = context.new_page()
    yield page
    page.goto("about:blank")
    context.close()


def assert_accessible(page, what):
    page.evaluate(AXE.read_text())  # not a script tag: the page's CSP refuses inline scripts
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{what}: " + "; ".join(f"{v['id']} at {[n['target'] for n in v['nodes']]}" for v in serious)


def sign_in(page, username):
    page.goto("/accounts/logout/")
    if page.get_by_role("button", name="Sign out").count():
        page.get_by_role("button", name="Sign out").first.click()
    page.goto("/accounts/login/")
    page.get_by_label(re.compile("User name or e-mail|Username or email|Login", re.I)).first.fill(username)
    page.get_by_label(re.compile("^Password", re.I)).first.fill(PASSWORD)
    page.locator("form").get_by_role("button", name=re.compile("Sign in", re.I)).click()


def test_a_member_quotes_and_replies_then_a_moderator_locks_the_topic(page, alice, maya, topic, dialogue, settings):
    settings.COMMENTS_TRUSTED_AFTER = 0
    services.post_reply(topic=topic, user=maya, body="Florence asks: how can journalists overcome this tendency?")

    sign_in(page, "alice")
    page.goto("/discuss/")
    assert_accessible(page, "the forums")
    page.get_by_role("link", name="Deconstructing perceptions").first.click()
    assert_accessible(page, "a board")
    page.get_by_role("link", name="Deconstructing perceptions").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deconstructing perceptions")
    assert_accessible(page, "a topic")

    page.locator("article.post").nth(1).get_by_role("link", name="Quote").click()
    body = page.get_by_label("Your reply")
    expect(body).to_have_value(re.compile(r"^> \*\*Maya Okafor\*\* wrote:"))
    assert_accessible(page, "the reply form")
    body.press("Control+End")
    body.type("Training for journalists, as Andalucía Acoge offers.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_role("status")).to_contain_text("Your post is published.")
    reply = page.locator("article.post").last
    expect(reply.locator("blockquote")).to_contain_text("how can journalists overcome")
    expect(reply).to_contain_text("Training for journalists")
    assert Post.objects.get(user=alice).body.startswith("> **Maya Okafor** wrote:")

    page.goto(f"/discuss/boards/{topic.board.slug}/new/")
    assert_accessible(page, "the new topic form")
    page.goto(dialogue.get_absolute_url())
    assert_accessible(page, "a dialogue")
    page.goto("/")
    expect(page.get_by_role("heading", name="Societies and Identities")).to_be_visible()

    sign_in(page, "maya")
    page.goto(topic.get_absolute_url())
    page.get_by_role("button", name="Lock the topic").click()
    expect(page.get_by_role("status")).to_contain_text("The topic is locked.")
    assert_accessible(page, "a locked topic, for a moderator")
    for url in (
        "/discuss/dialogues/new/",
        "/discuss/members/alice/ban/",
        f"/discuss/posts/{Post.objects.get(user=alice).pk}/remove/",
        "/moderation/comments/?kind=posts",
        f"/discuss/dialogues/{dialogue.slug}/summary/",
    ):
        page.goto(url)
        assert_accessible(page, url)

    sign_in(page, "alice")
    page.goto(topic.get_absolute_url())
    expect(page.get_by_text("This topic is locked: no new replies.")).to_be_visible()
    expect(page.get_by_role("button", name="Post reply")).to_have_count(0)
    expect(page.get_by_role("link", name="Quote")).to_have_count(0)
