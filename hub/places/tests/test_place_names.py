"""Region names in the reader's language where the iso-codes translations (pycountry) have them; towns and
regions without a translation keep the gazetteer's name."""

import pytest
from django.utils import translation

from hub.places.names import place_name
from hub.places.services import place_get_or_create
from hub.practices.tests.fixtures import read_in

pytestmark = pytest.mark.django_db


def test_a_region_of_the_gazetteer_is_named_in_french_and_spanish_where_iso_codes_names_it():
    bavaria = place_get_or_create(name="Bavaria", country="DE", kind="region")
    assert bavaria.gazetteer_key == "sub:DE-BY"

    with translation.override("fr"):
        assert str(bavaria) == "Bavière, Allemagne"
    with translation.override("es"):
        assert bavaria.display_name == "Bavaria"  # iso-codes has no Spanish name for it: the gazetteer's
    with translation.override("ar"):
        assert bavaria.display_name == "Bavaria"  # no Arabic names of regions: the gazetteer's
    with translation.override("en"):
        assert str(bavaria) == "Bavaria, Germany"


def test_a_town_keeps_its_one_name():
    assert place_name("Dallas", "gn:4684888", "fr") == "Dallas"
    assert place_name("Californie?", "", "fr") == "Californie?"
    assert place_name("California", "sub:US-CA", "fr") == "Californie"
    assert place_name("Lombardy", "sub:IT-25", "es") == "Lombardía"


def test_a_region_page_is_titled_in_the_readers_language(client, every_language, practice_factory):
    bavaria = place_get_or_create(name="Bavaria", country="DE", kind="region")
    practice = practice_factory()
    practice.places.add(bavaria)

    page = read_in(client, "fr").get(bavaria.get_absolute_url()).content.decode()

    assert "<h1>" in page and "Bavière</h1>" in page
