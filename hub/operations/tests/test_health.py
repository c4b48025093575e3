"""/healthz says whether the database, the cache and the queue answer."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_cache_and_queue(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["database"]["ok"] and body["cache"]["ok"]
    assert body["queue"] == {"ok": True, "backend": "DatabaseBackend", "waiting": 0}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_cache_cannot_be_reached(client):
    unreachable = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    with override_settings(CACHES={"default": unreachable}):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"]["ok"] is False
    assert response.json()["database"]["ok"] is True


def test_a_server_error_is_e_mailed_to_the_admins(settings, mailoutbox):
    import logging

    from django.test import RequestFactory

    settings.ADMINS = [("Ops", "ops@example.org")]
    request = RequestFactory().get("/broken/")
    try:
        raise RuntimeError("the disk is full")
    except RuntimeError:
        logging.getLogger("django.request").error(
            "Internal Server Error: /broken/", exc_info=True, extra={"status_code": 500, "request": request}
        )

    assert [message.to for message in mailoutbox] == [["ops@example.org"]]
    assert "the disk is full" in mailoutbox[0].body


def test_admins_are_read_from_the_environment():
    import os
    import subprocess
    import sys

    code = "from django.conf import settings; import django; print(settings.ADMINS)"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "hub.settings", "ADMINS": "Ops <ops@example.org>,b@x.org"}
    output = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)  # noqa: S603
    assert output.stdout.strip() == "[('Ops', 'ops@example.org'), ('', 'b@x.org')]"
