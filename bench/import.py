"""`make bench`, imports: 10 000 practices from CSV, de-duplicated against 100 000 already stored.

Each engine gets its own database (var/bench_import.sqlite3, PostgreSQL ibis_bench_import), filled
once by bench/generate.py and kept between runs; the imported practices are deleted afterwards so
that every run starts from the same 100 000. The import runs in a child process per engine, which
reports its wall time and its peak resident memory (ru_maxrss). One in ten rows repeats the title
of a stored practice, so the de-duplication has work to do.

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


def child(rows: int) -> None:
    """Runs with DATABASE_URL set: fill the database if needed, import, measure, clean up."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import generate
    from hub.imports.services import import_practices
    from hub.practices.models import Practice

    call_command("migrate", verbosity=0)
    # What an interrupted run imported (generated practices have ids 1 to PRACTICES).
    Practice.objects.filter(pk__gt=generate.PRACTICES).delete()
    if Practice.objects.count() != generate.PRACTICES:
        if Practice.objects.exists():
            sys.exit("bench_import holds other data: delete it and rerun")
        print(f"  generating {generate.PRACTICES} practices", file=sys.stderr, flush=True)
        generate.run()
    last_pk = Practice.objects.order_by("-pk").values_list("pk", flat=True).first()

    rng = random.Random(20250601)
    stored = list(Practice.objects.order_by("?").values_list("title", flat=True)[: rows // 10])
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

    started = time.perf_counter()
    report = import_practices(files=[("bench.csv", raw)])
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counts = report.counts()

    Practice.objects.filter(pk__gt=last_pk).delete()
    print(
        json.dumps(
            {
                "engine": f"{connection.vendor} {connection.cursor().connection.__class__.__module__}",
                "version": _version(connection),
                "rows": rows,
                "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak_kb / 1024),
                "counts": counts,
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
        "| Engine | Rows | Created | Unchanged | Near duplicates | Seconds | Peak RSS MB | Under 60 s |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        c = r["counts"]
        lines.append(
            f"| {r['version']} | {r['rows']:,} | {c['created']:,} | {c['unchanged']:,} | {c['near_duplicates']:,} "
            f"| {r['seconds']} | {r['peak_rss_mb']} | {_verdict(r)} |"
        )
    return f"""
## Import of {rows:,} practices from CSV against 100 000 stored

Measured on {datetime.date.today().isoformat()} by `bench/import.py` (run by `make bench`).

**Target: under {TARGET_SECONDS} s, memory bounded.**

{chr(10).join(lines)}

- **What is timed**: `import_practices` on one CSV file of {rows:,} rows (title, summary, a country, a theme,
  a start year, a target), from reading the file to the last practice written, each practice in its own
  transaction through the practice services (history, search index), into the moderation queue.
- **De-duplication**: against the 100 000 practices of `bench/generate.py`; one row in ten repeats the title
  of a stored practice (reported unchanged); the generated titles resemble one another, so some new rows
  are reported as near duplicates, as a moderator would want.
- **Peak RSS** is the child process's `ru_maxrss`: Django, the index of 100 000 titles and summaries, the file.
- The imported practices are deleted afterwards; the databases `var/bench_import.sqlite3` and
  `{PG_NAME}` are kept between runs (filling them is the slow part).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
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
        print(f"   {result['version']}: {result['seconds']} s, peak RSS {result['peak_rss_mb']} MB, {result['counts']}")
        results.append(result)
    if results:
        replace_section(DOCS, "import", markdown(results, args.rows))
        print(f"Wrote the section 'import' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
