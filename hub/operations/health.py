"""What /healthz checks: each part the site needs to answer, in a line of JSON for a load balancer or
a monitor. 200 when all work, 503 (with which failed) when one does not."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not give back what was put in it")
    finally:
        cache.delete(key)


def _queue() -> dict:
    """The task queue's backend is reachable; for the database queue, how many tasks wait."""
    from django_tasks import task_backends

    backend = task_backends["default"]
    details = {"backend": type(backend).__name__}
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        details["waiting"] = DBTaskResult.objects.ready().count()
    return details


CHECKS = {"database": _database, "cache": _cache, "queue": _queue}


def health_report() -> tuple[bool, dict]:
    report, healthy = {}, True
    for name, check in CHECKS.items():
        try:
            details = check() or {}
            report[name] = {"ok": True, **details}
        except Exception as error:  # any failure is the answer, not a crash of the check
            logger.warning("Health check %s failed: %s", name, error)
            report[name] = {"ok": False, "error": type(error).__name__}
            healthy = False
    return healthy, report
