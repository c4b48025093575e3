"""`make bench`, world map: server time and size of the map's cluster requests over 100 000 practices.

Run by bench/run.py after the pages (the same databases, filled by bench/generate.py), or alone:

    .venv/bin/python bench/map.py [--requests 50] [--engine sqlite|postgresql]

For each engine a child process (`--child`, DATABASE_URL set) times the requests a map makes and
prints JSON; this process prints a table and rewrites the section "map" of docs/benchmarks.md.
"""

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_P95_MS = 100
TARGET_KB = 100
WARM_UP = 5
WORLD = "-180,-90,180,90"
# Rows shown for information, outside the target: the first request after a publication, and a forged one.
OUTSIDE_TARGET = {"world-cold", "world-forged"}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


def city_view(latitude: float, longitude: float) -> str:
    """The bounds of a 1280 × 900 px map at zoom 11 centred on a city: about 0.9° by 0.45°."""
    return f"{longitude - 0.44:.4f},{latitude - 0.22:.4f},{longitude + 0.44:.4f},{latitude + 0.22:.4f}"


def requests_to_time(rng: random.Random) -> list[dict]:
    from hub.places.models import Place
    from hub.vocabularies.models import Topic

    cities = list(
        Place.objects.located()
        .filter(kind=Place.Kind.CITY, practices__isnull=False)
        .distinct()
        .values_list("latitude", "longitude")
    )
    cities = rng.sample(cities, min(50, len(cities)))
    themes = list(Topic.objects.filter(kind=Topic.Kind.THEME).values_list("slug", flat=True))
    return [
        {
            "key": "world",
            "label": "Whole world (zoom 2), all practices",
            "urls": [f"/map/clusters/?bbox={WORLD}&zoom=2"],
        },
        {
            "key": "world-cold",
            "label": "Whole world, just after a publication",
            "urls": [f"/map/clusters/?bbox={WORLD}&zoom=2"],
            "cold": True,
        },
        {
            "key": "world-theme",
            "label": "Whole world (zoom 2), one theme",
            "urls": [f"/map/clusters/?bbox={WORLD}&zoom=2&theme={slug}" for slug in themes],
        },
        {
            "key": "city",
            "label": "City level (zoom 11), all practices",
            "urls": [f"/map/clusters/?bbox={city_view(lat, lng)}&zoom=11" for lat, lng in cities],
        },
        {
            "key": "city-theme",
            "label": "City level (zoom 11), one theme",
            "urls": [
                f"/map/clusters/?bbox={city_view(lat, lng)}&zoom=11&theme={rng.choice(themes)}" for lat, lng in cities
            ],
        },
        {
            "key": "world-forged",
            "label": "Whole world asked at zoom 18 (a forged request)",
            "urls": [f"/map/clusters/?bbox={WORLD}&zoom=18"],
        },
    ]


def publication() -> None:
    """A practice archived, or published again, by the services: the listing version moves and the
    next request takes the change into the facet index in place."""
    from django.contrib.auth import get_user_model

    from hub.practices.models import Practice
    from hub.publishing.services import content_archive, content_publish

    moderator, _ = get_user_model().objects.get_or_create(username="bench-moderator", defaults={"is_staff": True})
    practice = Practice.objects.order_by("pk").first()
    change = content_publish if practice.status == Practice.Status.ARCHIVED else content_archive
    change(obj=practice, by=moderator)


def measure(client, spec: dict, requests: int) -> dict:

    def get(url):
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"GET {url} answered {response.status_code}: {response.content[:300]!r}")
        return response

    urls = spec["urls"]
    for i in range(WARM_UP):
        get(urls[i % len(urls)])
    samples, sizes, markers = [], [], []
    for i in range(requests):
        if spec.get("cold"):
            publication()
        started = time.perf_counter()
        response = get(urls[i % len(urls)])
        samples.append((time.perf_counter() - started) * 1000)
        sizes.append(len(response.content))
        markers.append(len(json.loads(response.content)["markers"]))
    p95 = percentile(samples, 0.95)
    return {
        "key": spec["key"],
        "label": spec["label"],
        "requests": requests,
        "p50_ms": round(percentile(samples, 0.5), 1),
        "p95_ms": round(p95, 1),
        "max_kb": round(max(sizes) / 1024, 1),
        "max_markers": max(markers),
        "meets_target": p95 < TARGET_P95_MS and max(sizes) < TARGET_KB * 1024,
    }


