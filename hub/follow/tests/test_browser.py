"""In Debian's Chromium: an anonymous reader follows a topic with their address, confirms by the link of
the e-mail, gets a digest and unsubscribes with one click. The new pages pass axe-core."""

import re

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from hub.follow.models import Frequency, Subscription
from hub.follow.services import digests_send
from hub.practices.tests.fixtures import make_practice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.route("**/favicon.ico", lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


def assert_accessible(page, what):
    page.evaluate(AXE.read_text())  # not a script tag: the page's CSP refuses inline scripts
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{what}: " + "; ".join(f"{v['id']} at {[n['target'] for n in v['nodes']]}" for v in serious)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_an_anonymous_reader_follows_a_topic_confirms_and_unsubscribes_in_one_click(page):
    make_practice("Community ambassadors in Dallas")
    page.goto("/topics/discrimination-and-xenophobia/")
    page.locator("summary", has_text="Follow Discrimination and Xenophobia").click()
    expect(page.get_by_label("Feed address, to copy into your feed reader")).to_have_value(
        re.compile(r"/feeds/topics/discrimination-and-xenophobia/$")
    )
    assert_accessible(page, "a topic with its Follow control open")
    page.get_by_role("link", name="Follow by e-mail").click()
    assert_accessible(page, "the follow page")
    page.get_by_label("Your e-mail address").fill("ana@example.org")
    page.get_by_label("A daily digest").check()
    page.get_by_role("button", name="Follow by e-mail").click()
    expect(page.get_by_role("status")).to_contain_text("We sent a link to ana@example.org")
    assert_accessible(page, "check your inbox")

    [confirmation] = mail.outbox
    confirm_url = re.search(r"https?://\S+/follow/confirm/\S+/", confirmation.body).group(0)
    page.goto(path_of(confirm_url))
    expect(page.get_by_role("status")).to_contain_text("You follow “Discrimination and Xenophobia” by e-mail")
    assert_accessible(page, "confirmed")
    page.get_by_role("link", name="See and change what you follow").click()
    expect(page.get_by_role("cell", name="Discrimination and Xenophobia", exact=True)).to_be_visible()
    assert_accessible(page, "the subscriptions of an address")

    subscription = Subscription.objects.get()
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=subscription.created_at.replace(year=2000))
    make_practice("Welcome desks in Dallas")
    mail.outbox.clear()
    assert digests_send(frequency=Frequency.DAILY) == 1
    [digest] = mail.outbox
    assert "Welcome desks in Dallas" in digest.body
    unsubscribe_url = re.search(r"one click\): (\S+)", digest.body).group(1)
    page.goto(path_of(unsubscribe_url))
    assert_accessible(page, "unsubscribe")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("status")).to_contain_text("You no longer receive these e-mails.")
    assert not Subscription.objects.exists()
