"""The footer's language choice: a GET that sets the language cookie and goes back to the page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def every_language_offered(settings):
    """The site offers a language once its catalogue is complete (hub/lib/catalogues.py): here, all of them."""
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES


def test_choosing_a_language_sets_the_cookie_and_returns_to_the_page(client):
    response = client.get("/language/", {"language": "fr", "next": "/practices/?country=US"})
    assert response.status_code == 302 and response["Location"] == "/practices/?country=US"
    assert response.cookies["django_language"].value == "fr"
    assert '<html lang="fr"' in client.get("/practices/").content.decode()


def test_the_footer_offers_the_languages_without_a_csrf_token(client):
    page = client.get("/practices/").content.decode()
    footer = page[page.index('class="site-footer"') :]
    assert 'action="/language/" method="get"' in footer and 'value="/practices/"' in footer
    assert "csrfmiddlewaretoken" not in page


def test_an_unknown_language_is_a_400_and_sets_nothing(client):
    response = client.get("/language/", {"language": "xx", "next": "/"})
    assert response.status_code == 400 and "Choose one of the languages offered." in response.content.decode()
    assert "django_language" not in response.cookies


def test_a_next_address_on_another_site_goes_home_instead(client):
    response = client.get("/language/", {"language": "es", "next": "https://evil.example.com/"})
    assert response["Location"] == "/"
