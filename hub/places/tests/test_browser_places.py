"""Several places on the submit form, in Debian's Chromium: suggestions as one types, a choice among
namesakes, another row on demand, and an unknown town kept as "not yet placed" for the moderator."""

import pytest
from playwright.sync_api import expect

from hub.practices.models import Practice
from hub.practices.tests.test_browser import assert_accessible, field, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_several_places_with_a_namesake_chosen_and_an_unknown_town_flagged(new_page, maya):
    page = new_page()
    page.goto("/practices/submit/")
    field(page, "Title").fill("Ollas populares")
    field(page, "Summary").fill("Neighbourhood kitchens run with newly arrived families.")
    field(page, "Implementing organisation").fill("Red de Ollas")
    field(page, "Your name").fill("Lucía Pérez")
    field(page, "Your e-mail address").fill("lucia@example.org")

    field(page, "Country").select_option("ES")
    field(page, "City, province or region").fill("Terrassa")
    field(page, "Country (place 2)").select_option("AR")
    field(page, "City, province or region (place 2)").press_sequentially("Maip", delay=50)
    suggestions = page.locator("#place_name_2-suggestions option")
    expect(suggestions.first).to_have_attribute("value", "Maipú", timeout=60_000)
    field(page, "City, province or region (place 2)").fill("Maipú")
    field(page, "Country (place 3)").select_option("CO")  # the whole country
    page.get_by_role("button", name="Add another place").click()
    field(page, "Country (place 4)").select_option("CL")
    field(page, "City, province or region (place 4)").fill("Xyzville")
    assert_accessible(page, "the submit form with four places")
    page.get_by_role("button", name="Send for review").click()

    expect(page.get_by_text("Several places are called “Maipú”: choose the one you mean.")).to_be_visible()
    expect(field(page, "City, province or region (place 4)")).to_have_value("Xyzville")
    assert_accessible(page, "the namesake choice")
    page.get_by_label("Maipú (Mendoza)").check()
    page.get_by_role("button", name="Send for review").click()

    expect(page.get_by_role("heading", name="Status of your practice")).to_be_visible()
    practice = Practice.objects.get()
    places = {place.country.code: place for place in practice.places.all()}
    assert set(places) == {"ES", "AR", "CO", "CL"}
    assert places["AR"].region == "Mendoza"
    assert not places["CL"].is_placed and places["CL"].latitude is None

    moderator = new_page()
    sign_in(moderator)
    moderator.goto(f"/moderation/practices/{practice.pk}/")
    expect(moderator.get_by_text("Xyzville, Chile: not yet placed")).to_be_visible()
    expect(moderator.get_by_role("link", name="place it")).to_be_visible()
