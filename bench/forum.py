"""`make bench`, forums: a topic page with 5 000 posts, its first and its last page, on SQLite and PostgreSQL.

Keeps databases of its own (var/bench_forum.sqlite3, ibis_bench_forum): the topic is made in a few
seconds with bulk inserts, so they are made afresh on each run.

    .venv/bin/python bench/forum.py [--requests 50] [--engine sqlite|postgresql]

For each engine a child process (`--child`, DATABASE_URL set) times the pages and prints JSON; this
process prints a table and rewrites the section "forum" of docs/benchmarks.md.
"""

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import NO_POSTGRESQL, fresh_database, pg_name, run_child  # noqa: E402  (ROOT first)
from bench.sections import replace_section  # noqa: E402

POSTS = 5_000
AUTHORS = 60
TARGET_P95_MS = 50
WARM_UP = 5
SQLITE_PATH = ROOT / "var" / "bench_forum.sqlite3"
PG_NAME = pg_name("forum")  # ibis_bench_forum, or BENCH_PG_NAME_forum
DOCS = ROOT / "docs" / "benchmarks.md"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


def make_topic():
    """A board, a topic and 5 000 published posts by 60 members (a few moderators), some quoting,
    a few removed, a few edited: made in bulk, then counted by the service that keeps the topic's counters."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from hub.accounts.roles import MODERATORS_GROUP
    from hub.forum import services
    from hub.forum.models import Post

    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"member{n}", first_name=f"Member {n}", email=f"m{n}@example.org") for n in range(AUTHORS)]
    )
    Group.objects.get(name=MODERATORS_GROUP).user_set.add(*users[:3])
    board = services.board_create(name="Labour migration")
    topic, _first = services.topic_start(user=users[0], board=board, title="A very long topic", body="Let us talk.")
    start = timezone.now() - timezone.timedelta(days=100)
    body = (
        "We ran **language classes** at work in Lyon: employers gave an hour a week, and "
        "[the city](https://example.org/lyon) paid the teachers.\n\n- What worked\n- What did not\n\nThoughts?"
    )
    quoting = f"> Member 1 wrote:\n> earlier words\n\n{body}"
    texts = {False: {"body": body, **services.post_html(body)}, True: {"body": quoting, **services.post_html(quoting)}}
    Post.objects.bulk_create(
        [
            Post(
                topic=topic,
                user=users[n % AUTHORS],
                created_at=start + timezone.timedelta(minutes=n),
                status=Post.Status.REMOVED if n % 97 == 0 else Post.Status.PUBLISHED,
                edited_at=start + timezone.timedelta(minutes=n + 1) if n % 11 == 0 else None,
                **texts[n % 7 == 0],
            )
            for n in range(1, POSTS)
        ],
        batch_size=1000,
    )
    services.topic_refresh(topic)
    return topic


def measure(client, url: str, requests: int) -> dict:
    from django.db import connection

    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    samples, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200
    p95 = percentile(samples, 0.95)
    return {
        "p50_ms": round(percentile(samples, 0.5), 1),
        "p95_ms": round(p95, 1),
        "cpu_p50_ms": round(percentile(cpu, 0.5), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
        "load": round(os.getloadavg()[0], 1),
        "queries": len(executed),
        "kb": round(len(response.content) / 1024, 1),
        "meets_target": p95 < TARGET_P95_MS,
    }


def child(requests: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.pages import engine_version
    from hub.forum.models import Post

    call_command("migrate", interactive=False, verbosity=0)
    log("  making a topic of 5 000 posts")
    topic = make_topic()
    if connection.vendor == "postgresql":
        # As autovacuum does after so many inserts: the planner's statistics, and the pages marked
        # visible, so that a page's slice of the thread is read from the index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    pages = -(-Post.objects.filter(topic=topic).count() // settings.POSTS_PER_PAGE)
    results = []
    for label, url, signed_in in (
        ("Page 1, visitor", topic.get_absolute_url(), False),
        (f"Last page ({pages}), visitor", f"{topic.get_absolute_url()}?page={pages}", False),
        ("Page 1, member", topic.get_absolute_url(), True),
        (f"Last page ({pages}), member", f"{topic.get_absolute_url()}?page={pages}", True),
    ):
        log(f"  {label}")
        client = Client()
        if signed_in:
            # A plain member (the first three are moderators, who also get the moderation forms).
            client.force_login(get_user_model().objects.get(username="member10"))
        results.append({"label": label, **measure(client, url, requests)})
    json.dump(
        {
            "engine": connection.vendor,
            "version": engine_version(),
            "posts": Post.objects.count(),
            "results": results,
            "load_average": round(os.getloadavg()[0], 1),
        },
        sys.stdout,
    )


def markdown(measured: list[dict], skipped: list[str], requests: int) -> str:
    headings = ["Topic page", "Engine", "p50 ms", "p95 ms", "CPU p50 ms", "CPU p95 ms", "load", "SQL queries", "KB"]
    headings.append(f"p95 < {TARGET_P95_MS} ms")
    rows = [
        [
            r["label"],
            e["version"],
            f"{r['p50_ms']:.1f}",
            f"{r['p95_ms']:.1f}",
            f"{r.get('cpu_p50_ms', 0):.1f}",
            f"{r.get('cpu_p95_ms', 0):.1f}",
            f"{r.get('load', e['load_average'])}",
            str(r["queries"]),
            f"{r['kb']:.1f}",
            "yes" if r["meets_target"] else "**no**",
        ]
        for e in measured
        for r in e["results"]
    ]
    table = "\n".join("| " + " | ".join(row) + " |" for row in [headings, ["---"] * 2 + ["---:"] * 8, *rows])
    loads = ", ".join(f"{e['version']}: {e['load_average']}" for e in measured)
    misses = [f"{r['label']} on {e['version']}" for e in measured for r in e["results"] if not r["meets_target"]]
    verdict = "Met on every page and engine measured." if not misses else "Missed by " + "; ".join(misses) + "."
    notes = "".join(f"\n{note}" for note in skipped)
    return f"""
