"""`make bench`, library and calendar: server time of the resource list (with filters) and of the
events month view over 50 000 published resources and 20 000 published events, on both engines.

Databases of its own (var/bench-library.sqlite3 and ibis_bench_library), filled once with bulk
inserts from a fixed seed and reused. Run by bench/run.py, or alone:

    .venv/bin/python bench/library.py [--requests 50] [--engine sqlite|postgresql] [--regenerate]

For each engine a child process (`--child`, DATABASE_URL set) migrates, fills, times and prints JSON;
this process prints a table and rewrites the section "library" of docs/benchmarks.md.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sections import replace_section  # noqa: E402

RESOURCES = 50_000
EVENTS = 20_000
TARGET_P95_MS = 50
WARM_UP = 5
SQLITE_PATH = ROOT / "var" / "bench-library.sqlite3"
PG_NAME = os.environ.get("BENCH_PG_NAME", "ibis_bench") + "_library"  # BENCH_PG_NAME: a name of your own
PG_ARGS = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
DOCS = ROOT / "docs" / "benchmarks.md"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


def generate(rng: random.Random) -> float:
    """Bulk-insert the resources and events with their links; returns the seconds it took."""
    from datetime import UTC

    from django.contrib.auth.models import User  # noqa: F401  (apps ready)
    from django.db import transaction
    from django.utils import timezone

    from hub.events.models import Event
    from hub.places.models import Continent, Place
    from hub.resources.models import LANGUAGE_CHOICES, Language, Resource
    from hub.vocabularies.models import Topic

    started = time.perf_counter()
    themes = list(Topic.objects.filter(kind=Topic.Kind.THEME).values_list("pk", flat=True))
    gcm = list(Topic.objects.filter(kind=Topic.Kind.GCM_OBJECTIVE).values_list("pk", flat=True))
    codes = ["en", "fr", "es", "ar", "de", "pt", "it", "ru"]
    assert set(codes) <= {code for code, _name in LANGUAGE_CHOICES}
    with transaction.atomic():
        Language.objects.bulk_create([Language(code=code) for code in codes], ignore_conflicts=True)
        countries = ["FR", "ES", "DE", "IT", "CO", "MX", "BR", "US", "CA", "KE", "UG", "SN", "IN", "PH", "AU", "NZ"]
        continents = {"FR": "EU", "ES": "EU", "DE": "EU", "IT": "EU", "CO": "LA", "MX": "LA", "BR": "LA", "US": "NA"}
        continents |= {"CA": "NA", "KE": "AF", "UG": "AF", "SN": "AF", "IN": "AS", "PH": "AS", "AU": "OC", "NZ": "OC"}
        places = Place.objects.bulk_create(
            [
                Place(
                    name=f"Bench city {n}",
                    slug=f"bench-city-{n}",
                    kind=Place.Kind.CITY,
                    country=countries[n % len(countries)],
                    continent=Continent(continents[countries[n % len(countries)]]),
                    latitude=rng.uniform(-50, 60),
                    longitude=rng.uniform(-150, 170),
                )
                for n in range(400)
            ]
        )
        now = timezone.now()
        types = Resource.Type.values
        resources = Resource.objects.bulk_create(
            [
                Resource(
                    title=f"Bench resource {n}",
                    slug=f"bench-resource-{n}",
                    type=types[n % len(types)],
                    summary="A report on integration practices, generated for the benchmark.",
                    author="Bench publisher",
                    issued=datetime.date(2005 + rng.randrange(21), rng.randrange(1, 13), 1),
                    url="https://example.org/r",
                    status="published",
                    submitted_at=now,
                    published_at=now - datetime.timedelta(minutes=n),
                )
                for n in range(RESOURCES)
            ],
            batch_size=2000,
        )
        through = Resource.topics.through
        through.objects.bulk_create(
            [
                through(resource_id=r.pk, topic_id=t)
                for r in resources
                for t in {*rng.sample(themes, rng.randint(1, 3)), rng.choice(gcm)}
            ],
            batch_size=5000,
        )
        through = Resource.languages.through
        through.objects.bulk_create(
            [through(resource_id=r.pk, language_id=c) for r in resources for c in rng.sample(codes, rng.randint(1, 2))],
            batch_size=5000,
        )
        through = Resource.places.through
        through.objects.bulk_create(
            [through(resource_id=r.pk, place_id=rng.choice(places).pk) for r in resources if rng.random() < 0.7],
            batch_size=5000,
        )
        zones = ["Europe/Paris", "America/Bogota", "Africa/Nairobi", "Asia/Manila", "Pacific/Auckland", "UTC"]
        start0 = datetime.datetime(2020, 1, 1, tzinfo=UTC)
        events = []
        for n in range(EVENTS):
            start = start0 + datetime.timedelta(hours=rng.randrange(10 * 365 * 24))
            events.append(
                Event(
                    title=f"Bench event {n}",
                    slug=f"bench-event-{n}",
                    description="An event generated for the benchmark.",
                    type=Event.Type.values[n % 4],
                    start=start,
                    end=start + datetime.timedelta(hours=rng.choice([1, 2, 8, 30])),
                    time_zone=rng.choice(zones),
                    place=rng.choice(places) if rng.random() < 0.6 else None,
                    online_url="https://example.org/live",
                    organiser="Bench organiser",
                    status="published",
                    submitted_at=now,
                    published_at=now,
                )
            )
        events = Event.objects.bulk_create(events, batch_size=2000)
        through = Event.topics.through
        through.objects.bulk_create(
            [through(event_id=e.pk, topic_id=t) for e in events for t in rng.sample(themes, rng.randint(1, 2))],
            batch_size=5000,
        )
    return time.perf_counter() - started


def child(requests: int, regenerate: bool) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from hub.events.models import Event
    from hub.resources.models import Resource
    from hub.vocabularies.models import Topic

    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(19)
    generated = None
    if Resource.objects.count() != RESOURCES or Event.objects.count() != EVENTS:
        if Resource.objects.exists():
            sys.exit("The library database holds other data: rerun with --regenerate")
        log(f"  generating {RESOURCES} resources and {EVENTS} events")
        generated = generate(rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        else:
            # As the site does after a migration, an import and on its schedule: the statistics
            # gathered by the migration above were of empty tables.
            from hub.serving.services import database_optimize

            database_optimize()
    themes = list(Topic.objects.filter(kind=Topic.Kind.THEME).values_list("slug", flat=True))
    pages = [
        ("resources", "Resources, no filter, pages 1–10", [f"/resources/?page={n}" for n in range(1, 11)]),
        (
            "resources-filtered",
            "Resources, theme + type + language",
            [
                f"/resources/?theme={rng.choice(themes)}&type={rng.choice(Resource.Type.values)}"
                f"&language={rng.choice(['en', 'fr', 'es'])}"
                for _ in range(30)
            ],
        ),
        (
            "resources-country-year",
            "Resources, country + year",
            [
                f"/resources/?country={rng.choice(['FR', 'CO', 'KE', 'IN'])}&year={rng.randint(2005, 2025)}"
                for _ in range(30)
            ],
        ),
        (
            "month",
            "Events month view",
            [f"/events/calendar/?month={rng.randint(2020, 2029)}-{rng.randint(1, 12):02d}" for _ in range(30)],
        ),
        (
            "month-filtered",
            "Events month view, theme + type",
            [
                f"/events/calendar/?month={rng.randint(2020, 2029)}-{rng.randint(1, 12):02d}"
                f"&theme={rng.choice(themes)}&type={rng.choice(Event.Type.values)}"
                for _ in range(30)
            ],
        ),
    ]
    client = Client()
    results = []
    for key, label, urls in pages:
        for url in urls[:WARM_UP]:
            assert client.get(url).status_code == 200, url
        samples, cpu = [], []
        for n in range(requests):
            url = urls[n % len(urls)]
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            samples.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(urls[0])
        results.append(
            {
                "key": key,
                "label": label,
                "p50_ms": statistics.median(samples),
                "p95_ms": percentile(samples, 0.95),
                "max_ms": max(samples),
                "cpu_p50_ms": statistics.median(cpu),
                "cpu_p95_ms": percentile(cpu, 0.95),
                "load": os.getloadavg()[0],
                "queries": len(queries),
                "kb": len(response.content) / 1024,
                "meets_target": percentile(samples, 0.95) < TARGET_P95_MS,
            }
        )
        log(f"  {label}: p95 {results[-1]['p95_ms']:.1f} ms")
    version = connection.vendor
    if version == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        import sqlite3

        version = f"SQLite {sqlite3.sqlite_version}"
    print(json.dumps({"version": version, "generated_s": generated, "pages": results, "load": os.getloadavg()[0]}))


def database_url(engine: str, regenerate: bool) -> str | None:
    if engine == "sqlite":
        if regenerate:
            for suffix in ("", "-wal", "-shm"):
                SQLITE_PATH.with_name(SQLITE_PATH.name + suffix).unlink(missing_ok=True)
        SQLITE_PATH.parent.mkdir(exist_ok=True)
        return f"sqlite:///{SQLITE_PATH}"
    if subprocess.run(["pg_isready", *PG_ARGS], capture_output=True).returncode != 0:
        return None
    exists = subprocess.run(["psql", *PG_ARGS, "-lqt"], capture_output=True, text=True).stdout
    if regenerate or PG_NAME not in {line.split("|")[0].strip() for line in exists.splitlines()}:
        subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", PG_NAME], check=True)
        subprocess.run(["createdb", *PG_ARGS, PG_NAME], check=True)
    return f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"


def markdown(measured: list[dict], requests: int) -> str:
    rows = [
        f"| {page['label']} | {result['version']} | {page['p50_ms']:.1f} | {page['p95_ms']:.1f} | {page['max_ms']:.0f} "
        f"| {page.get('cpu_p50_ms', 0):.1f} | {page.get('cpu_p95_ms', 0):.1f} | {page.get('load', result['load']):.1f} "
        f"| {page['queries']} | {page['kb']:.0f} | {'yes' if page['meets_target'] else '**no**'} |"
        for result in measured
        for page in result["pages"]
    ]
    loads = "; ".join(f"{r['version']}: load average {r['load']:.1f} at the end" for r in measured)
    return f"""
