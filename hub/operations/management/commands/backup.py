from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hub.operations.backup import BackupError, database_backup, default_name


class Command(BaseCommand):
    help = "Copies the whole database to one file (SQLite backup API, or pg_dump -Fc for PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write it (default: var/backups/<time>-ibis.…)")

    def handle(self, *args, path=None, **options):
        if path is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = Path(settings.BASE_DIR, "var", "backups", f"{stamp}-{default_name()}")
        try:
            written = database_backup(path=Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up the database to {written}")