## A forum topic of 5 000 posts

Measured on {datetime.date.today().isoformat()} by `make bench` (`bench/forum.py`) on a machine with 2 cores:
one topic of {measured[0]["posts"]:,} posts by {AUTHORS} members (some quoting, some removed, some edited),
{requests} timed requests per page after {WARM_UP} to warm up, server time through `django.test.Client`.
Load average at the end of each run: {loads}. Target: p95 under {TARGET_P95_MS} ms. {verdict}

{table}

The SQL queries of a page are the same on page 1 and on the last page, and do not grow with the posts
of the topic or the authors on the page (`hub/forum/tests/test_query_counts.py`): posts come with their
authors in one query, authors' post counts and roles in one query each. The last page's OFFSET runs
over the topic's index `post_thread_idx` (topic, created_at, id, status, author) alone, and only the
page's posts are read (`WHERE id IN (SELECT id … LIMIT 20 OFFSET n)`); PostgreSQL's tables are vacuumed
and analysed after the bulk insert, as autovacuum would. Each post's HTML is kept in the process's
memory while the values it shows stay the same (`hub/forum/views.py`, `_post_html`), so the timed
requests (after warm-up) render the page around them, not the posts. *CPU* is the processor time of
the benchmark's process per request (on SQLite the database's work too); *load* the 1-minute load
average when the row ended: above 2 (2 cores), other work waits for a core and inflates the wall clock.{notes}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.requests)
        return
    measured, skipped = [], []
    for engine in args.engine or ["sqlite", "postgresql"]:
        print(f"== forum, {engine}", flush=True)
        url = fresh_database(engine, sqlite_path=SQLITE_PATH, pg_name=PG_NAME)
        if url is None:
            skipped.append(NO_POSTGRESQL)
            continue
        measured.append(run_child(__file__, url, ["--requests", str(args.requests)]))
    for engine in measured:
        for r in engine["results"]:
            print(
                f"{r['label']:<28} {engine['version']:<18} p50 {r['p50_ms']:6.1f}  p95 {r['p95_ms']:6.1f}  "
                f"{r['queries']} queries"
            )
    if measured:
        replace_section(DOCS, "forum", markdown(measured, skipped, args.requests))


if __name__ == "__main__":
    main()
