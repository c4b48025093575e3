"""For cron: `manage.py send_digests --daily` every morning, `--weekly` once a week (docs/follow.md)."""

from django.core.management.base import BaseCommand, CommandError

from hub.follow.models import Frequency
from hub.follow.services import digests_send


class Command(BaseCommand):
    help = "Sends the daily or weekly digests of what is new in what people follow (through the task queue)."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--daily", action="store_const", dest="frequency", const=Frequency.DAILY)
        group.add_argument("--weekly", action="store_const", dest="frequency", const=Frequency.WEEKLY)

    def handle(self, *args, frequency=None, **options):
        if frequency is None:
            raise CommandError("Say which digests: --daily or --weekly.")
        count = digests_send(frequency=frequency)
        self.stdout.write(f"{count} {frequency} digest(s) enqueued.")