def child(requests: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    django.setup()
    from django.db import connection
    from django.test import Client

    from bench.pages import engine_version, prepare_database
    from hub.practices.models import Practice

    prepare_database()
    rng = random.Random(11)
    client = Client()
    results = []
    for spec in requests_to_time(rng):
        log(f"  {spec['label']}")
        results.append(measure(client, spec, requests if not spec.get("cold") else min(requests, 20)))
    if not Practice.objects.order_by("pk").first().is_published:
        publication()  # every practice published again, as the other benchmarks expect
    json.dump(
        {
            "engine": connection.vendor,
            "version": engine_version(),
            "practices": Practice.objects.published().count(),
            "place_links": Practice.places.through.objects.count(),
            "results": results,
            "load_average": round(os.getloadavg()[0], 1),
        },
        sys.stdout,
    )


def run_child(database_url: str, requests: int) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
    }
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", "--requests", str(requests)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"bench/map.py failed on {database_url} (exit status {done.returncode})")
    return json.loads(done.stdout)


HEADINGS = ["Map request", "Engine", "p50 ms", "p95 ms", "largest KB", "markers", f"p95 < {TARGET_P95_MS} ms"]


def table_rows(measured: list[dict]) -> list[list[str]]:
    rows = []
    for engine in measured:
        for result in engine["results"]:
            verdict = "yes" if result["meets_target"] else "**no**"
            rows.append(
                [
                    result["label"],
                    engine["version"],
                    f"{result['p50_ms']:.1f}",
                    f"{result['p95_ms']:.1f}",
                    f"{result['max_kb']:.1f}",
                    str(result["max_markers"]),
                    verdict if result["key"] not in OUTSIDE_TARGET else f"({verdict})",
                ]
            )
    return rows


def markdown(measured: list[dict], requests: int) -> str:
    lines = ["| " + " | ".join(row) + " |" for row in [HEADINGS, ["---"] * 2 + ["---:"] * 5, *table_rows(measured)]]
    misses = [
        f"{r['label'].lower()} on {e['version'].split()[0]}"
        for e in measured
        for r in e["results"]
        if not r["meets_target"] and r["key"] not in OUTSIDE_TARGET
    ]
    verdict = "Met by every request on every engine measured." if not misses else "Missed by " + "; ".join(misses) + "."
    first = measured[0]
    loads = ", ".join(f"{e['version']}: {e['load_average']}" for e in measured)
    table = "\n".join(lines)
    return f"""
## World map over 100 000 published practices

Measured on {datetime.date.today().isoformat()} by `make bench` (`bench/map.py`) on a machine with 2 cores,
over the data of `bench/generate.py`: {first["practices"]:,} published practices and {first["place_links"]:,}
links to about 2 000 places. Load average at the end of each run: {loads} (other work on the machine
slows every figure).

**Target: p95 under {TARGET_P95_MS} ms of server time and under {TARGET_KB} KB a response.** {verdict}

{table}

- **What is timed**: `GET /map/clusters/?bbox=…&zoom=…`, the JSON the map asks for each time it moves,
  through `django.test.Client` (no network), {requests} timed requests a row after {WARM_UP} warm-up
  requests. City level cycles through 50 cities that have practices, with a view of 0.9° × 0.45°
  (a 1280 × 900 px map at zoom 11); "one theme" rows cycle through every theme.
- **Caching**: the number of practices at each place over everything published is cached until
  something public changes, counted in the facet index (a popcount a place); before each request of
  the "just after a publication" row a practice is archived or published again through the services.
  Filtered requests are counted in the facet index too.
- Rows in parentheses are outside the target: the first request after a publication, and a whole-world
  view asked at street zoom, which no map sends (cells grow until there are at most 400 markers).
- **Size**: whatever the request, at most {400} markers are sent; "largest KB" is the largest response seen.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per row (default 50)")
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.requests)
        return

    from bench.run import DOCS, prepare_postgresql, prepare_sqlite
    from bench.sections import replace_section

    measured = []
    for engine in args.engine or ["sqlite", "postgresql"]:
        log(f"== map, {engine}")
        url = prepare_sqlite(False) if engine == "sqlite" else prepare_postgresql(False)
        if url is None:
            continue
        measured.append(run_child(url, args.requests))
    if not measured:
        sys.exit("No database could be measured.")
    for row in [HEADINGS, *table_rows(measured)]:
        print("  ".join(cell.replace("*", "") for cell in row))
    replace_section(DOCS, "map", markdown(measured, args.requests))
    print(f"\nWrote the section 'map' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
