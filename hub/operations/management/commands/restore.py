from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hub.operations.backup import BackupError, database_restore


class Command(BaseCommand):
    help = "Replaces everything in the database with a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, path, interactive=True, **options):
        if interactive:
            answer = input(f"Replace everything in the database with {path}? Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing restored.")
        try:
            database_restore(path=Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the database from {path}")
