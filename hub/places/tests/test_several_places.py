"""A practice in several places: each row found in the gazetteer, asked about when ambiguous, or kept
as typed and "not yet placed"; suggestions as one types."""

import pytest

from hub.practices.models import Practice
from hub.practices.tests.test_submit import valid_form

pytestmark = pytest.mark.django_db


def test_a_submission_gives_several_places_in_several_countries(client):
    response = client.post(
        "/practices/submit/",
        valid_form(
            place_name="Terrassa", country="ES", place_name_2="", country_2="CO", place_name_3="Dallas", country_3="US"
        ),
    )

    assert response.status_code == 302
    places = Practice.objects.get().places.order_by("country")
    assert [(p.name, p.country.code, p.kind, p.is_placed) for p in places] == [
        ("Colombia", "CO", "country", True),
        ("Terrassa", "ES", "city", True),
        ("Dallas", "US", "city", True),
    ]


def test_the_new_form_offers_three_place_rows(client):
    form = client.get("/practices/submit/").context["form"]

    assert [row.number for row in form.place_rows()] == [1, 2, 3]
    assert 'name="place_name_3"' in client.get("/practices/submit/").text


def test_a_namesake_in_the_second_row_is_asked_about_and_the_rest_is_kept(client):
    response = client.post(
        "/practices/submit/", valid_form(place_name="Terrassa", country="ES", place_name_2="Maipú", country_2="AR")
    )

    assert response.status_code == 400
    assert 'type="radio" name="place_choice_2"' in response.text
    assert 'name="place_choice"' not in response.text.replace('name="place_choice_2"', "")
    assert 'value="Terrassa"' in response.text
    key = response.context["form"].place_candidates["place_choice_2"][1][0]

    response = client.post(
        "/practices/submit/",
        valid_form(place_name="Terrassa", country="ES", place_name_2="Maipú", country_2="AR", place_choice_2=key),
    )

    assert response.status_code == 302
    maipu = Practice.objects.get().places.get(country="AR")
    assert maipu.region == "Mendoza" and maipu.is_placed


def test_an_unknown_town_is_kept_as_typed_and_not_yet_placed(client):
    client.post("/practices/submit/", valid_form(place_name="Xyzville", country="CL"))

    place = Practice.objects.get().places.get()
    assert (place.name, place.country.code, place.is_placed, place.latitude) == ("Xyzville", "CL", False, None)


def test_a_name_without_its_country_is_refused_and_kept(client):
    response = client.post("/practices/submit/", valid_form(place_name_2="Dallas", country_2=""))

    assert response.status_code == 400
    assert "Choose the country of “Dallas”." in response.text
    assert 'value="Dallas"' in response.text
    assert not Practice.objects.exists()


def test_a_moderators_edit_keeps_every_place_and_can_add_one(client, maya, practice_factory):
    practice = practice_factory("Ambassadors", place=("Dallas", "US"))
    practice.places.add(*practice_factory("Other", place=("Terrassa", "ES")).places.all())
    client.force_login(maya)
    form = client.get(f"/moderation/practices/{practice.pk}/").context["form"]
    assert [form[f"country{'' if n == 1 else f'_{n}'}"].value() for n in (1, 2)] == ["US", "ES"]
    assert form.place_row_count == 4


def test_suggestions_come_from_the_gazetteer_as_one_types(client):
    answer = client.get("/places/suggest.json", {"q": "Maip", "country": "AR"}).json()
    nothing = client.get("/places/suggest.json", {"q": "Xyzv", "country": "CL"}).json()
    bad = client.get("/places/suggest.json", {"q": "Maip", "country": "ZZ"})

    labels = [s["label"] for s in answer["suggestions"]]
    assert "Maipú (Mendoza) · town or city" in labels and "Maipú (Buenos Aires) · town or city" in labels
    assert nothing == {"suggestions": []}
    assert bad.status_code == 200 and bad.json() == {"suggestions": []}
