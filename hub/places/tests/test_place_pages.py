"""Continent, country and city pages, "Worldwide", and the map page as a list: published practices only."""

import pytest

from hub.places.models import Place
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(practice_factory):
    practice_factory("Language cafés in Terrassa", place=("Terrassa", "ES"), topics=("education",))
    practice_factory("Welcome desks in Barcelona", place=("Barcelona", "ES"), topics=("education", "employment"))
    practice_factory("Mentors in Dallas", place=("Dallas", "US"), topics=("employment",))
    practice_factory("Secret draft in Terrassa", status=Practice.Status.SUBMITTED, place=("Terrassa", "ES"))
    practice_factory("Hidden practice in Kenya", status=Practice.Status.REJECTED, place=("Nairobi", "KE"))


def test_worldwide_lists_countries_by_continent_with_published_counts(client, practices):
    response = client.get("/places/")

    assert response.status_code == 200
    text = response.text.split('<div class="continents">')[1]
    assert text.index("Europe") < text.index("Spain") < text.index("Northern America") < text.index("United States")
    assert '<a href="/places/spain/">Spain</a> <span class="count">2</span>' in text
    assert '<span style="inline-size: 100%"></span>' in text  # the bar of the country with the most
    assert "Kenya" not in response.text and "Africa" not in response.text


def test_the_americas_are_split_as_the_un_m49_regions_do(client, practice_factory):
    practice_factory("Ollas in Maipú", place=("Santiago", "CL"))
    practice_factory("Welcome in Mexico City", place=("Mexico City", "MX"))
    practice_factory("Havana neighbours", place=("Havana", "CU"))
    practice_factory("Mentors in Dallas", place=("Dallas", "US"))
    practice_factory("Toronto newcomers", place=("Toronto", "CA"))

    text = client.get("/places/").text
    latin = client.get("/places/latin-america-and-the-caribbean/").text
    northern = client.get("/places/northern-america/").text

    assert "Latin America and the Caribbean" in text and "Northern America" in text
    assert all(title in latin for title in ("Ollas in Maipú", "Welcome in Mexico City", "Havana neighbours"))
    assert "Mentors in Dallas" not in latin and "Toronto newcomers" in northern and "Havana" not in northern
    assert client.get("/places/south-america/")["Location"] == "/places/latin-america-and-the-caribbean/"
    assert client.get("/places/north-america/")["Location"] == "/places/northern-america/"
    listed = client.get("/practices/?continent=LA")
    assert listed.context["page"].paginator.count == 3
    assert "Latin America and the Caribbean (3)" in listed.text
    assert client.get("/practices/?continent=SA").context["page"].paginator.count == 3  # an old address


def test_a_continent_page_shows_its_practices_countries_and_themes(client, practices):
    response = client.get("/places/europe/")

    assert response.status_code == 200
    assert "2 published practices" in response.text
    assert "Language cafés in Terrassa" in response.text
    assert "Mentors in Dallas" not in response.text
    assert "Secret draft" not in response.text
    assert "Education (2)" in response.text
    assert 'data-clusters-url="/map/clusters/?continent=EU"' in response.text


def test_a_country_page_lists_its_cities_and_practices(client, practices):
    response = client.get("/places/spain/")

    assert response.status_code == 200
    assert "Practices in Spain" in response.text
    terrassa = Place.objects.get(name="Terrassa")
    assert f'<a href="/places/{terrassa.slug}/">Terrassa</a> <span class="count">(1)</span>' in response.text
    assert "Secret draft" not in response.text


def test_a_city_page_shows_its_practices_count_themes_and_a_small_map(client, practices):
    terrassa = Place.objects.get(name="Terrassa")
    response = client.get(terrassa.get_absolute_url())

    assert response.status_code == 200
    assert "Practices in Terrassa" in response.text
    assert "1 published practice." in response.text
    assert "Language cafés in Terrassa" in response.text
    assert "Secret draft" not in response.text
    assert 'href="/places/spain/"' in response.text  # the country it is in
    assert 'data-latitude="41.56' in response.text
    assert "leaflet/leaflet.js" in response.text


def test_a_country_place_sends_you_to_the_country_page(client, practice_factory):
    practice = practice_factory("A national programme", place=("", "CO"))
    place = practice.places.get()
    assert place.get_absolute_url() == "/places/colombia/"
    assert client.get(f"/places/{place.slug}/").url == "/places/colombia/"
    assert "A national programme" in client.get("/places/colombia/").text


def test_an_unknown_place_address_is_a_404(client, practices):
    assert client.get("/places/atlantis/").status_code == 404


