"""The facet index of one web process is right after a publication made in another, and no request
waits for a full rebuild: a single practice is taken in place, a bulk change (a renamed theme)
rebuilt in a thread while the old index serves. Real processes on the test's database (a file copy
of it on SQLite, the test database itself on PostgreSQL) and a shared file cache."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from hub.practices.models import Practice
from hub.vocabularies.models import Topic

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def waiting(practice_factory, maya):
    for n in range(3):
        practice_factory(f"Published {n}", topics=("education",), place=("Terrassa", "ES"))
    return practice_factory("Published in B", status=Practice.Status.SUBMITTED, place=("Lagos", "NG"))


@pytest.fixture
def environment(tmp_path, waiting):
    """What the other processes need: the database (committed) and a cache of their own."""
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        url = f"sqlite:///{path}"
    else:
        db = connection.settings_dict
        url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
        "FACET_INDEX_IN_BACKGROUND": "1",
        "STATIC_MANIFEST": "0",  # tests run without collectstatic
        "PAGE_CACHE_SECONDS": "3600",
        "DJANGO_SETTINGS_MODULE": "hub.settings",
    }


def run(environment, *args):
    subprocess.run(  # noqa: S603  (our own module, arguments from the test)
        [sys.executable, "-m", "hub.search.tests.other_process", *map(str, args)],
        env=environment,
        cwd=ROOT,
        check=True,
        timeout=300,
    )


class Reader:
    def __init__(self, environment):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "hub.search.tests.other_process", "reader"],
            env=environment,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.started = json.loads(self.process.stdout.readline())

    def get(self, url):
        self.process.stdin.write(url + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture
def reader(environment):
    process = Reader(environment)
    yield process
    process.close()


def test_a_publication_in_another_process_is_counted_at_once_without_a_rebuild(environment, reader, waiting, maya):
    assert reader.started["stats"] == {"built in a request": 1}  # its first index, before any request
    before = reader.get("/practices/")
    assert before["published"] == 3 and "country=NG" not in before["counts"]

    run(environment, "publish", waiting.pk, maya.pk)

    after = reader.get("/practices/")
    assert after["status"] == 200
    assert after["published"] == 4 and after["counts"]["country=NG"][1] == 1
    assert after["stats"] == {"built in a request": 1, "updated in place": 1, "practices updated in place": 1}


def test_a_bulk_change_in_another_process_is_rebuilt_in_the_background_while_the_old_index_serves(environment, reader):
    education = Topic.objects.get(slug="education")
    assert reader.get("/practices/")["counts"]["theme=education"][0] != "Schooling"
    run(environment, "rename", education.pk, "Schooling")

    deadline = time.monotonic() + 120
    while (answer := reader.get("/practices/"))["counts"]["theme=education"][0] != "Schooling":
        assert answer["status"] == 200  # the old index serves meanwhile
        assert time.monotonic() < deadline, answer
        time.sleep(0.2)
    assert answer["stats"] == {"built in a request": 1, "built in the background": 1}
