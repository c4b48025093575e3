"""`make bench`, imports: 10 000 practices from CSV, de-duplicated against 100 000 already stored.

Each engine gets its own database (var/bench_import.sqlite3, PostgreSQL ibis_bench_import), filled
once by bench/generate.py, its search index built, and kept between runs. Every run puts it back as
it was afterwards: the imported practices are deleted, and so are the topics and places the import
added to stored practices, the history it wrote, and their new search documents (they are indexed
again as they were). The import runs in a child process per engine, which reports its wall time,
its peak resident memory (ru_maxrss) and the load average around it. One in ten rows repeats the
title of a stored practice (chosen with a fixed seed), so the de-duplication has work to do.

    .venv/bin/python bench/import.py [--rows 10000] [--engine sqlite|postgresql]
"""

import argparse
import csv
import datetime
import io
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sections import replace_section  # noqa: E402

TARGET_SECONDS = 60
SQLITE_PATH = ROOT / "var" / "bench_import.sqlite3"
PG_NAME = "ibis_bench_import"
PG_ARGS = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
DOCS = ROOT / "docs" / "benchmarks.md"
# The highest id of each table the import adds rows to for stored practices, taken once the database
# is filled: what lies above them is the import's, and goes when the run is over.
MARKS_TABLE = "bench_import_marks"
MARKED = ("topics", "places", "target_groups", "partners")


def _through(name: str):
    from hub.practices.models import Practice

    return getattr(Practice, name).through


def _read_marks(connection) -> dict | None:
    with connection.cursor() as cursor:
        if MARKS_TABLE not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT name, value FROM {MARKS_TABLE}")
        return dict(cursor.fetchall())


def _write_marks(connection) -> None:
    from django.db.models import Max

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKS_TABLE} (name varchar(40) PRIMARY KEY, value bigint NOT NULL)")
        for name in MARKED:
            top = _through(name).objects.aggregate(top=Max("pk"))["top"] or 0
            cursor.execute(f"INSERT INTO {MARKS_TABLE} (name, value) VALUES (%s, %s)", [name, top])


def restore(marks: dict, stored: int) -> None:
    """Put the database back as bench/generate.py and search_rebuild left it (safe to repeat)."""
    from django.test.utils import override_settings
    from simple_history.models import HistoricalRecords

    from hub.practices.models import Practice
    from hub.search.services import search_index_practices, search_remove_practices

    gained = set()
    search_remove_practices(practice_ids=list(Practice.objects.filter(pk__gt=stored).values_list("pk", flat=True)))
    # The generated practices have no history: every history row is an import's. No new rows for
    # the practices deleted here either.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        Practice.objects.filter(pk__gt=stored).delete()
        for name in MARKED:
            added = _through(name).objects.filter(pk__gt=marks[name])
            gained.update(added.values_list("practice_id", flat=True))
            added.delete()
        for m2m in Practice.history.model._history_m2m_fields:
            HistoricalRecords.m2m_models[m2m].objects.all().delete()
        Practice.history.all().delete()
    search_index_practices(practices=list(Practice.objects.filter(pk__in=gained)))


