"""The site as people use it, in Debian's Chromium: submit, moderate, read, with and without JavaScript.

Also checks accessibility with axe-core, the weight of a practice page, and takes the README's screenshots.
"""

import html
import os
import re
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from hub.people.services import organisation_get_or_create
from hub.practices.models import Practice
from hub.practices.tests.fixtures import PASSWORD
from hub.vocabularies.models import TargetGroup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# `UPDATE_SCREENSHOTS=1 make test` refreshes the README's images; other runs write to a scratch folder.
README_SCREENSHOTS = settings.BASE_DIR / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
THEME = "discrimination-and-xenophobia"
TOPIC_URL = f"/topics/{THEME}/"
FEED_URL = f"/feeds/topics/{THEME}/"


@pytest.fixture
def new_page(browser, live_server):
    """Each call opens a page in a browser context of its own: a separate visitor, with separate cookies."""
    contexts = []

    def open_page(*, viewport=DESKTOP, javascript=True):
        context = browser.new_context(base_url=live_server.url, viewport=viewport, java_script_enabled=javascript)
        context.set_default_timeout(10_000)
        # The site has no favicon; a 404 for it is noise in the page weight and in the server log.
        context.route("**/favicon.ico", lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def field(page, label):
    """A form field by its label, with or without Django's label suffix."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def sign_in(page, username="maya"):
    page.goto("/accounts/login/?next=/moderation/")
    field(page, "User name or e-mail address").fill(username)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Moderation", level=1)).to_be_visible()


def public_text(page, path):
    """The markup an anonymous visitor gets at a path, a page's or a feed's, with entities decoded (PA&#x27;LANTE)."""
    response = page.request.get(path)
    assert response.ok, f"{path} answered {response.status}"
    return html.unescape(response.text())


def fill_submission(page, title):
    field(page, "Title").fill(title)
    field(page, "Summary").fill(
        "Case managers help migrant families from Venezuela find work, school places and health care."
    )
    field(page, "Implementing organisation").fill("Fundación Mujer y Futuro")
    field(page, "Country").select_option("CO")
    field(page, "City, province or region").fill("Barranquilla")
    field(page, "Discrimination and Xenophobia").check()
    field(page, "Your name").fill("Lucía Pérez")
    field(page, "Your e-mail address").fill("lucia@example.org")


def test_anonymous_submission_is_invisible_until_a_moderator_publishes_it(new_page, maya, mailoutbox):
    title = "PA'LANTE: socio-economic integration of migrant families in Barranquilla"
    visitor = new_page()
    visitor.goto("/practices/submit/")
    fill_submission(visitor, title)
    visitor.get_by_role("button", name="Send for review").click()

    expect(visitor.get_by_role("heading", name="Status of your practice")).to_be_visible()
    expect(visitor.locator(".status")).to_have_text("Submitted, awaiting review")
    practice = Practice.objects.get(title=title)
    assert practice.status == Practice.Status.SUBMITTED
    assert [message.to for message in mailoutbox] == [["lucia@example.org"]]
    status_link = re.search(r"https?://\S+", mailoutbox[0].body)[0]
    assert urlsplit(status_link).path == practice.get_status_url()
    visitor.goto(urlsplit(status_link).path)
    expect(visitor.locator(".status")).to_have_text("Submitted, awaiting review")

    anonymous = new_page()
    for path in ("/practices/", TOPIC_URL, FEED_URL):
        assert title not in public_text(anonymous, path), f"{path} shows an unpublished practice"

    moderator = new_page()
    sign_in(moderator)
    moderator.get_by_role("link", name=title).click()
    expect(moderator.get_by_role("heading", name=title, level=1)).to_be_visible()
    moderator.get_by_role("button", name="Publish").click()
    expect(moderator.locator(".messages")).to_contain_text("is published")

    for path in ("/practices/", TOPIC_URL):
        assert title in public_text(anonymous, path), f"{path} does not show the published practice"
        anonymous.goto(path)
        expect(anonymous.get_by_role("link", name=title)).to_be_visible()
    feed = public_text(anonymous, FEED_URL)
    assert f"<title>{title}</title>" in feed, feed[:2000]
    anonymous.get_by_role("link", name=title).click()
    expect(anonymous.get_by_role("heading", name=title, level=1)).to_be_visible()


def test_rejected_submission_stays_invisible_and_the_submitter_gets_the_reason(
    new_page, practice_factory, maya, mailoutbox
):
    title = "Welcome walks for newcomers in Lyon"
    practice = practice_factory(
        title,
        status=Practice.Status.SUBMITTED,
        submitter_name="Jean Dupont",
        submitter_email="jean@example.org",
    )
    reason = "This describes a one-off event; please tell us what it achieved and for whom."

    moderator = new_page()
    sign_in(moderator)
    moderator.get_by_role("link", name=title).click()
    field(moderator, "Reason, sent to the submitter").fill(reason)
    moderator.get_by_role("button", name="Reject and tell the submitter").click()
    expect(moderator.locator(".messages")).to_contain_text("is rejected")

    practice.refresh_from_db()
    assert practice.status == Practice.Status.REJECTED
    assert [message.to for message in mailoutbox] == [["jean@example.org"]]
    assert reason in mailoutbox[0].body

    anonymous = new_page()
    for path in ("/practices/", TOPIC_URL, FEED_URL, "/"):
        assert title not in public_text(anonymous, path), f"{path} shows a rejected practice"
    response = anonymous.goto(practice.get_absolute_url())
    assert response.status == 404
    assert title not in anonymous.content()


def assert_accessible(page, what):
    page.evaluate(AXE.read_text())  # not a script tag: the page's CSP refuses inline scripts
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{what}: " + "; ".join(
        f"{v['id']} ({v['impact']}) at {[node['target'] for node in v['nodes']]}" for v in serious
    )


def test_every_main_page_passes_axe_without_serious_violations(new_page, practice_factory, maya):
    practice = make_showcase(practice_factory)
    submitted = practice_factory("Orientation sessions in Lisbon", status=Practice.Status.SUBMITTED)

    visitor = new_page()
    for path in (
        "/",
        "/practices/",
        practice.get_absolute_url(),
        TOPIC_URL,
        "/practices/submit/",
        "/practices/criteria/",
    ):
        visitor.goto(path)
        assert_accessible(visitor, path)
    visitor.goto("/practices/submit/")
    visitor.get_by_role("button", name="Send for review").click()
    expect(visitor.get_by_role("alert").first).to_be_visible()
    assert_accessible(visitor, "the submit form with errors")
    visitor.goto("/accounts/login/")
    assert_accessible(visitor, "the login page")

    moderator = new_page()
    sign_in(moderator)
    assert_accessible(moderator, "the moderation queue")
    moderator.goto(f"/moderation/practices/{submitted.pk}/")
    assert_accessible(moderator, "a review page")


SHOWCASE = [
    (
        "Community Ambassador Program, Dallas",
        "City of Dallas, Office of Welcoming Communities",
        ("Dallas", "US"),
        ("discrimination-and-xenophobia", "cities-and-local-governments"),
        "Immigrant residents trained as ambassadors explain city services, rights and how to take part in "
        "local decisions to their neighbours, in their own languages.",
    ),
    (
        "Moroccan dialect classes for teachers in Terrassa",
        "Ajuntament de Terrassa",
        ("Terrassa", "ES"),
        ("education", "intercultural-outreach"),
        "Primary school teachers learn basic Darija and about Moroccan family life, so that they can talk "
        "with parents who do not yet speak Catalan or Spanish.",
    ),
    (
        "Mentors for refugee entrepreneurs in Amsterdam",
        "Refugee Start Force",
        ("Amsterdam", "NL"),
        ("entrepreneurship", "refugees-and-asylum-seekers"),
        "Local business owners coach refugees for six months while they write a business plan, register "
        "their company and find their first customers.",
    ),
    (
        "Health navigators for newcomers in Toronto",
        "Access Alliance Multicultural Health and Community Services",
        ("Toronto", "CA"),
        ("health",),
        "Peer navigators who came to Canada as refugees accompany newcomers to their first medical "
        "appointments and help them register for provincial health insurance.",
    ),
]


def make_showcase(practice_factory):
    """A few realistic practices, with fixed dates so that the screenshots do not change from run to run."""
    day = timezone.make_aware(datetime(2024, 5, 14, 10, 0))
    barranquilla = practice_factory(
        "PA'LANTE: socio-economic integration of migrant families in Barranquilla",
        topics=("employment", "socio-economic", "discrimination-and-xenophobia"),
        place=("Barranquilla", "CO"),
        organisation=organisation_get_or_create(name="Alcaldía de Barranquilla"),
        summary="Case managers accompany Venezuelan and returning Colombian families for a year: jobs, "
        "school places, health insurance and small loans, with neighbours who host them.",
        background="Barranquilla received more than 150,000 migrants from Venezuela after 2017. "
        "The city's **Gerencia para la Inclusión** set out to make them neighbours, not a burden.",
        activities="- One case manager for every 40 families\n- Job fairs with local employers\n"
        "- Seed capital for 300 small businesses",
        outcomes="Two years on, 68% of the families had a regular income.",
        start_date=date(2021, 6, 1),
        end_date=None,
        implementation=Practice.Implementation.ONGOING,
        people_reached=2400,
        people_reached_unit="families",
        migrant_participation=Practice.Participation.CO_DESIGNED,
        evidence=Practice.Evidence.MONITORED,
        contact="inclusion@barranquilla.gov.co",
        featured=True,
        submitter_name="Laura Gómez",
        submitted_at=day,
        published_at=day,
    )
    barranquilla.target_groups.set(TargetGroup.objects.all()[:2])
    for number, (title, organisation, place, topics, summary) in enumerate(SHOWCASE, start=1):
        moment = day - timedelta(days=number)
        practice_factory(
            title,
            place=place,
            topics=topics,
            organisation=organisation_get_or_create(name=organisation),
            summary=summary,
            submitter_name="Sam Lee",
            submitted_at=moment,
            published_at=moment,
        )
    return barranquilla


def test_screenshots_for_the_readme_show_the_home_list_and_practice_pages(new_page, practice_factory, tmp_path):
    practice = make_showcase(practice_factory)
    folder = README_SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)

    desktop = new_page()
    for path, name in (("/", "home"), ("/practices/", "list"), (practice.get_absolute_url(), "practice")):
        desktop.goto(path)
        desktop.screenshot(path=folder / f"{name}.png")
    phone = new_page(viewport=PHONE)
    phone.goto(practice.get_absolute_url())
    phone.screenshot(path=folder / "practice-phone.png")

    for name in ("home", "list", "practice", "practice-phone"):
        size = (folder / f"{name}.png").stat().st_size
        assert 5_000 < size < 400_000, f"{name}.png is {size} bytes"


