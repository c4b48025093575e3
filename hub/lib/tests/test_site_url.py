"""E-mail links follow the port `make run` serves on, unless SITE_URL says otherwise."""

import os
import subprocess
import sys

from django.conf import settings


def site_url(**environment) -> str:
    env = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "PORT"}}
    script = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    result = subprocess.run(  # noqa: S603 - our own interpreter on a fixed script
        [sys.executable, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "hub.settings", **environment},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_site_url_follows_the_port_make_run_serves_on():
    assert site_url(PORT="8113") == "http://127.0.0.1:8113"
    assert site_url() == "http://127.0.0.1:8000"


def test_site_url_set_by_hand_wins():
    assert site_url(PORT="8113", SITE_URL="https://ibis-hub.example.org") == "https://ibis-hub.example.org"
