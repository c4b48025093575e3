"""The site under faults: the database gone for a moment, Redis down, a worker killed mid-task."""

import datetime

import pytest
from django.core import mail
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from redis.exceptions import ConnectionError as RedisConnectionError

from hub.lib.cache import ForgivingRedisCache
from hub.lib.mail import deliver_mail, tasks_requeue_stale

NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.mark.django_db(transaction=True)
def test_while_the_database_is_unreachable_pages_answer_503_and_recover_by_themselves(practice_factory):
    if connection.vendor != "postgresql":
        pytest.skip("a database server that goes away: PostgreSQL (the test SQLite database lives in memory)")
    practice = practice_factory("Sewing circle")
    client = Client(raise_request_exception=False)
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = 1  # nothing listens there: as while the server restarts
    try:
        down = client.get(practice.get_absolute_url())
    finally:
        connection.close()
        connection.settings_dict.update(saved)

    assert down.status_code == 503 and down["Retry-After"] == "10"
    assert "Back in a moment" in down.content.decode()
    assert client.get(practice.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_database_error_in_a_request_is_the_503_page(rf):
    from django.db import OperationalError

    from hub.lib.unavailable import server_error

    # An OperationalError from each engine: a missing table in SQLite, a cancelled query in PostgreSQL.
    if connection.vendor == "sqlite":
        statements = ["SELECT * FROM a_table_that_is_not_there"]
    else:
        statements = ["SET LOCAL statement_timeout = 1", "SELECT pg_sleep(1)"]
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    except OperationalError:
        response = server_error(rf.get("/"))
    else:
        pytest.fail("the query should have failed")
    assert response.status_code == 503 and "Back in a moment" in response.content.decode()


def test_a_bug_is_still_a_plain_500(settings, rf):
    from hub.lib.unavailable import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500 and "Something went wrong" in response.content.decode()


def test_with_redis_down_the_forgiving_cache_answers_as_empty_where_django_s_raises():
    with pytest.raises(RedisConnectionError):
        RedisCache(NOWHERE, {}).get("key")

    cache = ForgivingRedisCache(NOWHERE, {})
    assert cache.get("key", "default") == "default"
    cache.set("key", 1)
    assert (cache.add("count", 1), cache.incr("count"), cache.get_many(["a"])) == (True, 1, {})


@pytest.mark.django_db
def test_with_redis_down_pages_and_submissions_still_work(client, settings, practice_factory):
    settings.CACHES = {"default": {"BACKEND": "hub.lib.cache.ForgivingRedisCache", "LOCATION": NOWHERE}}
    practice = practice_factory("Sewing circle")

    assert client.get("/").status_code == 200
    assert client.get(practice.get_absolute_url()).status_code == 200
    assert client.get("/search/", {"q": "sewing"}).status_code == 200
    assert client.get("/practices/submit/").status_code == 200


def _enqueued_mail(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = deliver_mail.enqueue(to="ana@example.org", subject="Your practice", body="It is published.")
    return DBTaskResult.objects.get(pk=result.id)


def _killed_worker_claimed(row: DBTaskResult) -> None:
    row.claim("a-worker-that-was-killed")
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - datetime.timedelta(hours=1))


@pytest.mark.django_db(transaction=True)
def test_a_mail_task_whose_worker_was_killed_before_sending_runs_again_and_sends_once(settings):
    row = _enqueued_mail(settings)
    _killed_worker_claimed(row)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert mail.outbox == []  # left running by the dead worker: nobody runs it

    call_command("requeue_stale_tasks", "--older-than", "60", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db(transaction=True)
def test_a_mail_task_whose_worker_was_killed_after_sending_runs_again_without_sending_twice(settings):
    row = _enqueued_mail(settings)
    _killed_worker_claimed(row)
    # The killed worker had sent the mail, and died before recording the task as done.
    deliver_mail.call(type("Context", (), {"task_result": row.task_result})(), **row.task_result.kwargs)
    assert len(mail.outbox) == 1

    assert tasks_requeue_stale(older_than=datetime.timedelta(minutes=1)) == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db
def test_a_task_still_running_recently_is_left_to_its_worker(settings):
    row = _enqueued_mail(settings)
    row.claim("a-busy-worker")

    assert tasks_requeue_stale(older_than=datetime.timedelta(minutes=10)) == 0


def test_the_503_and_500_pages_say_which_language_they_are_in(rf):
    from django.db import OperationalError
    from django.utils import translation

    from hub.lib.unavailable import server_error

    with translation.override("ar"):
        try:
            raise OperationalError("gone")
        except OperationalError:
            unavailable = server_error(rf.get("/ar/")).content.decode()
        try:
            raise ValueError("a bug")
        except ValueError:
            error = server_error(rf.get("/ar/")).content.decode()
    assert unavailable.startswith('<!doctype html><html lang="ar" dir="rtl">')
    assert error.startswith('<!doctype html><html lang="ar" dir="rtl">')
