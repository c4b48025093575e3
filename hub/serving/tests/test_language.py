"""The language of a page: its address (English unprefixed, /fr/…, /es/…, /ar/…), the footer's choice
(a cookie, and the profile of a signed-in member), a first visit that follows Accept-Language, the
hreflang alternates and the sitemap's."""

import pytest
from django.test import Client

from hub.people.models import Profile
from hub.practices.tests.fixtures import PASSWORD

pytestmark = pytest.mark.django_db

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture(autouse=True)
def every_language_offered(settings):
    """The site offers a language once its catalogue is complete (hub/lib/catalogues.py): here, all of them."""
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES


def test_every_english_address_keeps_working_and_the_others_carry_their_prefix(client, practice_factory):
    path = practice_factory().get_absolute_url()
    english = client.get(path)
    assert english.status_code == 200 and '<html lang="en" dir="ltr"' in english.text
    for code, direction in (("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")):
        page = client.get(f"/{code}{path}")
        assert (code, page.status_code) == (code, 200) and f'<html lang="{code}" dir="{direction}"' in page.text
    assert client.get("/fr/feeds/practices/").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200 and client.get("/fr/sitemap.xml").status_code == 404


def test_choosing_a_language_sets_the_cookie_and_goes_to_the_same_page_in_it(client):
    response = client.get("/language/", {"language": "fr", "next": "/practices/?country=US"})
    assert response.status_code == 302 and response["Location"] == "/fr/practices/?country=US"
    assert response.cookies["django_language"].value == "fr"
    assert '<html lang="fr"' in client.get(response["Location"]).text
    back = client.get("/language/", {"language": "en", "next": "/fr/practices/?country=US"})
    assert back["Location"] == "/practices/?country=US" and back.cookies["django_language"].value == "en"


def test_the_footer_links_to_this_page_in_every_other_language_without_a_csrf_token(client):
    page = client.get("/fr/practices/?country=US").text
    footer = page[page.index('class="site-footer"') :]
    assert 'href="/language/?language=es&amp;next=/es/practices/%3Fcountry%3DUS"' in footer
    assert 'href="/language/?language=en&amp;next=/practices/%3Fcountry%3DUS"' in footer
    assert '<span aria-current="true" lang="fr" dir="ltr">français</span>' in footer
    assert 'lang="ar" dir="rtl">العربيّة</a>' in footer
    assert "csrfmiddlewaretoken" not in page


def test_every_page_names_its_versions_in_the_other_languages_with_hreflang(client):
    head = client.get("/es/practices/").text.split("</head>")[0]
    for code, path in (
        ("en", "/practices/"),
        ("fr", "/fr/practices/"),
        ("es", "/es/practices/"),
        ("ar", "/ar/practices/"),
    ):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{path}">' in head
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/practices/">' in head


def test_only_the_languages_offered_are_chosen_linked_and_served(client, settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    page = client.get("/practices/").text
    assert 'hreflang="fr"' in page and 'hreflang="ar"' not in page
    assert client.get("/language/", {"language": "ar", "next": "/"}).status_code == 400
    # A language withdrawn (its catalogue fell behind) sends its old addresses to the English page.
    withdrawn = client.get("/ar/practices/?country=US")
    assert withdrawn.status_code == 302 and withdrawn["Location"] == "/practices/?country=US"


def test_an_unknown_language_is_a_400_and_sets_nothing(client):
    response = client.get("/language/", {"language": "xx", "next": "/"})
    assert response.status_code == 400 and "Choose one of the languages offered." in response.text
    assert "django_language" not in response.cookies


def test_a_next_address_on_another_site_goes_home_instead(client):
    response = client.get("/language/", {"language": "es", "next": "https://evil.example.com/"})
    assert response["Location"] == "/es/"


def test_a_first_visit_follows_accept_language_once_and_says_what_it_varies_on(client):
    first = client.get("/practices/?country=US", headers={**BROWSER, "Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert first.status_code == 302 and first["Location"] == "/es/practices/?country=US"
    assert {"Cookie", "Accept-Language"} <= {part.strip() for part in first["Vary"].split(",")}
    assert "private" in first["Cache-Control"]
    assert first.cookies["django_language"].value == "es"
    # The cookie now decides: the reader who goes back to English stays there whatever the browser says.
    client.get("/language/", {"language": "en", "next": "/"})
    again = client.get("/practices/", headers={**BROWSER, "Accept-Language": "es"})
    assert again.status_code == 200 and '<html lang="en"' in again.text


def test_a_chosen_language_sticks_on_an_unprefixed_address(client):
    client.cookies["django_language"] = "ar"
    response = client.get("/practices/", headers={**BROWSER, "Accept-Language": "en"})
    assert response.status_code == 302 and response["Location"] == "/ar/practices/"
    assert "django_language" not in response.cookies, "the choice was there already"


def test_feeds_json_the_sitemap_and_the_admin_are_never_moved(client):
    headers = {"Accept-Language": "fr"}
    assert client.get("/feeds/practices/", headers={**headers, "Accept": "application/rss+xml"}).status_code == 200
    assert client.get("/map/clusters/?zoom=2", headers={**headers, "Accept": "application/json"}).status_code == 200
    assert client.get("/sitemap.xml", headers={**headers, **BROWSER}).status_code == 200
    assert client.get("/admin/login/", headers={**headers, **BROWSER}).status_code == 200


def test_english_with_a_prefix_goes_to_the_address_without_one(client):
    response = client.get("/en/practices/")
    assert response.status_code == 302 and response["Location"] == "/practices/"


def test_a_members_choice_is_kept_in_their_profile_and_applied_when_they_sign_in(client, alice):
    user = alice
    client.force_login(user)
    client.get("/language/", {"language": "ar", "next": "/"})
    assert Profile.objects.get(user=user).interface_language == "ar"

    browser = Client()  # another device, no cookie
    browser.get("/accounts/login/")
    response = browser.post("/accounts/login/?next=/practices/", {"login": "alice", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/ar/practices/"
    assert response.cookies["django_language"].value == "ar"


def test_the_sitemap_lists_each_page_in_every_language_with_its_alternates(client, practice_factory):
    practice = practice_factory()
    xml = client.get("/sitemap.xml").text
    path = practice.get_absolute_url()
    for code in ("fr", "es", "ar"):
        assert f"<loc>http://testserver/{code}{path}</loc>" in xml
        assert f'hreflang="{code}" href="http://testserver/{code}{path}"' in xml
    assert f"<loc>http://testserver{path}</loc>" in xml
    assert f'hreflang="x-default" href="http://testserver{path}"' in xml
