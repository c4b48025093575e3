"""Comments under practices: new members wait for a moderator, authors edit for a while and delete,
moderators publish or remove with a reason. Bodies are Markdown, sanitised."""

import pytest
import time_machine
from django.utils import timezone

from hub.practices.models import Practice
from hub.reactions import services
from hub.reactions.models import Comment

pytestmark = pytest.mark.django_db


def post_comment(client, practice, body="We ran this in Lyon too.", **extra):
    return client.post(f"/reactions/practice/{practice.pk}/comment/", {"body": body, **extra})


@pytest.fixture
def practice(practice_factory):
    return practice_factory("Welcome walks in Lyon")


def test_a_new_members_first_comments_wait_for_a_moderator(client, alice, bob, practice):
    client.force_login(alice)
    assert post_comment(client, practice).status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    mine = client.get(practice.get_absolute_url()).content.decode()
    assert "We ran this in Lyon too." in mine and "Waiting for a moderator" in mine
    client.force_login(bob)
    assert "We ran this in Lyon too." not in client.get(practice.get_absolute_url()).content.decode()
    client.logout()
    assert "We ran this in Lyon too." not in client.get(practice.get_absolute_url()).content.decode()


def test_after_enough_published_comments_a_members_comments_appear_at_once(client, alice, settings, practice):
    for n in range(settings.COMMENTS_TRUSTED_AFTER):
        services.comment_approve(comment=services.comment_create(obj=practice, user=alice, body=f"c{n}"), by=None)
    client.force_login(alice)
    post_comment(client, practice, body="Now trusted")
    assert Comment.objects.get(body="Now trusted").status == Comment.Status.PUBLISHED


def test_a_moderators_comments_appear_at_once(client, maya, practice):
    client.force_login(maya)
    post_comment(client, practice)
    assert Comment.objects.get().status == Comment.Status.PUBLISHED


def test_a_moderator_publishes_a_waiting_comment_from_the_queue(client, alice, bob, maya, practice):
    comment = services.comment_create(obj=practice, user=alice, body="Waiting here")
    for person, status in ((None, 302), (bob, 403), (alice, 403)):
        client.logout()
        if person:
            client.force_login(person)
        assert client.get("/moderation/comments/").status_code == status
        assert client.post(f"/comments/{comment.pk}/approve/").status_code == status
    client.force_login(maya)
    assert "Waiting here" in client.get("/moderation/comments/").content.decode()
    client.post(f"/comments/{comment.pk}/approve/")
    client.logout()
    assert "Waiting here" in client.get(practice.get_absolute_url()).content.decode()


def test_a_moderator_removes_a_comment_with_a_reason_the_author_sees(client, alice, bob, maya, practice):
    comment = services.comment_approve(
        comment=services.comment_create(obj=practice, user=alice, body="Buy now"), by=None
    )
    client.force_login(bob)
    assert client.post(f"/comments/{comment.pk}/remove/", {"reason": "Spam"}).status_code == 403
    client.force_login(maya)
    response = client.post(f"/comments/{comment.pk}/remove/", {"reason": ""})
    assert response.status_code == 400 and Comment.objects.get().status == Comment.Status.PUBLISHED
    client.post(f"/comments/{comment.pk}/remove/", {"reason": "Advertising"})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REMOVED and comment.removed_by == maya
    client.logout()
    assert "Buy now" not in client.get(practice.get_absolute_url()).content.decode()
    client.force_login(alice)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Removed by a moderator: Advertising" in page


def test_the_author_edits_for_a_while_and_no_one_else_can(client, alice, bob, maya, practice):
    comment = services.comment_create(obj=practice, user=alice, body="Frist")
    for person in (bob, maya):
        client.force_login(person)
        assert client.post(f"/comments/{comment.pk}/edit/", {"body": "Hacked"}).status_code == 403
    client.logout()
    assert client.post(f"/comments/{comment.pk}/edit/", {"body": "Hacked"}).status_code == 302
    client.force_login(alice)
    assert client.get(f"/comments/{comment.pk}/edit/").status_code == 200
    assert client.post(f"/comments/{comment.pk}/edit/", {"body": "   "}).status_code == 400
    client.post(f"/comments/{comment.pk}/edit/", {"body": "First"})
    comment.refresh_from_db()
    assert comment.body == "First" and comment.edited_at
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=2)):
        assert client.post(f"/comments/{comment.pk}/edit/", {"body": "Later"}).status_code == 403
    comment.refresh_from_db()
    assert comment.body == "First"


def test_the_author_deletes_their_comment_and_no_one_else_can(client, alice, bob, maya, practice):
    comment = services.comment_create(obj=practice, user=alice, body="Oops")
    for person in (bob, maya):
        client.force_login(person)
        assert client.post(f"/comments/{comment.pk}/delete/").status_code == 403
    client.force_login(alice)
    assert client.get(f"/comments/{comment.pk}/delete/").status_code == 200
    assert client.post(f"/comments/{comment.pk}/delete/").status_code == 302
    assert not Comment.objects.exists()


def test_an_empty_or_too_long_comment_is_a_400_that_keeps_the_text(client, alice, practice):
    client.force_login(alice)
    assert post_comment(client, practice, body="  ").status_code == 400
    response = post_comment(client, practice, body="x" * 5001)
    assert response.status_code == 400 and "x" * 5001 in response.content.decode()
    assert not Comment.objects.exists()


def test_comment_bodies_are_sanitised_markdown(client, maya, practice):
    client.force_login(maya)
    post_comment(client, practice, body='**Great** <script>alert("x")</script> [link](javascript:alert(1))')
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "<strong>Great</strong>" in page
    assert '<script>alert("x")' not in page and "javascript:alert" not in page


def test_comments_on_unpublished_practices_are_refused(client, alice, maya, practice_factory):
    waiting = practice_factory("Waiting", status=Practice.Status.SUBMITTED, submitted_by=alice)
    for person in (alice, maya):
        client.force_login(person)
        assert post_comment(client, waiting).status_code == 404
    assert not Comment.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in_to_comment(client, practice):
    response = post_comment(client, practice)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "Sign in to comment" in client.get(practice.get_absolute_url()).content.decode()


def test_the_author_deletes_their_comment_once_the_practice_is_archived(client, alice, bob, practice):
    comment = services.comment_create(obj=practice, user=alice, body="Mine")
    Practice.objects.filter(pk=practice.pk).update(status=Practice.Status.ARCHIVED)

    client.force_login(bob)
    assert client.post(f"/comments/{comment.pk}/delete/").status_code == 404
    client.force_login(alice)
    assert client.get(f"/comments/{comment.pk}/delete/").status_code == 200
    assert client.post(f"/comments/{comment.pk}/delete/").status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_a_rating_with_a_next_that_is_not_an_address_goes_back_to_the_practice(client, alice, practice):
    client.force_login(alice)
    response = client.post(f"/reactions/practice/{practice.pk}/rate/", {"score": "4", "next": "abc"})
    assert response.status_code == 302 and response["Location"] == f"{practice.get_absolute_url()}#rating"


def test_a_moderators_approval_with_a_next_that_is_not_an_address_goes_back_to_the_practice(
    client, alice, maya, practice
):
    comment = services.comment_create(obj=practice, user=alice, body="Waiting")
    client.force_login(maya)
    response = client.post(f"/comments/{comment.pk}/approve/", {"next": "abc"})
    assert response.status_code == 302 and response["Location"].startswith(practice.get_absolute_url())