def test_practice_pages_and_cards_link_to_the_place_pages(client, practices):
    terrassa = Place.objects.get(name="Terrassa")
    practice = Practice.objects.get(title="Language cafés in Terrassa")

    assert f'href="{terrassa.get_absolute_url()}"' in client.get(practice.get_absolute_url()).text
    assert f'href="{terrassa.get_absolute_url()}"' in client.get("/practices/").text


def test_a_place_not_found_in_the_gazetteer_is_not_yet_placed_and_has_no_public_page(client, practice_factory, maya):
    practice = practice_factory("Neighbours in a new barrio", place=("Barrio Esperanza Nueva Xq", "CO"))
    place = practice.places.get()

    assert not place.is_placed
    assert client.get(place.get_absolute_url()).status_code == 404
    assert "Barrio Esperanza" not in client.get("/places/colombia/").text
    detail = client.get(practice.get_absolute_url()).text
    assert "(“Barrio Esperanza Nueva Xq”: not yet placed on the map)" in detail
    assert place.get_absolute_url() not in detail and 'href="/places/colombia/"' in detail

    client.force_login(maya)
    response = client.get(place.get_absolute_url())
    assert "not found in the gazetteer" in response.text
    assert "data-map" not in response.text  # no position, so no map rather than a wrong one
    review = client.get(f"/moderation/practices/{practice.pk}/").text
    assert "Barrio Esperanza Nueva Xq, Colombia: not yet placed" in review


def test_the_map_page_works_without_javascript_as_a_list_of_countries(client, practices):
    response = client.get("/map/")

    assert response.status_code == 200
    assert "3 published practices" in response.text
    assert '<a href="/places/spain/">Spain</a> <span class="count">(2)</span>' in response.text
    assert "/places/kenya/" not in response.text
    assert 'href="/practices/"' in response.text


def test_the_map_page_takes_the_list_filters_and_a_search(client, practices):
    response = client.get("/map/?theme=employment")
    assert "2 published practices" in response.text
    assert 'data-clusters-url="/map/clusters/?theme=employment"' in response.text
    assert 'href="/practices/?theme=employment"' in response.text

    # Words go through the search engine, as on the list: every practice here is by the City of Dallas,
    # so the word is one only the Dallas practice has in its title.
    response = client.get("/map/?q=mentors")
    assert "1 published practice " in response.text
    assert "United States" in response.text and "Spain</a>" not in response.text


def test_the_map_page_explains_a_filter_it_does_not_understand(client, practices):
    response = client.get("/map/?theme=nonsense&year=abc")
    assert response.status_code == 400
    assert "were not understood" in response.text


def test_leaflet_comes_from_our_own_static_files(client):
    response = client.get("/map/")
    assert '<script src="/static/leaflet/leaflet.js" defer>' in response.text
    assert "unpkg" not in response.text and "cdn" not in response.text.lower()
    assert client.get("/static/leaflet/leaflet.js").status_code == 200


def test_the_tile_server_is_a_setting(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in client.get("/map/").text


def test_the_navigation_offers_worldwide_and_the_map(client):
    text = client.get("/").text
    assert '<a href="/places/">Worldwide</a>' in text
    assert '<a href="/map/">Map</a>' in text


def test_the_list_offers_its_practices_on_the_map_with_the_same_filters(client, practices):
    assert 'href="/map/?theme=education"' in client.get("/practices/?theme=education").text


@pytest.mark.parametrize("status", [Practice.Status.SUBMITTED, Practice.Status.REJECTED, Practice.Status.ARCHIVED])
def test_a_place_only_typed_in_an_unpublished_practice_has_no_page(client, practice_factory, status):
    practice_factory("Secret in Sabadell", status=status, place=("Sabadell", "ES"))
    sabadell = Place.objects.get(name="Sabadell")

    assert client.get(f"/places/{sabadell.slug}/").status_code == 404


def test_a_place_gets_its_page_once_a_practice_in_it_is_published(client, practice_factory):
    practice = practice_factory("Secret in Sabadell", status=Practice.Status.SUBMITTED, place=("Sabadell", "ES"))
    practice.status = Practice.Status.PUBLISHED
    practice.save()

    assert client.get(f"/places/{Place.objects.get(name='Sabadell').slug}/").status_code == 200


def test_public_places_are_those_of_published_practices_and_their_countries(practice_factory):
    from hub.places.services import place_get_or_create

    practice_factory("Mentors in Dallas", place=("Dallas", "US"))
    practice_factory("Secret in Sabadell", status=Practice.Status.SUBMITTED, place=("Sabadell", "ES"))
    usa, spain = place_get_or_create(name="", country="US"), place_get_or_create(name="", country="ES")

    public = set(Place.objects.public())
    assert Place.objects.get(name="Dallas") in public and usa in public
    assert Place.objects.get(name="Sabadell") not in public and spain not in public