def prepare() -> None:
    """Runs with DATABASE_URL set: fill the database and its search index if needed, or put it back as
    it was if an interrupted run left anything. Its own process, so that the import's peak memory is
    the import's alone."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import generate
    from hub.practices.models import Practice
    from hub.search.models import SearchDocument
    from hub.search.services import search_rebuild

    call_command("migrate", verbosity=0)
    marks = _read_marks(connection)
    if marks is None:
        if Practice.objects.exists():
            sys.exit(f"{PG_NAME} / {SQLITE_PATH.name} holds data this script did not mark: delete it and rerun")
        print(f"  generating {generate.PRACTICES} practices", file=sys.stderr, flush=True)
        generate.run()
        _write_marks(connection)
        marks = _read_marks(connection)
    restore(marks, generate.PRACTICES)
    if SearchDocument.objects.count() != Practice.objects.published().count():
        print("  building the search index", file=sys.stderr, flush=True)
        search_rebuild()


def child(rows: int) -> None:
    """Runs with DATABASE_URL set, on a prepared database: import, measure, put the database back."""
    import django

    django.setup()
    from django.db import connection

    from bench import generate
    from hub.imports.services import BATCH, import_practices
    from hub.practices.models import Practice

    marks = _read_marks(connection)
    rng = random.Random(20250601)
    repeated = rng.sample(range(1, generate.PRACTICES + 1), rows // 10)
    titles = dict(Practice.objects.filter(pk__in=repeated).values_list("pk", "title"))
    stored = [titles[pk] for pk in repeated]  # in this order on every database
    themes = ["Discrimination and Xenophobia", "Connectivity and Migration", ""]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["title", "summary", "places", "themes", "start", "people_reached", "people_reached_unit"])
    words = generate.WORDS
    for n in range(rows):
        if n % 10 == 0 and stored:
            title = stored.pop()
        else:
            title = f"{rng.choice(generate.TITLE_ACTIVITIES)} {n} " + " ".join(rng.sample(words, 3)).title()
        summary = " ".join(rng.choices(words, k=30)).capitalize() + "."
        country = rng.choice(["US", "CO", "FR", "MA", "PH", "DE", "KE", "AU"])
        writer.writerow([title, summary, country, rng.choice(themes), rng.randint(2005, 2024), n % 900 + 1, "people"])
    raw = buffer.getvalue().encode()

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        report = import_practices(files=[("bench.csv", raw)])
        seconds = time.perf_counter() - started
        load_after = os.getloadavg()[0]
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:
        restore(marks, generate.PRACTICES)
    print(
        json.dumps(
            {
                "engine": f"{connection.vendor} {connection.cursor().connection.__class__.__module__}",
                "version": _version(connection),
                "rows": rows,
                "batch": BATCH,
                "seconds": round(seconds, 1),
                "rows_per_second": round(rows / seconds),
                "peak_rss_mb": round(peak_kb / 1024),
                "load": [round(load_before, 2), round(load_after, 2)],
                "counts": report.counts(),
            }
        )
    )


def _version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("show server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def run(url: str, rows: int) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "hub.settings", "PYTHONPATH": str(ROOT)}
    if subprocess.run([sys.executable, __file__, "--prepare"], env=env, cwd=ROOT).returncode != 0:
        sys.exit(f"bench/import.py could not prepare {url}")
    result = subprocess.run(
        [sys.executable, __file__, "--child", "--rows", str(rows)], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    if result.returncode != 0:
        sys.exit(f"bench/import.py failed on {url}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _verdict(result: dict) -> str:
    if result["rows"] < 10_000:
        return "not measured at 10 000 rows"
    return "yes" if result["seconds"] < TARGET_SECONDS else "**no**"


def markdown(results: list[dict], rows: int) -> str:
    lines = [
        "| Engine | Rows | Created | Updated | Unchanged | Possible duplicates | Seconds | Rows/s | Peak RSS MB "
        "| Load before / after | Under 60 s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        c = r["counts"]
        lines.append(
            f"| {r['version']} | {r['rows']:,} | {c['created']:,} | {c['updated']:,} | {c['unchanged']:,} "
            f"| {c['possible_duplicates']:,} | {r['seconds']} | {r['rows_per_second']:,} | {r['peak_rss_mb']} "
            f"| {r['load'][0]} / {r['load'][1]} | {_verdict(r)} |"
        )
    return f"""
## Import of {rows:,} practices from CSV against 100 000 stored

Measured on {datetime.date.today().isoformat()} by `bench/import.py` (run by `make bench`) on a machine
with {os.cpu_count()} cores.

**Target: under {TARGET_SECONDS} s, memory bounded.**

{chr(10).join(lines)}

- **What is timed**: `import_practices` on one CSV file of {rows:,} rows (title, summary, a country, a theme,
  a start year, a target), from reading the file to the last practice written, into the moderation queue:
  batches of {results[0]["batch"]} records, each in one transaction; the new practices of a batch, and the themes
  and countries its rows add to stored practices, written together with their relations and history
  records (`practice_import_many`); the stored practices that gain something, being published, are then
  indexed for search together (`search_index_practices`).
- **De-duplication**: against the 100 000 published practices of `bench/generate.py`, all in the search
  index; one row in ten repeats the title of a stored practice (updated when it brings a theme or a
  country the practice lacks, else unchanged); the generated titles resemble one another, so some new rows
  are created as possible duplicates into the queue, as a moderator would want.
- **Peak RSS** is the child process's `ru_maxrss`: Django (some 90 MB), the index of 100 000 titles and
  summary openings (some 70 MB), the file, one batch; on SQLite also its page cache (up to 64 MB, set in
  `hub/settings.py`). It grows with the practices stored, not with the rows imported.
- **Load** is the 1-minute load average when the import started and when it ended: anything else running
  on the machine (another benchmark) slows the figures.
- Afterwards the database is put back as it was (imported practices, added relations, history rows and
  search documents removed); the databases `var/bench_import.sqlite3` and `{PG_NAME}` are kept between
  runs (filling them is the slow part).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare()
        return
    if args.child:
        child(args.rows)
        return
    results = []
    for engine in args.engine or ["sqlite", "postgresql"]:
        print(f"== import, {engine}", flush=True)
        if engine == "sqlite":
            SQLITE_PATH.parent.mkdir(exist_ok=True)
            url = f"sqlite:///{SQLITE_PATH}"
        else:
            if subprocess.run(["pg_isready", *PG_ARGS], capture_output=True).returncode != 0:
                print("PostgreSQL skipped: no server on 127.0.0.1:5432")
                continue
            subprocess.run(["createdb", *PG_ARGS, PG_NAME], capture_output=True)
            url = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
        result = run(url, args.rows)
        print(
            f"   {result['version']}: {result['seconds']} s, {result['rows_per_second']} rows/s, "
            f"peak RSS {result['peak_rss_mb']} MB, load {result['load']}, {result['counts']}"
        )
        results.append(result)
    if results:
        replace_section(DOCS, "import", markdown(results, args.rows))
        print(f"Wrote the section 'import' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
