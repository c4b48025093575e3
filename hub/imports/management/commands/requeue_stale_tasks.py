"""manage.py requeue_stale_tasks [--older-than SECONDS]: run again the tasks a dead worker left running."""

import datetime

from django.core.management.base import BaseCommand

from hub.lib.mail import tasks_requeue_stale


class Command(BaseCommand):
    help = (
        "Put back in the queue the background tasks left running by a worker that died (killed, its machine "
        "gone), so that the next worker runs them again; e-mail is never sent twice. Run it before starting "
        "workers (ExecStartPre) and from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=int, default=600, help="seconds a task must have run to count as abandoned"
        )

    def handle(self, *args, older_than, **options):
        count = tasks_requeue_stale(older_than=datetime.timedelta(seconds=older_than))
        self.stdout.write(f"{count} task(s) put back in the queue.")
