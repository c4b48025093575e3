"""`make bench`: page timings over 100 000 published practices, on SQLite and on PostgreSQL.

For each engine this script gets a database ready (kept between runs: generating the data
is the slow part), then runs bench/pages.py in a child process with DATABASE_URL pointing
at it, since Django binds its database once per process. It prints a table and rewrites
its own section of docs/benchmarks.md. Then it runs the other benchmarks (import, map,
search), each of which writes its own section.

    .venv/bin/python bench/run.py [--regenerate] [--requests 50] [--engine sqlite|postgresql] [--only pages]
"""

import argparse
import datetime
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sections import replace_section  # noqa: E402  (needs ROOT on the path first)

PRACTICES = 100_000  # what bench/generate.py makes; kept here so this script never imports Django
TARGET_P95_MS = 50
SQLITE_PATH = ROOT / "var" / "bench.sqlite3"
# BENCH_PG_NAME: another database name, for engineers sharing one PostgreSQL server.
PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres", "name": os.environ.get("BENCH_PG_NAME", "ibis_bench")}
PG_ARGS = ["-h", PG["host"], "-p", PG["port"], "-U", PG["user"]]
DOCS = ROOT / "docs" / "benchmarks.md"
COUNT_SQL = "SELECT count(*), sum(CASE WHEN status = 'published' THEN 1 ELSE 0 END) FROM practices_practice"


def say(message: str) -> None:
    print(message, flush=True)


def holds_the_data(counts: tuple | None) -> bool:
    return counts is not None and tuple(counts) == (PRACTICES, PRACTICES)


def prepare_sqlite(regenerate: bool) -> str:
    counts = None
    if SQLITE_PATH.exists():
        try:
            with sqlite3.connect(SQLITE_PATH) as db:
                counts = db.execute(COUNT_SQL).fetchone()
        except sqlite3.Error:
            pass  # no table yet, or not a database: start afresh
    if regenerate or not holds_the_data(counts):
        for suffix in ("", "-wal", "-shm"):
            SQLITE_PATH.with_name(SQLITE_PATH.name + suffix).unlink(missing_ok=True)
    SQLITE_PATH.parent.mkdir(exist_ok=True)
    return f"sqlite:///{SQLITE_PATH}"


def prepare_postgresql(regenerate: bool) -> str | None:
    """The URL of ibis_bench, dropped and created unless it already holds the data; None if no server."""
    ready = subprocess.run(["pg_isready", *PG_ARGS], capture_output=True, text=True)
    if ready.returncode != 0:
        say(f"PostgreSQL skipped: pg_isready says {ready.stdout.strip() or ready.stderr.strip() or 'no'}")
        return None
    probe = subprocess.run(
        ["psql", *PG_ARGS, "-d", PG["name"], "-tAF", " ", "-c", COUNT_SQL], capture_output=True, text=True
    )
    counts = tuple(int(n) for n in probe.stdout.split()) if probe.returncode == 0 else None
    if regenerate or not holds_the_data(counts):
        # --force ends the connections a crashed earlier run may have left open.
        subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", PG["name"]], check=True)
        subprocess.run(["createdb", *PG_ARGS, PG["name"]], check=True)
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{PG['name']}"


def run_pages(database_url: str, requests: int) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PYTHONPATH": str(ROOT),
        # Production behaviour, whatever the developer's shell says...
        "DEBUG": "0",
        # ...except hashed static names, which need a collectstatic run into var/static first
        # (a dictionary look-up per {% static %} tag: nothing a timing would show).
        "STATIC_MANIFEST": "0",
        # The default file cache, but a directory of our own: var/cache is shared with the test suite,
        # whose cache.clear() before every test would invalidate our facet index again and again, and
        # our "just after a publication" row clears the cache, which must not touch anyone else's.
        "CACHE_URL": f"filecache://{ROOT / 'var' / 'bench-cache' / database_url.split(':')[0]}",
    }
    child = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pages.py"), "--requests", str(requests)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    if child.returncode != 0:
        sys.exit(f"bench/pages.py failed on {database_url} (exit status {child.returncode})")
    return json.loads(child.stdout)


def rows(results: list[dict]) -> list[list[str]]:
    table = []
    for result in results:
        for page in result["pages"]:
            cold = page["key"] == "list-cold"
            queries = f"{page['queries_min']}" + (
                f"–{page['queries_max']}" if page["queries_max"] != page["queries_min"] else ""
            )
            verdict = "yes" if page["meets_target"] else "**no**"
            table.append(
                [
                    page["label"],
                    result["version"],
                    f"{page['p50_ms']:.1f}",
                    f"{page['p95_ms']:.1f}",
                    f"{page['max_ms']:.0f}",
                    f"{page['cpu_p50_ms']:.1f}",
                    queries,
                    f"{page['html_kb']:.0f}",
                    f"({verdict})" if cold else verdict,
                ]
            )
    return table


