"""The cards of the pledge list, written in Python (the `pledge_card` tag): what they show, escaped, in
the reader's language and with the addresses of the reader's language."""

from datetime import date

import pytest

from hub.places.services import place_get_or_create
from hub.publishing import services as publishing

pytestmark = pytest.mark.django_db


def first_card(page: str) -> str:
    return page.split('<article class="card pledge-card">')[1].split("</article>")[0]


def test_a_card_shows_its_body_places_period_state_initiative_and_targets_escaped(
    client, pledge_factory, call_to_local_action
):
    pledge = pledge_factory(
        "Rumours <and> facts",
        body="Smith & Jones",
        initiative=call_to_local_action,
        targets=((500, "families"), (1200, "<b>people</b>")),
    )
    pledge.places.add(place_get_or_create(name="Spain", country="ES"))

    card = first_card(client.get("/pledges/").content.decode())

    assert f'<a href="/pledges/{pledge.slug}/">Rumours &lt;and&gt; facts</a>' in card
    assert "<span>Smith &amp; Jones</span>" in card
    assert '<span><a href="/places/barranquilla-co/">Barranquilla, Colombia</a></span>' in card
    assert '<a href="/places/spain/">Spain</a>' in card
    assert "<span>June 2023 – December 2024</span>" in card
    assert '<span class="pledge-state state-pledged">Pledged</span>' in card
    assert "<span>Call to Local Action</span>" in card
    assert '<p class="card-meta">Targets: 500 families · 1,200 &lt;b&gt;people&lt;/b&gt;</p>' in card
    assert "<b>" not in card and "translated-from" not in card


def test_a_card_without_period_targets_or_initiative_leaves_them_out(client, pledge_factory):
    pledge_factory(start=None, end=None, targets=(), commitment="word " * 60)

    card = first_card(client.get("/pledges/").content.decode())

    assert "Targets" not in card and "<span></span>" not in card
    assert '<p class="card-summary" lang="en">' + "word " * 44 + "word …</p>" in card


def test_a_french_reader_sees_the_translation_and_french_addresses(client, pledge_factory):
    pledge = pledge_factory()
    publishing.translation_save(
        obj=pledge,
        language="fr",
        fields={"title": "PA'LANTE pour les familles", "commitment": "Barranquilla s'engage."},
        translator_name="Camille Roux",
        translated_on=date(2026, 11, 30),
        published=True,
        by=None,
    )

    card = first_card(client.get("/fr/pledges/").content.decode())

    assert f'lang="fr"><a href="/fr/pledges/{pledge.slug}/">PA&#x27;LANTE pour les familles</a>' in card
    assert '<p class="card-summary" lang="fr">Barranquilla s&#x27;engage.</p>' in card
    assert '<span class="translated-from">' in card and "anglais" in card.split('class="translated-from">')[1][:80]
    assert 'href="/fr/places/barranquilla-co/"' in card
    assert '<p class="card-meta">Cibles\u00a0: 500 families</p>' in card
