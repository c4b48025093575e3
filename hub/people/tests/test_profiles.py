"""Practitioner profiles, member pages, the Integration Community directory and organisation pages.

Private parts of a profile never appear anywhere public: not on pages, in the directory, in its
search or its filters."""

import pytest

from hub.people.models import Profile
from hub.people.services import organisation_get_or_create
from hub.practices.models import Practice
from hub.vocabularies.models import StakeholderType, Topic

pytestmark = pytest.mark.django_db

SECRET_CITY = "Ouagadougou"
SECRET_BIO = "I am quietly planning a new programme."
SECRET_ORGANISATION = "Hidden Helpers Foundation"


def profile_data(**changes):
    data = {
        "first_name": "Alice",
        "last_name": "Martin",
        "organisation_name": "Ville de Lyon",
        "job_title": "Integration officer",
        "sector": StakeholderType.objects.get(slug="local-government").pk,
        "country": "FR",
        "city": "Lyon",
        "expertise": [Topic.objects.get(slug="education").pk],
        "languages": ["fr", "en"],
        "bio": "I run welcome walks for newcomers.",
        "link_list": "https://lyon.example/welcome",
        "listed": "on",
        "show_organisation": "on",
        "show_sector": "on",
        "show_location": "on",
        "show_expertise": "on",
        "show_languages": "on",
        "show_bio": "on",
        "show_links": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def private_bob(bob):
    """Bob is listed, but keeps his organisation, place, sector, expertise and bio to himself."""
    profile = Profile.objects.create(
        user=bob,
        listed=True,
        organisation=organisation_get_or_create(name=SECRET_ORGANISATION),
        sector=StakeholderType.objects.get(slug="academia"),
        country="BF",
        city=SECRET_CITY,
        bio=SECRET_BIO,
        show_organisation=False,
        show_sector=False,
        show_location=False,
        show_expertise=False,
        show_bio=False,
    )
    profile.expertise.set([Topic.objects.get(slug="health")])
    return profile


def test_a_member_fills_their_profile_and_their_page_shows_it(client, alice):
    client.force_login(alice)
    response = client.post("/accounts/profile/", profile_data())
    assert response.status_code == 302
    assert response["Location"] == "/members/alice/"
    profile = Profile.objects.get(user=alice)
    assert profile.organisation.name == "Ville de Lyon" and profile.languages == ["fr", "en"]
    page = client.get("/members/alice/").content.decode()
    for text in ("Alice Martin", "Integration officer", "Ville de Lyon", "Local government", "Lyon, France"):
        assert text in page
    assert "Education" in page and "French" in page and "https://lyon.example/welcome" in page


def test_a_bad_link_is_a_400_that_keeps_what_was_typed_and_saves_nothing(client, alice):
    client.force_login(alice)
    response = client.post("/accounts/profile/", profile_data(link_list="javascript:alert(1)", city="Villeurbanne"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "is not a web address" in page
    assert 'value="Villeurbanne"' in page
    assert not Profile.objects.filter(user=alice, city="Villeurbanne").exists()


def test_a_missing_first_name_is_a_400(client, alice):
    client.force_login(alice)
    assert client.post("/accounts/profile/", profile_data(first_name="")).status_code == 400


def test_the_profile_form_only_ever_edits_the_signed_in_members_own_profile(client, alice, bob):
    Profile.objects.create(user=alice, city="Lyon")
    client.force_login(bob)
    client.post("/accounts/profile/", profile_data(first_name="Bob", city="Nantes", user=alice.pk))
    assert Profile.objects.get(user=alice).city == "Lyon"
    assert Profile.objects.get(user=bob).city == "Nantes"


def test_a_listed_members_page_is_public(client, private_bob):
    assert client.get("/members/bob/").status_code == 200


def test_an_unlisted_members_page_is_404_for_visitors_and_other_members_but_not_for_them_or_moderators(
    client, alice, bob, maya
):
    Profile.objects.create(user=alice, listed=False)
    assert client.get("/members/alice/").status_code == 404
    client.force_login(bob)
    assert client.get("/members/alice/").status_code == 404
    client.force_login(alice)
    response = client.get("/members/alice/")
    assert response.status_code == 200 and "This page is not public" in response.content.decode()
    client.force_login(maya)
    assert client.get("/members/alice/").status_code == 200


def test_an_unknown_member_is_a_404(client):
    assert client.get("/members/nobody/").status_code == 404


def test_private_fields_never_appear_on_the_members_page_or_in_the_directory(client, private_bob, alice):
    for viewer in (None, alice):
        if viewer:
            client.force_login(viewer)
        for path in ("/members/bob/", "/community/"):
            page = client.get(path).content.decode()
            page = page.split('id="members-heading"')[-1]  # past the directory's filter form (every country)
            assert "Bob" in page, path
            for secret in (SECRET_CITY, SECRET_BIO, SECRET_ORGANISATION, "Burkina Faso", "Academia ·"):
                assert secret not in page, (path, secret)
    page = client.get("/members/bob/").content.decode()
    assert "Health" not in page


@pytest.mark.parametrize(
    "query",
    [
        {"q": SECRET_CITY},
        {"q": "Hidden Helpers"},
        {"q": "quietly"},
        {"country": "BF"},
        {"sector": "academia"},
        {"expertise": "health"},
    ],
)
def test_the_directory_never_finds_a_member_by_a_private_field(client, private_bob, query):
    response = client.get("/community/", query)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_the_directory_finds_listed_members_by_public_fields(client, private_bob, alice):
    client.force_login(alice)
    client.post("/accounts/profile/", profile_data())
    client.logout()
    for query in ({"q": "Lyon"}, {"q": "martin"}, {"country": "FR"}, {"sector": "local-government"}):
        response = client.get("/community/", query)
        assert [p.user.username for p in response.context["page"]] == ["alice"], query
    response = client.get("/community/", {"expertise": "education"})
    assert [p.user.username for p in response.context["page"]] == ["alice"]
    assert response.context["page"].paginator.count == 1
    assert client.get("/community/").context["page"].paginator.count == 2


def test_unlisted_and_former_members_are_not_in_the_directory(client, alice, bob):
    Profile.objects.create(user=alice, listed=False)
    Profile.objects.create(user=bob, listed=True)
    bob.is_active = False
    bob.save()
    assert client.get("/community/").context["page"].paginator.count == 0


def test_a_bad_directory_filter_is_a_400_with_a_message(client):
    response = client.get("/community/", {"sector": "no-such-sector"})
    assert response.status_code == 400
    assert "Some filters were not understood" in response.content.decode()
    assert client.get("/community/", {"page": "99"}).status_code == 404


def test_a_members_page_lists_their_published_practices_only(client, alice, practice_factory):
    Profile.objects.create(user=alice, listed=True)
    practice_factory("Welcome walks in Lyon", submitted_by=alice)
    practice_factory("A draft about Lyon", submitted_by=alice, status=Practice.Status.SUBMITTED)
    page = client.get("/members/alice/").content.decode()
    assert "Welcome walks in Lyon" in page
    assert "A draft about Lyon" not in page


def test_an_organisation_page_shows_its_published_practices_and_its_listed_members(
    client, alice, private_bob, practice_factory
):
    lyon = organisation_get_or_create(name="Ville de Lyon")
    Profile.objects.create(user=alice, listed=True, organisation=lyon, job_title="Integration officer")
    practice_factory("Welcome walks in Lyon", organisation=lyon)
    practice_factory("A waiting practice of Lyon", organisation=lyon, status=Practice.Status.SUBMITTED)
    response = client.get(f"/organisations/{lyon.slug}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Welcome walks in Lyon" in page and "Alice Martin" in page
    assert "A waiting practice of Lyon" not in page
    directory = client.get("/community/").content.decode()
    assert "Ville de Lyon" in directory and SECRET_ORGANISATION not in directory


def test_an_organisation_known_only_from_private_profiles_or_unpublished_practices_is_404(
    client, private_bob, practice_factory
):
    secret = private_bob.organisation
    assert client.get(f"/organisations/{secret.slug}/").status_code == 404
    waiting = organisation_get_or_create(name="Waiting Org")
    practice_factory("Not yet", organisation=waiting, status=Practice.Status.SUBMITTED)
    assert client.get(f"/organisations/{waiting.slug}/").status_code == 404


def test_the_submit_form_starts_with_the_members_organisation_and_place(client, alice):
    client.force_login(alice)
    client.post("/accounts/profile/", profile_data())
    form = client.get("/practices/submit/").context["form"]
    assert form["organisation_name"].value() == "Ville de Lyon"
    assert form["country"].value() == "FR"
    assert form["place_name"].value() == "Lyon"
