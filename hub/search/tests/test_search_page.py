"""Searching as practitioners type, on whichever engine the suite runs (SQLite FTS5 or PostgreSQL)."""

import html

import pytest

from hub.people.services import organisation_get_or_create
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db

URL = "/search/"


@pytest.fixture
def practices(practice_factory):
    return {
        "montreal": practice_factory(
            "Inclusive at work in Montréal",
            summary="A podcast on welcoming migrants and refugees at work.",
            place=("Montréal", "CA"),
        ),
        "maipu": practice_factory(
            "Gobernanza de Maipú para personas refugiadas",
            summary="La municipalidad acompaña a cada refugiado y a su familia.",
            language="es",
            place=("Maipú", "CL"),
            topics=("governance",),
        ),
        "dallas": practice_factory(
            "Community ambassadors for immigrant neighbours",
            summary="Immigrant residents explain city services against xenophobia.",
            place=("Dallas", "US"),
            organisation=organisation_get_or_create(name="Office of Welcoming Communities"),
        ),
        "language": practice_factory(
            "Language cafés for newcomers",
            summary="Volunteers and newcomers meet weekly to practise the language, with a sport afternoon.",
            place=("Lyon", "FR"),
            topics=("education",),
        ),
    }


def titles(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return [practice.title for practice in response.context["page"]]


def test_a_word_without_its_accent_finds_the_accented_place(client, practices):
    assert titles(client, q="Montreal") == [practices["montreal"].title]
    assert titles(client, q="Maipu") == [practices["maipu"].title]


def test_a_plural_in_spanish_finds_the_singular(client, practices):
    assert titles(client, q="refugiados") == [practices["maipu"].title]


def test_practices_with_every_word_come_first(client, practices):
    assert titles(client, q="newcomers volunteers")[0] == practices["language"].title


def test_a_quoted_phrase_needs_the_words_side_by_side(client, practices):
    assert titles(client, q='"language cafés"') == [practices["language"].title]
    assert titles(client, q='"cafés language"') == []


def test_a_minus_sign_leaves_practices_with_that_word_out(client, practices):
    assert practices["language"].title in titles(client, q="newcomers")
    assert practices["language"].title not in titles(client, q="newcomers -sport")


def test_or_finds_either_word(client, practices):
    assert set(titles(client, q="podcast OR volunteers")) == {practices["montreal"].title, practices["language"].title}


def test_a_misspelt_word_finds_the_practices_and_says_it_was_corrected(client, practices):
    response = client.get(URL, {"q": "imigrant"})
    assert [p.title for p in response.context["page"]] == [practices["dallas"].title]
    text = response.content.decode()
    assert "Showing results for <strong>immigrant</strong>" in text
    # "Search instead for imigrant": the words as typed, not corrected, which find nothing.
    assert 'href="?q=imigrant&amp;spelling=as-typed">imigrant</a>' in text
    as_typed = client.get(URL, {"q": "imigrant", "spelling": "as-typed"})
    assert list(as_typed.context["page"]) == []
    assert not as_typed.context["search"].corrected


def test_an_organisation_or_a_country_name_in_another_language_finds_the_practice(client, practices):
    assert titles(client, q="welcoming communities office")[0] == practices["dallas"].title
    assert titles(client, q="Chili") == [practices["maipu"].title]


def test_the_title_weighs_more_than_the_summary(client, practice_factory):
    in_summary = practice_factory("Job fairs", summary="Employers meet newcomers at a mentoring day.")
    in_title = practice_factory("Mentoring for newcomers", summary="Employers meet newcomers.")
    assert titles(client, q="mentoring") == [in_title.title, in_summary.title]


def test_results_can_be_sorted_by_date(client, practice_factory):
    from datetime import timedelta

    from django.utils import timezone

    old = practice_factory("Mentoring circles", published_at=timezone.now() - timedelta(days=300))
    new = practice_factory("Mentoring for newcomers", published_at=timezone.now())
    assert titles(client, q="mentoring", sort="newest") == [new.title, old.title]


def test_facets_narrow_the_results_and_count_only_what_matches(client, practices):
    response = client.get(URL, {"q": "refugees OR refugiados OR newcomers"})
    themes = {group.name: group for group in response.context["facet_groups"]}["theme"]
    assert {option.value: option.count for option in themes.options}.get("education") == 1
    assert titles(client, q="refugees OR refugiados OR newcomers", theme="education") == [practices["language"].title]


def test_no_result_says_so_and_offers_to_drop_the_filter(client, practices):
    response = client.get(URL, {"q": "podcast", "theme": "education"})
    text = response.content.decode()
    assert response.context["page"].paginator.count == 0
    assert "No published practice matches" in text
    assert "1 practice matches without the filters" in text
    assert "Remove the filter Theme" in text


def test_snippets_mark_the_matched_words_and_escape_everything_else(client, practice_factory):
    practice_factory("<script>alert(1)</script> mentoring", summary="Mentoring <b>bold</b> & more for newcomers.")
    text = client.get(URL, {"q": "mentoring <img src=x onerror=alert(1)>"}).content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "<b>bold</b>" not in text
    assert "<img src=x" not in text
    assert "<mark>Mentoring</mark> &lt;b&gt;bold&lt;/b&gt; &amp; more" in text


MARKDOWN_SAMPLES = [
    "Plain sentences, with commas; and co-designed words.\n\nA second paragraph (with brackets).",
    "Line one\nline two: 50% of 1.200 people, e-mail info@example.org, https://example.org/a/b?c=d",
    "**Bold** and _emphasis_ and `code`",
    "# A heading\n\nText",
    "A heading\n=========\n\nText",
    "Another heading\n---\n\nText",
    "- one\n- two\n+ three",
    "1. first\n2) second",
    "> quoted",
    "[a link](https://example.org) and ![an image](x.png)",
    "Tom &amp; Jerry &lt;3 <b>bold</b>",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "    indented code",
    "Escaped \\* star",
    "~~struck~~",
]


@pytest.mark.parametrize("text", MARKDOWN_SAMPLES)
def test_a_snippet_shows_the_words_of_a_markdown_field_without_its_markup(text):
    from django.utils.html import strip_tags

    from hub.lib.markdown import render_markdown
    from hub.search.documents import plain_text

    # Text without Markdown is taken as it is (rendering it is most of a snippet's cost): the same
    # words as rendering it, up to white space.
    rendered = html.unescape(strip_tags(render_markdown(text)))
    assert plain_text(text).split() == rendered.split()


def test_unpublished_practices_are_never_found(client, practice_factory):
    for status in (Practice.Status.SUBMITTED, Practice.Status.REJECTED, Practice.Status.DRAFT):
        practice_factory(f"Secret mentoring {status}", status=status)
    response = client.get(URL, {"q": "secret mentoring"})
    assert "Secret" not in response.content.decode()
    assert client.get("/feeds/search/", {"q": "secret"}).content.decode().count("<item>") == 0


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 10_000,
        "word " * 3000,
        "!!! ??? ...",
        '"',
        '"unclosed phrase',
        "'; DROP TABLE practices_practice; --",
        "NEAR(mentoring newcomers, 2)",
        "*",
        "^mentoring",
        "mentoring*",
        "AND AND",
        "OR",
        "NOT",
        "-",
        "-mentoring",
        "title:mentoring",
        "(mentoring",
        "mentoring) OR (",
        "a & b | !c <-> d",
        "ça-et-là l'été",
        "مهاجرين",
    ],
)
def test_a_query_of_any_kind_returns_a_page(client, practices, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert client.get("/feeds/search/", {"q": query}).status_code == 200


def test_a_null_character_is_taken_out_of_the_words_searched(client, practices):
    response = client.get(URL, {"q": "mentoring\x00"})
    assert response.status_code == 200
    assert 'value="mentoring"' in response.content.decode()


def test_a_search_has_an_rss_feed_of_its_new_results(client, practices):
    response = client.get("/feeds/search/", {"q": "newcomers"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    text = response.content.decode()
    assert practices["language"].title in text
    assert practices["montreal"].title not in text
    assert "/feeds/search/?q=newcomers" in client.get(URL, {"q": "newcomers"}).content.decode()


def test_the_header_search_box_sends_people_to_the_search_page(client, practices):
    assert 'action="/search/"' in client.get("/").content.decode()
