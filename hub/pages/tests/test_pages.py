"""About, contact, privacy and terms: reachable from every page's footer and from the sign-up form."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/about/", "About IBIS Hub"),
        ("/contact/", "Contact"),
        ("/privacy/", "Privacy notice"),
        ("/terms/", "Terms of use"),
    ],
)
def test_each_page_answers_and_is_linked_from_the_footer(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.text
    assert f'href="{path}"' in client.get("/").text


def test_the_privacy_page_says_what_is_stored_for_how_long_and_how_to_delete_it(client, settings):
    text = client.get("/privacy/").text

    for words in ("What we store, and why", "For how long", "/accounts/delete/", "/accounts/my-data/"):
        assert words in text
    assert settings.CONTACT_EMAIL in text


def test_the_sign_up_page_says_what_members_get_and_links_privacy_and_terms(client):
    text = client.get("/accounts/signup/").text

    assert "Members of the community can:" in text
    assert 'href="/privacy/"' in text.split("<footer")[0] and 'href="/terms/"' in text.split("<footer")[0]
