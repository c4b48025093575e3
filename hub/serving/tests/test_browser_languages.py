"""The site in each language, in Debian's Chromium: Arabic mirrored, no English left on the main pages
of a language whose catalogue is present, a practice submitted in Spanish, axe clean in every language.

Every language of TRANSLATED_LANGUAGES is offered here (settings.LANGUAGES), as it is once its
catalogue is complete. The checks of what a catalogue translates run for each language that has one
(locale/<lang>/LC_MESSAGES/django.po) and are skipped, saying so, only for a language without one."""

import gettext
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from hub.lib.catalogues import msgids
from hub.practices.models import Practice
from hub.practices.tests.test_browser import AXE, DESKTOP, make_showcase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRANSLATIONS = [code for code, _ in settings.TRANSLATED_LANGUAGES if code != settings.LANGUAGE_CODE]
RIGHT_TO_LEFT = [code for code in TRANSLATIONS if code in settings.LANGUAGES_BIDI]


@pytest.fixture(autouse=True)
def every_language_offered(settings):
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def open_page(*, viewport=DESKTOP, javascript=True):
        context = browser.new_context(base_url=live_server.url, viewport=viewport, java_script_enabled=javascript)
        context.set_default_timeout(10_000)
        context.route("**/favicon.ico", lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def catalogue_of(code) -> Path:
    """The language's catalogue and its compiled twin; a language with no catalogue yet is skipped."""
    path = Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"
    if not path.exists():
        pytest.skip(f"no catalogue for {code} yet ({path})")
    assert path.with_suffix(".mo").exists(), f"{path} is not compiled: run `make install`"
    return path


def english_strings_of(code) -> set:
    """The English texts of the interface that `code` translates differently: a visible one on a page
    in `code` is a string left untranslated. Texts with placeholders are left out; of those with markup,
    their longer pieces of plain text are kept."""
    path = catalogue_of(code)
    translated = gettext.GNUTranslations(path.with_suffix(".mo").open("rb"))._catalog
    found = set()
    for context, msgid in msgids(path.read_text(encoding="utf-8")):
        key = f"{context}\x04{msgid}" if context else msgid
        if translated.get(key) == msgid or translated.get((key, 0)) == msgid:
            continue  # the same in both languages on purpose (a name, an acronym)
        if "%(" in msgid or "{" in msgid:
            continue
        pieces = [msgid] if "<" not in msgid else [p.strip() for p in _between_tags(msgid) if len(p.strip()) >= 15]
        found.update(" ".join(piece.split()) for piece in pieces if any(c.isalpha() for c in piece))
    return found


def _between_tags(text):
    import re

    return re.split(r"<[^>]+>", text)


VISIBLE_INTERFACE_TEXT = """() => {
  const pageLanguage = document.documentElement.lang;
  const foreign = (node) => {
    const owner = node.closest("[lang]");
    return owner && owner !== document.documentElement && !owner.lang.startsWith(pageLanguage);
  };
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!parent || parent.closest("script, style, noscript, template, bdi") || foreign(parent)) continue;
    if (!parent.checkVisibility() && !parent.closest(".visually-hidden")) continue;
    const text = walker.currentNode.textContent.replace(/\\s+/g, " ").trim();
    if (text) texts.push(text);
  }
  for (const element of document.querySelectorAll("[placeholder], [aria-label], [title], [alt], input[type=submit]")) {
    if (foreign(element)) continue;
    for (const name of ["placeholder", "aria-label", "title", "alt", "value"]) {
      const value = element.getAttribute(name);
      if (value && (name !== "value" || element.type === "submit")) texts.push(value.replace(/\\s+/g, " ").trim());
    }
  }
  const title = document.title.split(" · ")[0].trim();
  if (title) texts.push(title);
  return texts;
}"""


def main_pages(practice):
    return {
        "home": "/",
        "list": "/practices/",
        "practice": practice.get_absolute_url(),
        "submit": "/practices/submit/",
        "sign-up": "/accounts/signup/",
    }


def in_language(code, path):
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


def bounding_box(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} is not on the page"
    return box


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_a_right_to_left_language_mirrors_the_layout(new_page, practice_factory, code):
    practice = practice_factory()
    english, mirrored = new_page(), new_page()
    english.goto("/practices/")
    mirrored.goto("/practices/")
    mirrored.locator(f'.language-choice a[hreflang="{code}"]').click()  # the footer's choice, as a reader makes it
    expect(mirrored.locator("html")).to_have_attribute("dir", "rtl")
    expect(mirrored.locator("html")).to_have_attribute("lang", code)
    assert mirrored.url.endswith(f"/{code}/practices/")
    width = DESKTOP["width"]

    first_en, last_en = (bounding_box(english, f"#site-menu > li:{which}-child") for which in ("first", "last"))
    first_rtl, last_rtl = (bounding_box(mirrored, f"#site-menu > li:{which}-child") for which in ("first", "last"))
    assert first_en["x"] < last_en["x"] or first_en["y"] < last_en["y"]
    # The nav starts on the right: its first item is right of where English puts it, and the brand too.
    assert first_rtl["x"] + first_rtl["width"] > width / 2 > first_en["x"]
    if first_rtl["y"] == last_rtl["y"]:
        assert first_rtl["x"] > last_rtl["x"]
    brand_en, brand_rtl = bounding_box(english, ".brand"), bounding_box(mirrored, ".brand")
    assert brand_en["x"] < width / 2 < brand_rtl["x"] + brand_rtl["width"]
    # A practice's own text, in English, keeps reading left to right inside the Arabic page.
    mirrored.goto(in_language(code, practice.get_absolute_url()))
    assert mirrored.locator("h1").evaluate("h => getComputedStyle(h).direction") == "ltr"
    assert mirrored.locator(".practice-head .eyebrow").evaluate("e => getComputedStyle(e).direction") == "rtl"


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_the_map_puts_its_controls_on_the_mirrored_side(new_page, practice_factory, code):
    practice_factory()
    page = new_page()
    page.goto(in_language(code, "/map/"))
    zoom = page.locator(".leaflet-control-zoom")
    expect(zoom).to_be_visible()
    box = zoom.bounding_box()
    map_box = bounding_box(page, ".map")
    assert box["x"] > map_box["x"] + map_box["width"] / 2, "the zoom buttons sit at the start: the right"


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_no_english_interface_string_on_the_main_pages(new_page, practice_factory, code):
    english = english_strings_of(code)
    assert len(english) > 500, f"the {code} catalogue translates too little to be checked"
    practice = practice_factory()
    page = new_page()
    left = {}
    for name, path in main_pages(practice).items():
        page.goto(in_language(code, path))
        expect(page.locator("html")).to_have_attribute("lang", code)
        untranslated = sorted({text for text in page.evaluate(VISIBLE_INTERFACE_TEXT) if text in english})
        if untranslated:
            left[name] = untranslated
    assert not left, f"English left on the {code} pages: {left}"


def test_in_spanish_a_visitor_submits_a_practice(new_page, mailoutbox):
    page = new_page()
    page.set_default_timeout(30_000)  # the submission finds the place and indexes: slow on a busy machine
    page.goto("/")
    page.locator('.language-choice a[hreflang="es"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.locator('#site-menu a[href="/es/practices/submit/"]').click()
    assert page.url.endswith("/es/practices/submit/")
    title = "Casas de acogida para familias venezolanas en Barranquilla"
    page.locator('[name="title"]').fill(title)
    page.locator('[name="summary"]').fill(
        "Familias de la ciudad acogen a familias migrantes durante sus primeros meses."
    )
    page.locator('[name="organisation_name"]').fill("Fundación Mujer y Futuro")
    page.locator('[name="country"]').select_option("CO")
    page.locator('[name="place_name"]').fill("Barranquilla")
    page.locator('[name="themes"]').first.check()
    page.locator('[name="submitter_name"]').fill("Lucía Pérez")
    page.locator('[name="submitter_email"]').fill("lucia@example.org")
    page.locator('form button[type="submit"].button').last.click()
    expect(page.locator(".status")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    practice = Practice.objects.get(title=title)
    assert practice.status == Practice.Status.SUBMITTED
    assert page.url.endswith(f"/es{practice.get_status_url()}") or "/es/" in page.url
    [message] = mailoutbox
    assert f"/es{practice.get_status_url()}" in message.body, "the e-mail links to the page in Spanish"


@pytest.mark.parametrize("code", [code for code, _ in settings.TRANSLATED_LANGUAGES])
def test_every_main_page_passes_axe_in_every_language(new_page, practice_factory, code):
    practice = make_showcase(practice_factory)
    page = new_page()
    for name, path in main_pages(practice).items():
        page.goto(in_language(code, path))
        expect(page.locator("html")).to_have_attribute("lang", code)
        page.evaluate(AXE.read_text())  # not a script tag: the page's CSP refuses inline scripts
        results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, f"{code} {name}: " + "; ".join(
            f"{v['id']} ({v['impact']}) at {[node['target'] for node in v['nodes']]}" for v in serious
        )


def test_dates_follow_the_language(new_page, practice_factory):
    practice = practice_factory(submitted_at=timezone.make_aware(datetime(2024, 5, 14, 10, 0)))
    page = new_page()
    page.goto(in_language("fr", practice.get_absolute_url()))
    expect(page.locator(".byline")).to_contain_text("14 mai 2024")
    page.goto(in_language("es", practice.get_absolute_url()))
    expect(page.locator(".byline")).to_contain_text("14 de mayo de 2024")
    page.goto(practice.get_absolute_url())
    expect(page.locator(".byline")).to_contain_text("14 May 2024")
