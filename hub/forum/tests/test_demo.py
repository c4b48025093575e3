"""The demo's forums (demo/forum.yaml): three boards with topics and replies, a past dialogue with its
summary and an open one that the home page shows; a mistake in the file names the file."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from hub.forum.demo import ForumDemoError, forum_demo_load
from hub.forum.models import Board, Dialogue, Post

pytestmark = pytest.mark.django_db


def test_the_demo_holds_three_boards_a_past_dialogue_with_its_summary_and_an_open_one(client, mailoutbox):
    call_command("load_demo", verbosity=0)
    assert Board.objects.count() == 3
    assert all(board.topics.with_posts().filter(post_count__gte=2).exists() for board in Board.objects.all())
    now = timezone.now()
    past = Dialogue.objects.closed_at(now).get()
    assert past.summary and past.questions.filter(post_count__gte=2).exists()
    current = Dialogue.objects.open_at(now).get()
    assert current.title in client.get("/").content.decode()
    assert not Post.objects.exclude(status=Post.Status.PUBLISHED).exists()
    assert mailoutbox == []
    page = client.get("/discuss/").content.decode()
    assert "Deconstructing perceptions" in page and "Past dialogues" in page


def test_a_mistake_in_the_forum_file_names_the_file(tmp_path, alice):
    path = tmp_path / "forum.yaml"
    path.write_text("boards:\n- name: B\n  topics:\n  - {title: T, author: nobody, days_ago: 1, posts: [hi]}\n")
    with pytest.raises(ForumDemoError, match="forum.yaml: “nobody” is not a user name"):
        forum_demo_load(path=path)
    assert not Board.objects.exists()


def test_load_demo_stops_on_a_forum_mistake_and_writes_nothing(tmp_path, settings):
    folder = tmp_path / "demo"
    folder.mkdir()
    for name in ("members.yaml", "organisations.yaml"):
        (folder / name).write_text((settings.BASE_DIR / "demo" / name).read_text())
    (folder / "practices").mkdir()
    example = sorted((settings.BASE_DIR / "demo" / "practices").glob("*.md"))[0]
    (folder / "practices" / example.name).write_text(example.read_text())
    (folder / "forum.yaml").write_text(
        "dialogues:\n- {title: D, time_zone: Mars/Olympus, opens_days_ago: 2, closes_days_ago: 1}\n"
    )
    with pytest.raises(CommandError, match="Mars/Olympus"):
        call_command("load_demo", folder=folder, verbosity=0)
    assert not Dialogue.objects.exists()
    from hub.practices.models import Practice

    assert not Practice.objects.exists()
