from django.core.management.base import BaseCommand

from hub.serving.services import database_optimize


class Command(BaseCommand):
    help = (
        "Refreshes the database's statistics for the query planner (SQLite: ANALYZE and PRAGMA optimize; "
        "PostgreSQL: ANALYZE). Run it daily from cron or a systemd timer, and after a large import."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="The database alias (default: default).")

    def handle(self, *args, database, **options):
        ran = database_optimize(using=database)
        if options["verbosity"]:
            self.stdout.write(f"{database}: {ran}")