HEADINGS = [
    "Page",
    "Engine",
    "p50 ms",
    "p95 ms",
    "max ms",
    "CPU p50 ms",
    "SQL queries",
    "HTML KB",
    f"p95 < {TARGET_P95_MS} ms",
]


def print_table(results: list[dict]) -> None:
    table = [HEADINGS, *rows(results)]
    widths = [max(len(row[i].replace("*", "")) for row in table) for i in range(len(HEADINGS))]
    say("")
    for n, row in enumerate(table):
        cells = [cell.replace("*", "") for cell in row]  # Markdown bold means nothing in a terminal
        # Names left-aligned, figures right-aligned.
        say("  ".join(cells[i].ljust(widths[i]) if i < 2 else cells[i].rjust(widths[i]) for i in range(len(cells))))
        if n == 0:
            say("  ".join("-" * w for w in widths))
    for result in results:
        for page in result["pages"]:
            if not page["meets_target"]:
                say(f"\n{page['label']} on {result['version']}: slowest statements while counting queries")
                for statement in page["slowest_sql"]:
                    say(f"  {statement['ms']:7.1f} ms  {statement['sql'][:400]}")


def verdict(results: list[dict]) -> str:
    misses = [
        f"{page['label'].lower()} on {result['version'].split()[0]} (p95 {page['p95_ms']:.0f} ms)"
        for result in results
        for page in result["pages"]
        if page["key"] != "list-cold" and not page["meets_target"]
    ]
    if not misses:
        # The page nearest the target shows how much room is left.
        result, page = max(
            ((result, page) for result in results for page in result["pages"] if page["key"] != "list-cold"),
            key=lambda pair: pair[1]["p95_ms"],
        )
        return (
            f"Met by every page on every engine measured; the nearest to it is the {page['label'].lower()} "
            f"on {result['version'].split()[0]} (p95 {page['p95_ms']:.0f} ms)."
        )
    return "Missed by " + "; ".join(misses) + ". Every other page met it."


def engine_notes(result: dict) -> str:
    if generated := result["generated"]:
        seconds, cpu = generated["seconds"], generated["cpu_seconds"]
        origin = f"data generated in {seconds:.0f} s ({cpu:.0f} s of CPU in this process)"
    else:
        origin = "data from an earlier run"
    before, after = result["load_average"]
    return f"{result['version']}: {origin}; load average {before} at the start, {after} at the end"


def markdown(results: list[dict], skipped: list[str]) -> str:
    table = [HEADINGS, ["---"] * 2 + ["---:"] * 7, *rows(results)]
    first, data = results[0], results[0]["data"]
    notes = "".join(f"\n- {engine_notes(result)}" for result in results)
    notes += "".join(f"\n- {note}" for note in skipped)
    return f"""
## Pages over 100 000 published practices

Measured on {datetime.date.today().isoformat()} by `make bench` (`bench/run.py`) on a machine with 2 cores,
Python {first["python"]}, Django {first["django"]}:
{notes}

**Target: p95 under {TARGET_P95_MS} ms of server time per page.** {verdict(results)}

{chr(10).join("| " + " | ".join(row) + " |" for row in table)}

- **Data**: {data["practices"]:,} published practices made by `bench/generate.py` from a fixed seed,
  the same on both engines: {data["organisations"]:,} organisations, {data["places"]:,} places in
  {data["countries"]} countries on {data["continents"]} continents, {data["topic_links"]:,} topic links
  (1–4 a practice), {data["target_group_links"]:,} target-group links, {data["place_links"]:,} place links;
  started 2005–2026, published 2008–2025.
- **Server time only**: `django.test.Client` in the benchmark's own process (no network, no WSGI
  server, no static files), {first["pages"][0]["requests"]} timed requests a page after {first["warm_up"]}
  warm-up requests. Each page cycles through many URLs: list pages 1–10, 50 theme + continent + year
  combinations that have results, 50 practices drawn at random, every topic.
- **Other work on the machine** (tests, builds) slows every figure down; the load averages above say
  how busy it was. With 2 cores, a load above 2 means the benchmark waited for a core. *CPU p50* is the
  processor time the benchmark's own process spent per request (Python, templates, and on SQLite the
  database too; PostgreSQL works in a process of its own): it does not grow with other people's work.
- **Queries** are counted in separate requests (capturing SQL slows a request down).
- **Caching**: the default file cache, in a directory of the benchmark's own. Whatever the app keeps
  between two publications (facet counts, the in-memory facet index) is warm, as it is between two
  publications. The last row is the first request after a publication (a practice archived or published
  again by the services before each of its requests), which takes the change into the facet index in
  place; section *The first pages after a publication* has more of it.
- **Statistics**: PostgreSQL gets `VACUUM ANALYZE` after the load, as autovacuum would do on its own.
  SQLite gets `ANALYZE` (through `manage.py optimize_database`'s service) after the load and after
  every `migrate`, as the app does after migrations and imports.
- Rerun with `make bench` (the databases `var/bench.sqlite3` and `ibis_bench` are reused);
  `.venv/bin/python bench/run.py --regenerate` makes the data again. To see why a page is slow:
  `bench/explain.py <url>` prints its statements, slowest first, with their query plans.
"""


