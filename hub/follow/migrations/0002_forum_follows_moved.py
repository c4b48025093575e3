"""The forum's own follows (a member and a topic or a board) become subscriptions like any other:
immediately, with the member's address, confirmed. A member whose profile refused e-mail about what
they follow had no e-mail from those rows, so they are not carried over."""

from django.db import migrations
from django.utils import timezone


def forum_follows_to_subscriptions(apps, schema_editor):
    Follow = apps.get_model("forum", "Follow")
    Profile = apps.get_model("people", "Profile")
    Subscription = apps.get_model("follow", "Subscription")
    refused = set(Profile.objects.filter(email_on_follow=False).values_list("user_id", flat=True))
    now = timezone.now()
    for follow in Follow.objects.select_related("user", "topic", "board"):
        email = (follow.user.email or "").strip().lower()
        if not email or not follow.user.is_active or follow.user_id in refused:
            continue
        if follow.topic_id:
            what, key, label = "discussion", str(follow.topic_id), f"Discussion: {follow.topic.title}"
        else:
            what, key, label = "board", follow.board.slug, f"Board: {follow.board.name}"
        Subscription.objects.get_or_create(
            email=email,
            what=what,
            key=key,
            defaults={"label": label[:300], "user": follow.user, "frequency": "immediately", "confirmed_at": now},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("follow", "0001_initial"),
        ("forum", "0001_initial"),
        ("people", "0005_stakeholder_types_moved"),
    ]

    operations = [migrations.RunPython(forum_follows_to_subscriptions, migrations.RunPython.noop)]
