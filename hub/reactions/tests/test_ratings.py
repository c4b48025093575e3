"""“How useful was this information?”: one rating per member and practice, the average on the page."""

import pytest

from hub.practices.models import Practice
from hub.reactions.models import Rating

pytestmark = pytest.mark.django_db


def rate(client, practice, score):
    return client.post(f"/reactions/practice/{practice.pk}/rate/", {"score": score})


def test_a_member_rates_a_practice_and_the_page_shows_the_average_and_count(client, alice, bob, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    assert rate(client, practice, 5).status_code == 302
    client.force_login(bob)
    rate(client, practice, 2)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Rated 3.5 out of 5 by 2 members" in page
    assert "Your rating: 2." in page


def test_rating_again_changes_the_rating_and_never_counts_twice(client, alice, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    rate(client, practice, 1)
    rate(client, practice, 4)
    assert Rating.objects.on(practice).summary() == {"average": 4.0, "count": 1}


def test_an_anonymous_visitor_sees_the_average_but_is_sent_to_sign_in_to_rate(client, alice, practice_factory):
    practice = practice_factory()
    client.force_login(alice)
    rate(client, practice, 4)
    client.logout()
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Rated 4.0 out of 5 by 1 member" in page and "Sign in to rate it" in page
    response = rate(client, practice, 5)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert Rating.objects.count() == 1


@pytest.mark.parametrize("score", ["0", "6", "five", ""])
def test_a_score_outside_1_to_5_is_a_400_and_changes_nothing(client, alice, practice_factory, score):
    practice = practice_factory()
    client.force_login(alice)
    response = rate(client, practice, score)
    assert response.status_code == 400
    assert "Choose a rating from 1 to 5." in response.content.decode()
    assert Rating.objects.count() == 0


def test_an_unpublished_practice_cannot_be_rated_even_by_its_author_or_a_moderator(
    client, alice, maya, practice_factory
):
    practice = practice_factory(status=Practice.Status.SUBMITTED, submitted_by=alice)
    for person in (alice, maya):
        client.force_login(person)
        assert rate(client, practice, 5).status_code == 404
        assert "How useful was this information?" not in client.get(practice.get_absolute_url()).content.decode()
    assert Rating.objects.count() == 0


def test_unknown_kinds_and_objects_are_404(client, alice):
    client.force_login(alice)
    assert client.post("/reactions/practice/999999/rate/", {"score": 3}).status_code == 404
    assert client.post("/reactions/user/1/rate/", {"score": 3}).status_code == 404
    assert client.post("/reactions/topic/1/rate/", {"score": 3}).status_code == 404  # topics take bookmarks only


def test_rating_by_get_is_not_allowed(client, alice, practice_factory):
    client.force_login(alice)
    assert client.get(f"/reactions/practice/{practice_factory().pk}/rate/").status_code == 405
