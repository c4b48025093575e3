"""The cards of the resource list, written in Python (the `resource_card` tag): what they show,
escaped, in the reader's language and with the addresses of the reader's language."""

from datetime import date

import pytest

from hub.publishing import services as publishing
from hub.resources.tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_a_card_shows_its_type_author_date_languages_and_themes_escaped(client):
    resource = make_resource(
        "Rumours <and> facts", author="Smith & Jones", issued=date(2024, 3, 1), languages=("en", "fr")
    )
    page = client.get("/resources/").content.decode()
    card = page.split('<article class="card">')[1].split("</article>")[0]
    assert f'<a href="/resources/{resource.slug}/">Rumours &lt;and&gt; facts</a>' in card
    assert "<span>Smith &amp; Jones</span>" in card and "<span>1 March 2024</span>" in card
    assert "<span>English, French</span>" in card
    assert '<p class="eyebrow">Tools and guidelines</p>' in card
    assert '<li><a href="/topics/discrimination-and-xenophobia/">' in card
    assert "translated-from" not in card


def test_a_french_reader_sees_the_translation_and_french_addresses(client):
    resource = make_resource()
    publishing.translation_save(
        obj=resource,
        language="fr",
        fields={"title": "Manuel anti-rumeurs", "summary": "Former des agents anti-rumeurs."},
        translator_name="Camille Roux",
        translated_on=date(2026, 11, 30),
        published=True,
        by=None,
    )
    card = client.get("/fr/resources/").content.decode().split('<article class="card">')[1]
    assert f'lang="fr"><a href="/fr/resources/{resource.slug}/">Manuel anti-rumeurs</a>' in card
    assert '<span class="translated-from">' in card and "anglais" in card.split('class="translated-from">')[1][:80]
    assert 'href="/fr/topics/discrimination-and-xenophobia/"' in card
