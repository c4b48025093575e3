"""A mail backend (Django's interface, not our code) whose server refuses the first sends to some addresses."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

FAILURES_LEFT: dict[str, int] = {}
SENT: list[str] = []


class FlakyBackend(BaseEmailBackend):
    def send_messages(self, messages):
        for message in messages:
            [to] = message.to
            if FAILURES_LEFT.get(to, 0) > 0:
                FAILURES_LEFT[to] -= 1
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            SENT.append(to)
        return len(messages)
