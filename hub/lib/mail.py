"""Every e-mail the site sends goes through here, rendered from templates/mail/<name>.txt.

The message is rendered in the request (where its objects are at hand) and sent by the
background worker, so no request waits on a mail server.
"""

import datetime
import time
import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import InterfaceError, OperationalError, connection
from django.template.loader import render_to_string
from django_tasks import task

SENT = "sent"
# Seconds (one attempt a second) to wait for the database to come back to mark a mail as sent.
MARK_ATTEMPTS = 120


@task(takes_context=True)
def deliver_mail(context, *, to: str, subject: str, body: str) -> str:
    """Sends once, even when a worker killed mid-task leaves it to be run again (tasks_requeue_stale):
    the task's own row in the database queue is marked the moment the mail server took the message,
    and a second run finds the mark. (Only a kill in the instant between the two can still repeat it.)"""
    from django_tasks_db.models import DBTaskResult

    try:
        mine = DBTaskResult.objects.filter(pk=uuid.UUID(str(context.task_result.id)))
    except ValueError:  # not the database queue (the immediate backend of tests and `make run` without one)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
        return SENT
    if mine.filter(return_value=SENT).exists():
        return SENT
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    # The mail is out: its mark must be written even if the database is restarting at this moment,
    # or a second run would send it again.
    for attempt in range(MARK_ATTEMPTS):
        try:
            mine.update(return_value=SENT)
            break
        except (OperationalError, InterfaceError):
            if attempt == MARK_ATTEMPTS - 1:
                raise
            connection.close()
            time.sleep(1)
    return SENT


def send_templated_mail(*, to: str, template: str, context: dict) -> None:
    if not to:
        return
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"mail/{template}_subject.txt", context).split())
    body = render_to_string(f"mail/{template}.txt", context)
    deliver_mail.enqueue(to=to, subject=subject, body=body)


def tasks_requeue_stale(*, older_than: datetime.timedelta) -> int:
    """Tasks left running by a worker that died (killed, its machine gone) go back to the queue, to be
    run again by the next worker; returns how many. Run before a worker starts, and from cron."""
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - older_than)
    return stale.update(status=TaskResultStatus.READY, started_at=None)
