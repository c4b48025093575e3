import pytest
from django.core.management import CommandError, call_command

from hub.practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_the_demo_holds_at_least_25_published_practices_and_a_queue(demo):
    assert Practice.objects.published().count() >= 25
    assert Practice.objects.awaiting_moderation().count() >= 3
    assert Practice.objects.filter(featured=True).count() == 1


SEED_PRACTICES = [
    ("Montréal", "CA"),
    ("Maipú", "CL"),
    ("Dallas", "US"),
    ("Terrassa", "ES"),
    ("LANTE", "CO"),
    ("Laguna", "PH"),
    ("SEFIME", None),
    ("eMigrate", "IN"),
    ("Musaned", "SA"),
    ("WIDU", None),
    ("Youth Work for All", "BE"),
    ("Voices of Venezuela", None),
    ("TuCausaEsMiCausa", "PE"),
]


def test_the_practices_of_the_seeds_are_in_the_demo(demo):
    for words, country in SEED_PRACTICES:
        found = Practice.objects.published().filter(title__icontains=words)
        if country:
            found = found.in_country(country)
        practice = found.first()
        assert practice is not None, words
        assert practice.summary and practice.topics.exists(), words


def test_the_seed_topics_hold_their_practices(demo, client):
    xenophobia = client.get("/topics/discrimination-and-xenophobia/").text
    connectivity = client.get("/topics/connectivity-and-migration/").text

    assert "Voices of Venezuela" in xenophobia
    assert "Musaned" in connectivity


def test_no_broken_characters_are_left_in_the_demo(demo):
    for practice in Practice.objects.all():
        text = " ".join([practice.title, practice.summary, *[getattr(practice, f) for f in Practice.LONG_FIELDS]])
        for broken in ["ë", "Ã", "â€", "ñ "]:
            assert broken not in text, (practice.title, broken)


def test_the_demo_moderator_can_sign_in_and_see_the_queue(demo, client):
    # Through the real sign-in form: the moderator's address must be verified for allauth to let them in.
    response = client.post("/accounts/login/", {"login": "moderator", "password": "ibis-moderator-demo"})
    assert response.status_code == 302, response.content[:2000]
    response = client.get("/moderation/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count >= 3


def test_load_demo_refuses_a_database_that_holds_practices(demo):
    with pytest.raises(CommandError):
        call_command("load_demo", verbosity=0)
    call_command("load_demo", "--if-empty", verbosity=0)
    assert Practice.objects.filter(title__icontains="Musaned").count() == 1


def test_the_demo_community_lists_members_with_their_organisations(demo, client):
    text = client.get("/community/").text

    assert "6 members chose to be listed." in text
    assert "Amina Diallo" in text and "City of Montréal" in text
    assert "Voices of Venezuela" in text
