"""The forum's stories: boards, topics and posts made through the services, as members make them."""

import pytest
from django.utils import timezone

from hub.forum import services
from hub.forum.models import Post


@pytest.fixture
def board(db):
    return services.board_create(name="Deconstructing perceptions", description="Images of migrants and migration.")


@pytest.fixture
def other_board(db):
    return services.board_create(name="Cities", position=2)


def publish(post: Post, by=None) -> Post:
    return services.post_approve(post=post, by=by) if post.status != Post.Status.PUBLISHED else post


@pytest.fixture
def topic(board, maya):
    """A topic started by the moderator (published at once), as christine opened "Deconstructing perceptions"."""
    topic, _post = services.topic_start(
        user=maya,
        board=board,
        title="Deconstructing perceptions",
        body="How can stakeholders deconstruct migration myths?",
    )
    topic.refresh_from_db()
    return topic


@pytest.fixture
def trusted(settings):
    """Members whose posts appear at once (the trust rule is tested on its own)."""
    settings.COMMENTS_TRUSTED_AFTER = 0


@pytest.fixture
def dialogue(maya):
    now = timezone.now()
    return services.dialogue_create(
        title="Societies and Identities",
        introduction="Societies continuously change, adapt and evolve.",
        opens_at=now - timezone.timedelta(days=1),
        closes_at=now + timezone.timedelta(days=6),
        time_zone="Europe/Zurich",
        questions=[("Deconstructing perceptions", "How can journalists offer migrants fairer coverage?")],
        by=maya,
    )