## Library and calendar over 50 000 resources and 20 000 events

Measured on {datetime.date.today().isoformat()} by `bench/library.py` (also run by `make bench`) on a machine
with 2 cores shared with other work ({loads}). **Target: p95 under {TARGET_P95_MS} ms of server time.**

| Page | Engine | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms | load | queries | KB | < {TARGET_P95_MS} ms |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
{chr(10).join(rows)}

- **Data**: {RESOURCES:,} published resources (six types, 1–3 themes and a GCM objective each, 1–2 of
  8 languages, 70 % at one of 400 places in 16 countries, issued 2005–2025) and {EVENTS:,} published
  events (2020–2029, 1–30 hours long, six time zones, 60 % at a place, 1–2 themes), bulk-inserted from
  a fixed seed into databases of their own (`var/bench-library.sqlite3`, `{PG_NAME}`).
- **Server time only**: `django.test.Client` in the benchmark's process, {requests} timed requests a
  row after {WARM_UP} warm-up requests, cycling through 10–30 URLs a row. The resource list selects and
  counts through the resources' facet index (hub/resources/facets.py, the practices' machinery), built
  once by the first warm-up request; the month view reads the events that start within the longest
  published event's length of the month, as rows of the five fields its grid shows. Written in Python
  rather than by templates: the resource cards (`resource_card`), a day's events (`day_events`) and
  the filter selects (`QuickSelect`); the 250 country names are translated and sorted once per
  language and process (`country_choices`).
