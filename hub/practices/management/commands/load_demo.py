from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hub.practices.demo import DEMO_FOLDER, DemoContentError, demo_load
from hub.practices.models import Practice


class Command(BaseCommand):
    help = (
        "Load the demo practices and pledges, a few submissions awaiting review, a demo moderator and a "
        "demo representative into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing (and succeed) when practices exist.")
        parser.add_argument(
            "--folder", type=Path, default=DEMO_FOLDER, help="Read the demo content from this folder (default: demo/)."
        )

    def handle(self, *args, if_empty=False, folder=DEMO_FOLDER, **options):
        if Practice.objects.exists():
            if if_empty:
                self.stdout.write("The database already holds practices: the demo content was not loaded.")
                return
            raise CommandError("The database already holds practices; load_demo only fills an empty database.")
        from hub.forum.demo import ForumDemoError, forum_demo_load

        try:
            with transaction.atomic():
                result = demo_load(folder=folder)
                # The forums after the practices: their authors are the demo's members.
                forum = forum_demo_load(path=folder / "forum.yaml")
        except (DemoContentError, ForumDemoError) as error:
            raise CommandError(f"The demo content was not loaded: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {result['published']} published practices and {result['queued']} submissions, "
                f"{result['pledges']} pledges and {result['updates']} progress updates, "
                f"{result['translations']} translations; "
                f"{forum['boards']} forum boards and {forum['dialogues']} online dialogues."
            )
        )
        for username, password in result["moderators"]:
            self.stdout.write(
                f"Demo moderator: user name “{username}”, password “{password}” (sign in at /accounts/login/)."
            )
        for username, password, organisation in result["representatives"]:
            self.stdout.write(f"Demo representative of {organisation}: user name “{username}”, password “{password}”.")
