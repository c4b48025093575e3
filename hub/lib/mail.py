"""Every e-mail the site sends goes through here, rendered from templates/mail/<name>.txt.

The message is rendered in the request (where its objects are at hand) and sent by the
background worker, so no request waits on a mail server.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task


@task()
def deliver_mail(*, to: str, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_templated_mail(*, to: str, template: str, context: dict) -> None:
    if not to:
        return
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"mail/{template}_subject.txt", context).split())
    body = render_to_string(f"mail/{template}.txt", context)
    deliver_mail.enqueue(to=to, subject=subject, body=body)
