"""French puts a no-break space before a colon; a colon a template writes after a label is `{% colon %}`,
which does that in French and nothing in the other languages."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from hub.practices.tests.fixtures import read_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "expected"), [("fr", "Thème\u00a0:"), ("en", "Thème:"), ("es", "Thème:")])
def test_the_colon_after_a_label_follows_the_language(language, expected):
    with translation.override(language):
        assert Template("Thème{% colon %}").render(Context()) == expected


def test_a_french_page_has_no_colon_after_a_label_without_its_no_break_space(client, every_language):
    from hub.pledges.tests.conftest import make_pledge

    make_pledge()

    page = read_in(client, "fr").get("/pledges/").content.decode()
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S))

    assert "Cibles\u00a0:" in text  # the card's targets, as French writes it
    assert not re.search(r"\w :", text)  # no plain space before a colon
    assert not re.search(r"[^\W\d]: ", text)  # nor a colon stuck to the word before it