- **CPU** is the processor time of the benchmark's process per request (on SQLite the database's
  work too; PostgreSQL's is not in it); *load* is the 1-minute load average when the row ended: with
  2 cores, anything above 2 is other work waiting for a core, which inflates the wall-clock columns.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.requests, args.regenerate)
        return
    measured = []
    for engine in args.engine or ["sqlite", "postgresql"]:
        url = database_url(engine, args.regenerate)
        if url is None:
            log(f"{engine}: no server, skipped")
            continue
        log(f"== {engine}")
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "hub.settings",
            "PYTHONPATH": str(ROOT),
            "DEBUG": "0",
            "STATIC_MANIFEST": "0",
            "CACHE_URL": f"filecache://{ROOT / 'var' / 'bench-cache' / ('library-' + engine)}",
        }
        child_run = subprocess.run(
            [sys.executable, __file__, "--child", "--requests", str(args.requests)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        if child_run.returncode != 0:
            sys.exit(f"bench/library.py failed on {engine}")
        measured.append(json.loads(child_run.stdout))
    if not measured:
        sys.exit("No database could be measured.")
    for result in measured:
        for page in result["pages"]:
            print(
                f"{page['label']:<40} {result['version']:<18} p95 {page['p95_ms']:6.1f} ms  {page['queries']} queries"
            )
    replace_section(DOCS, "library", markdown(measured, args.requests))
    log(f"Wrote the section 'library' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