def test_practice_page_with_its_css_and_js_weighs_under_100_kb(page, practice_factory):
    practice = make_showcase(practice_factory)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(practice.get_absolute_url(), wait_until="networkidle")

    sizes = {response.url: len(response.body()) for response in responses if response.status < 300}
    assert any(url.endswith(".css") for url in sizes), sizes
    assert any(url.endswith(".js") for url in sizes), sizes
    assert sum(sizes.values()) < 100_000, sizes


def test_without_javascript_the_list_filters_and_the_submit_form_submits(new_page, practice_factory, mailoutbox):
    practice_factory("Moroccan dialect classes for teachers in Terrassa", topics=("education",))
    practice_factory("Community Ambassador Program, Dallas", topics=("discrimination-and-xenophobia",))
    page = new_page(javascript=False)

    page.goto("/practices/")
    field(page, "Theme").select_option("education")
    page.get_by_role("button", name="Apply").click()
    assert parse_qs(urlsplit(page.url).query)["theme"] == ["education"]
    results = page.locator(".results")
    expect(results.get_by_role("link", name="Moroccan dialect classes for teachers in Terrassa")).to_be_visible()
    expect(results.get_by_role("link", name="Community Ambassador Program, Dallas")).to_have_count(0)

    title = "Neighbourhood welcome desks in Barranquilla"
    page.goto("/practices/submit/")
    fill_submission(page, title)
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("heading", name="Status of your practice")).to_be_visible()
    assert Practice.objects.get(title=title).status == Practice.Status.SUBMITTED
    assert len(mailoutbox) == 1
