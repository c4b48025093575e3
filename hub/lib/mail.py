"""Every e-mail the site sends goes through here, rendered from templates/mail/<name>.txt.

The message is rendered in the request (where its objects are at hand) and sent by the
background worker, so no request waits on a mail server.
"""

import datetime
import smtplib
import time
import uuid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import InterfaceError, OperationalError, connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

SENT = "sent"
RETRIED = "retried"
# Seconds (one attempt a second) to wait for the database to come back to mark a mail as sent.
MARK_ATTEMPTS = 120
# A mail the server refused or could not take is tried again this many times in all, waiting
# RETRY_SECONDS, then twice as long, and so on; each mail is its own task, so one never holds up another.
SEND_ATTEMPTS = 5
RETRY_SECONDS = 60


def _send(*, to: str, subject: str, body: str, headers: dict | None) -> None:
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or None).send()


def _send_or_retry(*, to: str, subject: str, body: str, headers: dict | None, attempt: int) -> bool:
    """Sends; on a failure of the mail server, enqueues the next attempt (later, where the queue can
    wait) and says False. The last attempt's failure is raised, so the task is marked failed."""
    try:
        _send(to=to, subject=subject, body=body, headers=headers)
        return True
    except (smtplib.SMTPException, OSError):
        if attempt >= SEND_ATTEMPTS:
            raise
    task = deliver_mail
    if task.get_backend().supports_defer:
        wait = datetime.timedelta(seconds=RETRY_SECONDS * 2 ** (attempt - 1))
        task = task.using(run_after=timezone.now() + wait)
    task.enqueue(to=to, subject=subject, body=body, headers=headers, attempt=attempt + 1)
    return False


@task(takes_context=True)
def deliver_mail(context, *, to: str, subject: str, body: str, headers: dict | None = None, attempt: int = 1) -> str:
    """Sends once, even when a worker killed mid-task leaves it to be run again (tasks_requeue_stale):
    the task's own row in the database queue is marked the moment the mail server took the message,
    and a second run finds the mark. (Only a kill in the instant between the two can still repeat it.)"""
    from django_tasks_db.models import DBTaskResult

    try:
        mine = DBTaskResult.objects.filter(pk=uuid.UUID(str(context.task_result.id)))
    except ValueError:  # not the database queue (the immediate backend of tests and `make run` without one)
        sent = _send_or_retry(to=to, subject=subject, body=body, headers=headers, attempt=attempt)
        return SENT if sent else RETRIED
    if mine.filter(return_value=SENT).exists():
        return SENT
    if not _send_or_retry(to=to, subject=subject, body=body, headers=headers, attempt=attempt):
        return RETRIED
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


def member_language(user) -> str | None:
    """The language a member chose for the site (people.Profile.interface_language), if still offered."""
    profile = getattr(user, "profile", None) if user is not None and user.pk else None
    code = getattr(profile, "interface_language", "")
    return code if code in dict(settings.LANGUAGES) else None


def recipient_language(user=None, *, otherwise: str | None = None) -> str:
    """The language to write to someone in: the one the member chose (their profile's, which signing up
    records as the language they signed up in), else `otherwise` (the language a non-member wrote or
    subscribed in), else the site's. Never the language of whoever's request causes the mail."""
    language = member_language(user)
    if language is None and otherwise in dict(settings.LANGUAGES):
        language = otherwise
    return language or settings.LANGUAGE_CODE


def send_templated_mail(
    *, to: str, template: str, context: dict, headers: dict | None = None, language: str | None = None
) -> None:
    """`headers`: extra ones, such as List-Unsubscribe for the mail people asked for (hub/follow).
    `language`: the reader's (a member's choice, a subscription's); without it, the language active
    now (the request's, when the reader is the one asking), English for a command. The subject, body
    and the links the templates make are all in it."""
    if not to:
        return
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language() or settings.LANGUAGE_CODE
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"mail/{template}_subject.txt", context).split())
        body = render_to_string(f"mail/{template}.txt", context)
    if headers:
        deliver_mail.enqueue(to=to, subject=subject, body=body, headers=headers)
    else:
        deliver_mail.enqueue(to=to, subject=subject, body=body)


def tasks_requeue_stale(*, older_than: datetime.timedelta) -> int:
    """Tasks left running by a worker that died (killed, its machine gone) go back to the queue, to be
    run again by the next worker; returns how many. Run before a worker starts, and from cron."""
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - older_than)
    return stale.update(status=TaskResultStatus.READY, started_at=None)
