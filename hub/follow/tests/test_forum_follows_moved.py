"""The migration that moves the forum's own follows into subscriptions (follow/0002)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("follow", "0001_initial"),
    ("forum", "0001_initial"),
    ("people", "0005_stakeholder_types_moved"),
]
AFTER = [
    ("follow", "0002_forum_follows_moved"),
    ("forum", "0002_forum_follows_moved_to_follow"),
    ("people", "0006_profile_email_on_follow_removed"),
]


@pytest.mark.django_db(transaction=True)
def test_forum_follows_become_immediate_confirmed_subscriptions_unless_the_profile_refused():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User, Profile = old.get_model("auth", "User"), old.get_model("people", "Profile")
    Board, Topic, Follow = (
        old.get_model("forum", "Board"),
        old.get_model("forum", "Topic"),
        old.get_model("forum", "Follow"),
    )
    bob = User.objects.create(username="bob", email="Bob@Example.org")
    carla = User.objects.create(username="carla", email="carla@example.org")
    Profile.objects.create(user=carla, email_on_follow=False)
    board = Board.objects.create(name="Cities", slug="cities")
    topic = Topic.objects.create(board=board, title="Welcome desks", user=bob)
    Follow.objects.create(user=bob, board=board)
    Follow.objects.create(user=bob, topic=topic)
    Follow.objects.create(user=carla, board=board)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    rows = sorted(
        new.get_model("follow", "Subscription").objects.values_list("email", "what", "key", "frequency", "label")
    )
    assert rows == [
        ("bob@example.org", "board", "cities", "immediately", "Board: Cities"),
        ("bob@example.org", "discussion", str(topic.pk), "immediately", "Discussion: Welcome desks"),
    ]
    assert all(new.get_model("follow", "Subscription").objects.values_list("confirmed_at", flat=True))
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
