"""A member's own pages: account, submissions with their status, data download and account deletion."""

import json

import pytest
from allauth.account.models import EmailAddress

from hub.people.models import Profile
from hub.practices.models import Practice
from hub.practices.tests.fixtures import PASSWORD
from hub.reactions import services as reactions
from hub.reactions.models import Bookmark, Comment, Rating

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = [
    "/accounts/",
    "/accounts/submissions/",
    "/accounts/my-data/",
    "/accounts/delete/",
    "/accounts/profile/",
]


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_pages_send_anonymous_visitors_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_pages_open_for_a_member_and_a_moderator(client, alice, maya, path):
    for person in (alice, maya):
        client.force_login(person)
        assert client.get(path).status_code == 200


def test_my_submissions_lists_my_practices_with_their_status_and_no_one_elses(client, alice, bob, practice_factory):
    practice_factory("Alice's published practice", submitted_by=alice)
    practice_factory("Alice's waiting practice", submitted_by=alice, status=Practice.Status.SUBMITTED)
    practice_factory(
        "Alice's rejected practice",
        submitted_by=alice,
        status=Practice.Status.REJECTED,
        rejection_reason="Please say what it achieved.",
    )
    practice_factory("Bob's practice", submitted_by=bob, status=Practice.Status.SUBMITTED)
    client.force_login(alice)
    page = client.get("/accounts/submissions/").content.decode()
    assert "Alice&#x27;s published practice" in page
    assert "Alice&#x27;s waiting practice" in page and "Submitted, awaiting review" in page
    assert "Rejected" in page and "Please say what it achieved." in page
    assert "Bob" not in page


def test_my_data_is_a_json_download_of_everything_about_me_and_nothing_about_others(
    client, alice, bob, practice_factory
):
    practice = practice_factory("Welcome walks in Lyon", submitted_by=alice)
    Profile.objects.create(user=alice, city="Lyon", bio="I run welcome walks.", show_bio=False)
    reactions.rating_set(obj=practice, user=alice, score=4)
    reactions.comment_create(obj=practice, user=alice, body="We did this too.")
    reactions.bookmark_add(obj=practice, user=alice)
    reactions.comment_create(obj=practice, user=bob, body="Bob's secret thoughts")
    client.force_login(alice)
    response = client.get("/accounts/my-data/")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "alice@example.org"
    assert data["profile"]["bio"] == "I run welcome walks." and data["profile"]["public"]["show_bio"] is False
    assert [p["title"] for p in data["practices"]] == ["Welcome walks in Lyon"]
    assert [c["body"] for c in data["comments"]] == ["We did this too."]
    assert [r["score"] for r in data["ratings"]] == [4]
    assert len(data["bookmarks"]) == 1
    assert "Bob" not in response.content.decode()


def test_deleting_with_a_wrong_password_is_a_400_and_changes_nothing(client, alice):
    client.force_login(alice)
    response = client.post("/accounts/delete/", {"password": "not mine"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active and alice.email == "alice@example.org"


def test_deleting_my_account_erases_me_and_my_practices_and_comments_say_former_member(
    client, alice, bob, practice_factory
):
    practice = practice_factory("Welcome walks in Lyon", submitted_by=alice)
    Profile.objects.create(user=alice, city="Lyon", listed=True)
    reactions.rating_set(obj=practice, user=alice, score=5)
    reactions.bookmark_add(obj=practice, user=alice)
    comment = reactions.comment_create(obj=practice, user=alice, body="We did this too.")
    reactions.comment_approve(comment=comment, by=None)
    reactions.rating_set(obj=practice, user=bob, score=2)

    client.force_login(alice)
    response = client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert not alice.is_active and alice.email == "" and alice.get_full_name() == ""
    assert alice.username.startswith("former-member-")
    assert not alice.has_usable_password()
    assert not Profile.objects.filter(user=alice).exists()
    assert not EmailAddress.objects.filter(user=alice).exists()
    assert not Rating.objects.filter(user=alice).exists() and not Bookmark.objects.filter(user=alice).exists()
    assert Rating.objects.filter(user=bob).exists()

    assert client.get("/accounts/").status_code == 302  # signed out
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Submitted by <bdi>former member</bdi>" in page
    assert "We did this too." in page and Comment.objects.get(pk=comment.pk).author_display == "former member"
    assert "Alice" not in page
    assert client.get("/members/alice/").status_code == 404
    response = client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
    assert response.status_code == 400
