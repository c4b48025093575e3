"""Control characters never reach the database, and a stored one never breaks a feed."""

import pytest

from hub.lib.text import strip_control
from hub.practices.models import Practice
from hub.practices.tests.test_submit import valid_form

pytestmark = pytest.mark.django_db


def test_strip_control_keeps_tabs_newlines_and_letters():
    assert strip_control("a\x00b\x0c\x1bc\x7f\td\ne\rf é") == "abc\td\ne\rf é"


def test_a_submitted_title_and_summary_lose_their_control_characters(client):
    response = client.post(
        "/practices/submit/", valid_form(title="Ambassadors\x1b in\x0c Dallas", summary="Line one\nline\x00 two")
    )

    assert response.status_code == 302
    practice = Practice.objects.get()
    assert practice.title == "Ambassadors in Dallas"
    assert practice.summary == "Line one\nline two"


def test_a_profile_form_of_a_member_loses_control_characters_too(client, alice):
    client.force_login(alice)
    client.post("/accounts/profile/", {"first_name": "Al\x1bice", "listed": "on"})
    alice.refresh_from_db()
    assert alice.first_name == "Alice"


def test_feeds_answer_even_when_a_published_title_holds_a_control_character(client, practice_factory):
    practice_factory("Ambassadors\x1b in\x0c Dallas", summary="Escape \x1b here")

    for url in ("/feeds/practices/", "/feeds/topics/discrimination-and-xenophobia/", "/feeds/search/?q=Dallas"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<title>Ambassadors in Dallas</title>" in response.text


def test_a_search_feed_for_words_with_a_control_character_answers(client, practice_factory):
    practice_factory()
    response = client.get("/feeds/search/?q=a%1Bb")
    assert response.status_code == 200


def test_feed_descriptions_are_plain_text_that_readers_do_not_render(client, practice_factory):
    practice_factory(summary="<b>bold</b> & <script>x()</script>")

    text = client.get("/feeds/practices/").text

    assert "&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; &amp;amp;" in text
    assert "&lt;b&gt;" not in text


@pytest.mark.parametrize("path", ["/members/a%00b/", "/practices/submissions/a%00b/", "/practices/x%1Fy/"])
def test_an_address_with_a_control_character_is_404(client, path):
    assert client.get(path).status_code == 404


def test_imported_text_loses_its_control_characters():
    from hub.imports.parsers import parse

    raw = b"title,summary\nAmbassadors\x1b in Dallas,Escape\x0c here\n"
    records, _problems = parse("a.csv", raw)
    assert records[0].title == "Ambassadors in Dallas"
    json_records, _problems = parse("a.json", b'[{"title": "Esc\\u001bape", "summary": "A \\u000cB"}]')
    assert json_records[0].title == "Escape" and json_records[0].summary == "A B"
