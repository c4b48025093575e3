import pytest
from django.core import mail

from hub.practices.models import Practice

pytestmark = pytest.mark.django_db


def valid_form(**changes) -> dict:
    data = {
        "title": "PA'LANTE in Barranquilla",
        "summary": "A comprehensive service approach for 500 migrant and refugee families.",
        "background": "Barranquilla hosts many Venezuelan families.",
        "organisation_name": "Alcaldía de Barranquilla",
        "place_name": "Barranquilla",
        "country": "CO",
        "start_date": "2023-06",
        "end_date": "2024-12",
        "implementation": "ongoing",
        "people_reached": "500",
        "people_reached_unit": "families",
        "themes": [],
        "language": "en",
        "submitter_name": "María Fernández",
        "submitter_email": "maria@example.org",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_submit_form_explains_what_is_published(client):
    response = client.get("/practices/submit/")

    assert response.status_code == 200
    assert 'href="/practices/criteria/"' in response.text
    assert "Your name" in response.text


def test_an_anonymous_visitor_submits_a_practice_and_gets_a_status_link(client, django_capture_on_commit_callbacks):
    from hub.vocabularies.models import Topic

    theme = Topic.objects.get(slug="discrimination-and-xenophobia")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/practices/submit/", valid_form(themes=[theme.pk]), follow=True)

    practice = Practice.objects.get()
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.submitted_by is None
    assert practice.submitter_display == "María Fernández (not verified)"
    assert list(practice.topics.all()) == [theme]
    assert str(practice.places.get()) == "Barranquilla, Colombia"
    assert practice.organisation.name == "Alcaldía de Barranquilla"
    assert response.redirect_chain[-1][0] == practice.get_status_url()
    assert "Submitted, awaiting review" in response.text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maria@example.org"]
    assert practice.get_status_url() in mail.outbox[0].body
    assert "“PA'LANTE in Barranquilla”" in mail.outbox[0].subject


def test_the_status_link_lets_an_anonymous_submitter_preview_the_practice(client):
    client.post("/practices/submit/", valid_form())
    practice = Practice.objects.get()
    other_visitor = type(client)()

    assert other_visitor.get(practice.get_absolute_url()).status_code == 404
    other_visitor.get(practice.get_status_url())
    assert other_visitor.get(practice.get_absolute_url()).status_code == 200


def test_a_signed_in_member_submits_under_their_name(client, alice, django_capture_on_commit_callbacks):
    client.force_login(alice)
    assert "You submit as Alice Martin" in client.get("/practices/submit/").text

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/practices/submit/", valid_form(submitter_name=None, submitter_email=None))

    practice = Practice.objects.get()
    assert practice.submitted_by == alice
    assert mail.outbox[0].to == ["alice@example.org"]


def assert_nothing_saved_and_form_kept(response, typed: dict):
    assert response.status_code == 400
    assert Practice.objects.count() == 0
    for value in typed.values():
        assert value in response.text


def test_missing_fields_are_named_and_nothing_is_saved(client):
    response = client.post("/practices/submit/", {"background": "Only this was typed."})

    assert_nothing_saved_and_form_kept(response, {"background": "Only this was typed."})
    errors = response.context["form"].errors
    assert set(errors) >= {"title", "summary", "organisation_name", "country"}
    assert set(response.context["submitter_form"].errors) == {"submitter_name", "submitter_email"}
    assert "The practice was not sent yet" in response.text


def test_a_title_of_only_spaces_is_missing(client):
    response = client.post("/practices/submit/", valid_form(title="     "))

    assert response.status_code == 400
    assert "title" in response.context["form"].errors
    assert Practice.objects.count() == 0


def test_a_description_of_200000_characters_is_refused_and_kept(client):
    huge = "word " * 40_000

    response = client.post("/practices/submit/", valid_form(background=huge))

    assert response.status_code == 400
    assert "at most 20000 characters" in str(response.context["form"].errors["background"]).replace(",", "")
    assert Practice.objects.count() == 0
    assert response.context["form"]["background"].value() == huge


def test_an_unknown_country_code_is_refused(client):
    response = client.post("/practices/submit/", valid_form(country="XX"))

    assert response.status_code == 400
    assert "country" in response.context["form"].errors
    assert Practice.objects.count() == 0


def test_an_end_before_the_start_is_refused(client):
    response = client.post("/practices/submit/", valid_form(start_date="2024-06", end_date="2023-01"))

    assert response.status_code == 400
    assert response.context["form"].errors["end_date"] == ["The end comes before the start."]
    assert 'value="2024-06"' in response.text
    assert Practice.objects.count() == 0


def test_a_malformed_date_and_number_are_refused(client):
    response = client.post("/practices/submit/", valid_form(start_date="June-ish", people_reached="-5"))

    assert response.status_code == 400
    assert {"start_date", "people_reached"} <= set(response.context["form"].errors)


def test_a_forged_status_in_the_post_is_ignored(client):
    client.post("/practices/submit/", valid_form(status="published", featured="on", published_at="2020-01-01"))

    practice = Practice.objects.get()
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.featured is False
    assert practice.published_at is None


def test_html_and_scripts_in_every_text_field_are_stored_as_text_and_never_run(client, maya):
    attack = '<script>alert("x")</script><b onmouseover="alert(1)">hi</b>'
    text_fields = [
        "title",
        "summary",
        *Practice.LONG_FIELDS,
        "people_reached_unit",
        "contact",
        "organisation_name",
        "place_name",
    ]
    client.post("/practices/submit/", valid_form(**dict.fromkeys(text_fields, attack), submitter_name=attack))
    practice = Practice.objects.get()
    assert practice.title == attack

    client.force_login(maya)
    for url in [practice.get_absolute_url(), "/moderation/", f"/moderation/practices/{practice.pk}/"]:
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert 'onmouseover="alert' not in html, url


def test_the_honeypot_field_stops_bots(client):
    response = client.post("/practices/submit/", valid_form(website="http://spam.example"))

    assert response.status_code == 400
    assert Practice.objects.count() == 0


def test_a_bad_link_is_refused_with_the_line_quoted(client):
    response = client.post("/practices/submit/", valid_form(link_list="https://ok.example.org\njavascript:alert(1)"))

    assert response.status_code == 400
    assert "is not a web address" in str(response.context["form"].errors["link_list"])


def test_an_unknown_practice_as_adapted_from_is_refused(client):
    response = client.post("/practices/submit/", valid_form(adapted_from_address="/practices/nothing-here/"))

    assert response.status_code == 400
    assert "No published practice has that address." in response.text


def test_a_status_link_with_a_wrong_token_is_404(client, db):
    assert client.get("/practices/submissions/not-a-token/").status_code == 404
