"""SQLite has no statistics until ANALYZE runs: after migrations, after imports and on a schedule."""

import pytest
from django.core.management import call_command
from django.db import connection

from hub.serving.services import database_optimize_after_migrate

pytestmark = pytest.mark.django_db


def statistics() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1")
        return cursor.fetchone()[0]


def forget_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_stat1")


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statistics table")


@sqlite_only
def test_migrating_leaves_sqlite_with_statistics_for_its_indexes(practice_factory):
    practice_factory()
    forget_statistics()
    database_optimize_after_migrate(using="default")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'practices_practice'")
        assert cursor.fetchone()[0] > 0


@sqlite_only
def test_the_post_migrate_signal_runs_it():
    from django.apps import apps
    from django.db.models.signals import post_migrate

    forget_statistics()
    post_migrate.send(sender=apps.get_app_config("serving"), app_config=apps.get_app_config("serving"), using="default")
    assert statistics() > 0


def test_the_command_for_a_schedule_refreshes_the_statistics(capsys):
    if connection.vendor == "sqlite":
        forget_statistics()
    call_command("optimize_database")
    assert "ANALYZE" in capsys.readouterr().out
    if connection.vendor == "sqlite":
        assert statistics() > 0


@sqlite_only
def test_an_import_leaves_sqlite_with_fresh_statistics(maya):
    from hub.imports.services import import_practices
    from hub.imports.tests.test_bulk_import import csv_file

    forget_statistics()
    import_practices(files=[("rows.csv", csv_file(5))], by=maya)
    with connection.cursor() as cursor:
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'practices_practice' LIMIT 1")
        assert cursor.fetchone()[0].startswith("5 ")
