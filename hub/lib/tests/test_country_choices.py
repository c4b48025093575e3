"""The country choices of the filter forms, kept once per language by each process."""

import pytest
from django.utils import translation

from hub.lib.forms import country_choices


def test_country_choices_are_named_and_sorted_in_the_readers_language():
    with translation.override("fr"):
        french = dict(country_choices())
        french_order = [code for code, _name in country_choices()]
    with translation.override("en"):
        english = dict(country_choices())
        english_order = [code for code, _name in country_choices()]
    assert french["DE"] == "Allemagne" and english["DE"] == "Germany"
    assert len(french) == len(english) > 240
    # Sorted by the name in each language: Germany after France in English, Allemagne first in French.
    assert english_order.index("DE") > english_order.index("FR")
    assert french_order.index("DE") < french_order.index("FR")


@pytest.mark.django_db
def test_the_event_filter_offers_and_checks_countries_in_the_readers_language(client):
    response = client.get("/fr/events/calendar/?month=2030-01&country=DE")
    assert response.status_code == 200
    assert '<option value="DE" selected>Allemagne</option>' in response.content.decode()
    assert client.get("/fr/events/calendar/?month=2030-01&country=XX").status_code == 400
