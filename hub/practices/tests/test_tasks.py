"""The real background queue: e-mail waits in the database until the worker sends it."""

import pytest
from django.core import mail
from django.core.management import call_command

from hub.practices.tests.test_submit import valid_form

# The worker closes its database connection when it is done, as a real one does: the test
# cannot run inside a transaction that is rolled back at the end.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_submission_mail_waits_in_the_queue_until_the_worker_sends_it(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.post("/practices/submit/", valid_form())

    assert response.status_code == 302
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maria@example.org"]
