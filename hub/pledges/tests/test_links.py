"""A pledge linked both ways to the practices it implements and the pledge it renews, on place pages,
in the sitemap, with schema.org data, and as texts for the site search: published things only."""

import html
import json
import re

from hub.pledges.models import Pledge
from hub.pledges.search import pledge_texts
from hub.practices.models import Practice


def text(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return html.unescape(response.content.decode())


def test_a_practice_page_lists_its_published_pledges_only(client, pledge_factory, practice_factory):
    practice = practice_factory("PA'LANTE: integration of migrant families")
    pledge_factory(practices=[practice])
    pledge_factory("A pledge under review", status=Pledge.Status.SUBMITTED, practices=[practice])

    page = text(client, practice.get_absolute_url())

    assert "Pledges to implement it" in page and "PA'LANTE for migrant and refugee families" in page
    assert "A pledge under review" not in page


def test_a_pledge_links_its_practice_only_while_the_practice_is_published(client, pledge_factory, practice_factory):
    published = practice_factory("PA'LANTE: integration of migrant families")
    hidden = practice_factory("A practice still in review", status=Practice.Status.SUBMITTED)
    pledge = pledge_factory(practices=[published, hidden])

    page = text(client, pledge.get_absolute_url())

    assert published.get_absolute_url() in page
    assert hidden.get_absolute_url() not in page and "A practice still in review" not in page


def test_a_renewed_pledge_links_both_ways(client, pledge_factory):
    first = pledge_factory("Montréal Inclusive at Work 2022", body="City of Montréal", place=("Montréal", "CA"))
    deeper = pledge_factory("Montréal Inclusive at Work: a podcast", body="City of Montréal", renews=first)

    assert first.get_absolute_url() in text(client, deeper.get_absolute_url())
    assert deeper.get_absolute_url() in text(client, first.get_absolute_url())


def test_pledges_appear_on_their_city_country_and_continent_pages(client, pledge_factory):
    pledge = pledge_factory()
    place = pledge.places.get()
    pledge_factory("A pledge under review", status=Pledge.Status.SUBMITTED)

    for path in (place.get_absolute_url(), "/places/colombia/", "/places/latin-america-and-the-caribbean/"):
        page = text(client, path)
        assert pledge.title in page and "A pledge under review" not in page, path


def test_the_sitemap_lists_published_pledges_and_initiatives(client, pledge_factory, call_to_local_action):
    pledge = pledge_factory(initiative=call_to_local_action)
    hidden = pledge_factory("A pledge under review", status=Pledge.Status.SUBMITTED)

    sitemap = text(client, "/sitemap.xml")

    assert pledge.get_absolute_url() in sitemap and call_to_local_action.get_absolute_url() in sitemap
    assert hidden.get_absolute_url() not in sitemap


def test_a_pledge_page_carries_schema_org_data_with_its_targets(client, pledge_factory, call_to_local_action):
    pledge = pledge_factory(initiative=call_to_local_action)

    page = client.get(pledge.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))

    assert data["@type"] == "PlanAction" and data["agent"]["name"] == "City of Barranquilla"
    assert data["result"] == [{"@type": "QuantitativeValue", "name": "families", "maxValue": 500}]
    assert data["isPartOf"]["name"] == "Call to Local Action"


def test_the_search_texts_cover_published_pledges_only(pledge_factory):
    pledge = pledge_factory()
    hidden = pledge_factory("A pledge under review", status=Pledge.Status.SUBMITTED)

    texts = pledge_texts([pledge.pk, hidden.pk])

    assert list(texts) == [pledge.pk]
    assert texts[pledge.pk]["title"] == pledge.title and "City of Barranquilla" in texts[pledge.pk]["context"]
    assert "500 families" in texts[pledge.pk]["context"] and texts[pledge.pk]["language"] == "en"
