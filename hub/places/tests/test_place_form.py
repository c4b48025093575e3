"""Submitters choose among namesakes; moderators correct a place and its coordinates, within range."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hub.places.models import Place
from hub.places.services import place_get_or_create, place_update
from hub.practices.models import Practice
from hub.practices.tests.test_submit import valid_form

pytestmark = pytest.mark.django_db


def test_an_ambiguous_place_redisplays_the_form_with_the_candidates_and_keeps_what_was_typed(client):
    response = client.post("/practices/submit/", valid_form(place_name="Maipú", country="AR", title="Ollas populares"))

    assert response.status_code == 400
    assert not Practice.objects.exists()
    assert "Several places are called “Maipú”: choose the one you mean." in response.text
    assert 'type="radio" name="place_choice"' in response.text
    assert "Maipú (Mendoza)" in response.text and "Maipú (Buenos Aires)" in response.text
    assert "keep “Maipú” as I typed it" in response.text
    assert 'value="Ollas populares"' in response.text


def test_choosing_a_candidate_puts_the_practice_there(client):
    response = client.post("/practices/submit/", valid_form(place_name="Maipú", country="AR"))
    key = response.context["form"].place_candidates["place_choice"][1][0]

    response = client.post("/practices/submit/", valid_form(place_name="Maipú", country="AR", place_choice=key))

    assert response.status_code == 302
    place = Practice.objects.get().places.get()
    assert place.gazetteer_key == key
    assert not place.needs_review


def test_keeping_the_name_as_typed_flags_it_for_a_moderator(client):
    response = client.post("/practices/submit/", valid_form(place_name="Maipú", country="AR", place_choice="typed"))

    assert response.status_code == 302
    place = Practice.objects.get().places.get()
    assert place.needs_review and place.latitude is None


def test_an_unambiguous_place_needs_no_choice(client):
    response = client.post("/practices/submit/", valid_form(place_name="Terrassa", country="ES"))
    assert response.status_code == 302
    assert Practice.objects.get().places.get().name == "Terrassa"


def test_a_moderator_saving_a_practice_keeps_its_corrected_place(client, practice_factory, maya):
    practice = practice_factory("Mentors in a barrio", place=("Barrio Esperanza Nueva Xq", "CO"))
    place = practice.places.get()
    place_update(place=place, name=place.name, kind="city", country="CO", latitude=10.96, longitude=-74.8)
    client.force_login(maya)
    review = client.get(f"/moderation/practices/{practice.pk}/")
    data = {key: value for key, value in review.context["form"].initial.items() if value not in (None, [])}
    form = review.context["form"]
    post = {name: form[name].value() for name in form.fields if form[name].value() not in (None, [], "")}
    post.update(place_name=place.name, country="CO", title=practice.title)
    post["themes"] = [t.pk for t in data.get("themes", [])]

    response = client.post(f"/moderation/practices/{practice.pk}/", post)

    assert response.status_code == 302, response.context["form"].errors
    assert practice.places.get() == place
    place.refresh_from_db()
    assert (place.latitude, place.longitude) == (10.96, -74.8)


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        (91, 0, "A latitude lies between -90"),
        (-90.5, 0, "A latitude lies between -90"),
        (0, 180.01, "A longitude lies between -180 and 180"),
        (10, None, "Give both the latitude and the longitude"),
    ],
)
def test_a_moderator_cannot_set_coordinates_out_of_range(latitude, longitude, message):
    place = place_get_or_create(name="Terrassa", country="ES")
    before = (place.latitude, place.longitude)

    with pytest.raises(ValidationError) as error:
        place_update(place=place, name="Terrassa", kind="city", country="ES", latitude=latitude, longitude=longitude)

    assert message in str(error.value)
    place.refresh_from_db()
    assert (place.latitude, place.longitude) == before


def test_the_database_refuses_coordinates_out_of_range_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        Place.objects.create(name="Nowhere", slug="nowhere", country="FR", continent="EU", latitude=100, longitude=0)


def test_the_admin_refuses_coordinates_out_of_range_with_a_clear_message(admin_client):
    place = place_get_or_create(name="Terrassa", country="ES")
    url = f"/admin/places/place/{place.pk}/change/"
    fields = {"name": "Terrassa", "slug": place.slug, "kind": "city", "country": "ES", "region": ""}

    response = admin_client.post(url, {**fields, "latitude": "123", "longitude": "2"})

    assert response.status_code == 200
    assert "A latitude lies between -90 (South Pole) and 90 (North Pole)." in response.text
    assert 'value="123"' in response.text
    place.refresh_from_db()
    assert place.latitude == pytest.approx(41.57, abs=0.01)


def test_a_moderator_places_an_unknown_place_by_hand_in_the_admin(admin_client, practice_factory):
    practice = practice_factory("Neighbours in a new barrio", place=("Barrio Esperanza Nueva Xq", "CO"))
    place = practice.places.get()
    assert place.needs_review
    fields = {"name": "Barrio Esperanza", "slug": place.slug, "kind": "city", "country": "CO", "region": "Atlántico"}

    response = admin_client.post(
        f"/admin/places/place/{place.pk}/change/", {**fields, "latitude": "10.97", "longitude": "-74.79"}
    )

    assert response.status_code == 302
    place.refresh_from_db()
    assert (place.name, place.latitude, place.longitude, place.needs_review) == (
        "Barrio Esperanza",
        10.97,
        -74.79,
        False,
    )