SUITES = [
    *("pages", "freshness", "pledges", "import", "map", "search"),
    *("relevance", "vectors", "served", "forum", "library", "digests"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regenerate", action="store_true", help="make the data again even if it is there")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page (default 50)")
    parser.add_argument(
        "--engine", action="append", choices=["sqlite", "postgresql"], help="only this engine (repeatable)"
    )
    parser.add_argument(
        "--only", action="append", choices=SUITES, help="only this benchmark (repeatable; default: all of them)"
    )
    args = parser.parse_args()
    engines = args.engine or ["sqlite", "postgresql"]
    suites = args.only or SUITES
    engine_args = [arg for engine in engines for arg in ("--engine", engine)]
    if "pages" in suites:
        run_page_benchmark(args, engines)
    # Freshness (bench/freshness.py): the first pages after a publication, on the same databases.
    if "freshness" in suites:
        subprocess.run([sys.executable, str(ROOT / "bench" / "freshness.py"), *engine_args], cwd=ROOT, check=True)
    # Pledges (bench/pledges.py) add 20 000 pledges to the same databases once and write their own section.
    if "pledges" in suites:
        pledge_args = [*engine_args, "--requests", str(args.requests)]
        subprocess.run([sys.executable, str(ROOT / "bench" / "pledges.py"), *pledge_args], cwd=ROOT, check=True)
    # The import benchmark (bench/import.py) keeps its own databases and writes its own section.
    if "import" in suites:
        subprocess.run([sys.executable, str(ROOT / "bench" / "import.py"), *engine_args], cwd=ROOT, check=True)
    # The world map (bench/map.py) reuses the page benchmark's databases and writes its own section.
    if "map" in suites:
        map_args = [*engine_args, "--requests", str(args.requests)]
        subprocess.run([sys.executable, str(ROOT / "bench" / "map.py"), *map_args], cwd=ROOT, check=True)
    # Search (bench/search.py) reuses the same databases, rebuilds their index and writes its own section.
    if "search" in suites:
        subprocess.run([sys.executable, str(ROOT / "bench" / "search.py"), *engine_args], cwd=ROOT, check=True)
    # Relevance (bench/relevance.py) loads the honest and the demo sets into fresh databases of its own.
    if "relevance" in suites:
        subprocess.run([sys.executable, str(ROOT / "bench" / "relevance.py"), *engine_args], cwd=ROOT, check=True)
    # Vectors (bench/vectors.py): search by meaning over a 100 000 x 512 matrix, in databases of its own.
    if "vectors" in suites:
        subprocess.run([sys.executable, str(ROOT / "bench" / "vectors.py"), *engine_args], cwd=ROOT, check=True)
    # Served (bench/served.py): gunicorn and Redis over the SQLite database of the page benchmark, timed by wrk.
    if "served" in suites and "sqlite" in engines:
        subprocess.run([sys.executable, str(ROOT / "bench" / "served.py")], cwd=ROOT, check=True)
    # Forums (bench/forum.py) make a topic of 5 000 posts in databases of their own.
    if "forum" in suites:
        forum_args = [*engine_args, "--requests", str(args.requests)]
        subprocess.run([sys.executable, str(ROOT / "bench" / "forum.py"), *forum_args], cwd=ROOT, check=True)
    # The library and calendar (bench/library.py) fill databases of their own with resources and events.
    if "library" in suites:
        library_args = [*engine_args, "--requests", str(args.requests)]
        subprocess.run([sys.executable, str(ROOT / "bench" / "library.py"), *library_args], cwd=ROOT, check=True)
    # Digests (bench/digests.py): 10 000 subscribers of 20 topics over 500 new practices, databases of their own.
    if "digests" in suites:
        subprocess.run([sys.executable, str(ROOT / "bench" / "digests.py"), *engine_args], cwd=ROOT, check=True)


def run_page_benchmark(args, engines: list[str]) -> None:
    results, skipped = [], []
    for engine in engines:
        say(f"== {engine}")
        if engine == "sqlite":
            url = prepare_sqlite(args.regenerate)
        else:
            url = prepare_postgresql(args.regenerate)
            if url is None:
                skipped.append("PostgreSQL was not measured: `pg_isready` found no server on 127.0.0.1:5432.")
                continue
        results.append(run_pages(url, args.requests))
        say(f"   {engine_notes(results[-1])}")

    if not results:
        sys.exit("No database could be measured.")
    print_table(results)
    replace_section(DOCS, "pages", markdown(results, skipped))
    say(f"\nWrote the section 'pages' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
