"""`make bench`, digests: the daily digests of 10 000 subscribers following 20 topics each over 500 new
practices, on SQLite and PostgreSQL. Target: under 60 s, with a number of SQL queries that does not
grow with the subscribers of a topic.

Keeps databases of its own (var/bench_digests.sqlite3, ibis_bench_digests), made afresh on each run.

    .venv/bin/python bench/digests.py [--subscribers 10000] [--engine sqlite|postgresql]
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import NO_POSTGRESQL, fresh_database, pg_name, run_child  # noqa: E402  (ROOT first)
from bench.sections import replace_section  # noqa: E402

PRACTICES = 500
FOLLOWED = 20
TARGET_SECONDS = 60
SQLITE_PATH = ROOT / "var" / "bench_digests.sqlite3"
PG_NAME = pg_name("digests")  # ibis_bench_digests, or BENCH_PG_NAME_digests
DOCS = ROOT / "docs" / "benchmarks.md"
COUNTRIES = ["CO", "US", "FR", "ES", "IT", "DE", "KE", "NG", "IN", "PH", "MX", "BR", "CA", "AU", "JO", "TR"]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_data(subscribers: int):
    """500 practices published in the last day, each with two themes or dimensions and a city; 10 000
    addresses following 20 of the topics and countries each (made in bulk: the build is what is timed)."""
    from django.utils import timezone
    from django.utils.text import slugify

    from hub.follow.models import Frequency, Subscription
    from hub.places.models import country_slug
    from hub.places.services import place_get_or_create
    from hub.practices.models import Practice
    from hub.vocabularies.models import Topic

    rng = random.Random(20)
    now = timezone.now()
    topics = list(Topic.objects.filter(kind__in=[Topic.Kind.THEME, Topic.Kind.DIMENSION]))
    places = [place_get_or_create(name=f"Capital of {code}", country=code) for code in COUNTRIES]
    practices = Practice.objects.bulk_create(
        [
            Practice(
                title=f"Practice number {n}",
                slug=slugify(f"practice number {n}"),
                summary="Neighbours explain city services to newcomers, in their languages. " * 3,
                status=Practice.Status.PUBLISHED,
                submitted_at=now - datetime.timedelta(hours=20),
                published_at=now - datetime.timedelta(minutes=n + 1),
                submitter_name="A practitioner",
            )
            for n in range(PRACTICES)
        ]
    )
    Practice.topics.through.objects.bulk_create(
        [Practice.topics.through(practice_id=p.pk, topic_id=t.pk) for p in practices for t in rng.sample(topics, 2)]
    )
    Practice.places.through.objects.bulk_create(
        [Practice.places.through(practice_id=p.pk, place_id=rng.choice(places).pk) for p in practices]
    )
    followed = [("topic", t.slug, t.name) for t in topics] + [
        ("place", country_slug(code), f"Practices in {code}") for code in COUNTRIES
    ]
    confirmed = now - datetime.timedelta(days=3)
    Subscription.objects.bulk_create(
        [
            Subscription(
                email=f"reader{n}@example.org",
                what=what,
                key=key,
                label=label,
                frequency=Frequency.DAILY,
                confirmed_at=confirmed,
                last_digest_at=now - datetime.timedelta(days=1),
            )
            for n in range(subscribers)
            for what, key, label in rng.sample(followed, FOLLOWED)
        ],
        batch_size=5000,
    )
    return len(followed)


def child(subscribers: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from bench.pages import engine_version
    from hub.follow.models import Frequency, Subscription
    from hub.follow.services import digests_build, digests_send

    call_command("migrate", interactive=False, verbosity=0)
    log(f"  making {PRACTICES} practices and {subscribers:,} subscribers")
    choices = make_data(subscribers)
    now = timezone.now()
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    log("  building")
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        digests = digests_build(frequency=Frequency.DAILY, now=now)
    build_seconds = time.perf_counter() - started
    entries = sum(len(d.entry_keys) for d in digests)
    log("  building, rendering and enqueuing (database queue)")
    started = time.perf_counter()
    sent = digests_send(frequency=Frequency.DAILY, now=now)
    send_seconds = time.perf_counter() - started
    json.dump(
        {
            "engine": connection.vendor,
            "version": engine_version(),
            "subscribers": subscribers,
            "subscriptions": Subscription.objects.count(),
            "choices": choices,
            "digests": len(digests),
            "entries": entries,
            "build_seconds": round(build_seconds, 1),
            "build_queries": len(executed),
            "send_seconds": round(send_seconds, 1),
            "sent": sent,
            "tasks": DBTaskResult.objects.count(),
            "load_average": round(os.getloadavg()[0], 1),
        },
        sys.stdout,
    )


def markdown(measured: list[dict], skipped: list[str]) -> str:
    headings = ["Engine", "Digests", "Entries", "Build s", "Build SQL queries", "Build + render + enqueue s", "Target"]
    rows = [
        [
            e["version"],
            f"{e['digests']:,}",
            f"{e['entries']:,}",
            f"{e['build_seconds']:.1f}",
            str(e["build_queries"]),
            f"{e['send_seconds']:.1f}",
            "yes" if e["send_seconds"] < TARGET_SECONDS else "**no**",
        ]
        for e in measured
    ]
    table = "\n".join("| " + " | ".join(row) + " |" for row in [headings, ["---"] + ["---:"] * 6, *rows])
    loads = ", ".join(f"{e['version']}: {e['load_average']}" for e in measured)
    first = measured[0]
    notes = "".join(f"\n{note}" for note in skipped)
    return f"""

Measured on {datetime.date.today().isoformat()} by `make bench` (`bench/digests.py`) on a machine with 2 cores:
the daily digests of {first["subscribers"]:,} addresses following {FOLLOWED} things each (of {first["choices"]}
themes, dimensions and countries: {first["subscriptions"]:,} subscriptions) over {PRACTICES} practices
published in the day (a section lists ten items, then links to the rest). "Build" reads and matches
everything; the last column is the whole of
`send_digests --daily`: build, render each e-mail, enqueue it on the database queue (one task row per
e-mail), record what was sent. Sending is the workers' job afterwards. Load average: {loads}.
Target: under {TARGET_SECONDS} s.

{table}

The build's SQL queries are a fixed number (the subscriptions, the new practices and their topics, tags
and places, what was sent lately), whatever the subscribers of a topic: matching is done once per
followed thing, not per subscriber (`hub/follow/tests/test_query_counts.py`). Enqueuing costs one
INSERT per e-mail (not per subscription) on the database queue.{notes}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.subscribers)
        return
    measured, skipped = [], []
    for engine in args.engine or ["sqlite", "postgresql"]:
        print(f"== digests, {engine}", flush=True)
        url = fresh_database(engine, sqlite_path=SQLITE_PATH, pg_name=PG_NAME)
        if url is None:
            skipped.append(NO_POSTGRESQL)
            continue
        measured.append(
            run_child(
                __file__,
                url,
                ["--subscribers", str(args.subscribers)],
                env={"TASK_BACKEND": "django_tasks_db.DatabaseBackend"},
            )
        )
    for e in measured:
        print(
            f"{e['version']:<18} {e['digests']:,} digests, build {e['build_seconds']} s "
            f"({e['build_queries']} queries), send_digests {e['send_seconds']} s"
        )
    if measured and args.subscribers == 10_000:
        replace_section(DOCS, "digests", markdown(measured, skipped))


if __name__ == "__main__":
    main()
