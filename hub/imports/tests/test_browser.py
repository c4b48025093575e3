"""The import form in Debian's Chromium: one field a row, a dry run by default, and publishing at once
only after a confirmation that says how many practices go public."""

import pytest
from playwright.sync_api import expect

from hub.imports.models import ImportJob
from hub.practices.models import Practice
from hub.practices.tests.test_browser import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "title,summary,themes\n"
    "Sewing circle,Newcomers and neighbours sew together.,Discrimination and Xenophobia\n"
    "Language café,Neighbours practise the language over coffee.,Discrimination and Xenophobia\n"
)


def test_the_import_form_lays_out_one_choice_a_row_and_confirms_before_publishing(new_page, maya, tmp_path):
    page = new_page()
    sign_in(page)
    page.goto("/moderation/imports/")

    dry_run = page.get_by_label("Try it first")
    queue = page.get_by_label("Import into the moderation queue")
    publish = page.get_by_label("Import and publish at once")
    expect(dry_run).to_be_checked()
    boxes = [locator.bounding_box() for locator in (page.get_by_label("Files"), dry_run, queue, publish)]
    tops = [box["y"] for box in boxes]
    assert tops == sorted(tops) and len({round(top) for top in tops}) == 4, "each choice on a row of its own"
    assert_accessible(page, "the import form")

    upload = tmp_path / "old.csv"
    upload.write_text(CSV)
    page.get_by_label("Files").set_input_files(upload)
    publish.check()
    page.get_by_role("button", name="Import").click()

    expect(page.get_by_text("2 practices will go public at once, without review.")).to_be_visible()
    assert Practice.objects.count() == 0
    assert_accessible(page, "the confirmation")
    page.get_by_role("button", name="Publish 2 practices now").click()

    expect(page.get_by_text("published at once").first).to_be_visible()
    assert sorted(Practice.objects.published().values_list("title", flat=True)) == ["Language café", "Sewing circle"]
    assert ImportJob.objects.filter(dry_run=False, publish=True).count() == 1


def test_the_import_form_fits_a_phone(new_page, maya):
    page = new_page(viewport=PHONE)
    sign_in(page)
    page.goto("/moderation/imports/")

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_moderation_queue_and_an_import_report_fit_a_phone(new_page, maya, practice_factory):
    for n in range(3):
        practice_factory(f"A long practice title that wraps on a phone, number {n}", status=Practice.Status.SUBMITTED)
    page = new_page(viewport=PHONE)
    sign_in(page)

    for path in ("/moderation/", "/moderation/imports/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
