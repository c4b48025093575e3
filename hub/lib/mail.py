"""Every e-mail the site sends goes through here, rendered from templates/mail/<name>.txt."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def send_templated_mail(*, to: str, template: str, context: dict) -> None:
    if not to:
        return
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"mail/{template}_subject.txt", context).split())
    body = render_to_string(f"mail/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
