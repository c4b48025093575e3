"""Server time of the main pages over 100 000 published practices, on the database in DATABASE_URL.

Run by bench/run.py, once per database, in a process of its own: Django reads DATABASE_URL
once, at set-up. Progress goes to stderr; the results go to stdout as one JSON document.
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time

import django

TARGET_P95_MS = 50
WARM_UP = 5  # requests per page before timing: templates compiled, caches and connection warm
COUNTED = 5  # requests per page whose SQL is captured (apart from the timed ones: capture costs time)
COLD_REQUESTS = 5  # each one recomputes every facet over 100 000 practices: seconds, not milliseconds


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def prepare_database() -> dict | None:
    """Migrate, then fill the database if it is empty; None when it already held the data."""
    from django.core.management import call_command

    from bench import generate
    from hub.practices.models import Practice

    call_command("migrate", interactive=False, verbosity=0)
    total = Practice.objects.count()
    published = Practice.objects.published().count()
    if total == published == generate.PRACTICES:
        log(f"  reusing the {published} published practices already there")
        return None
    if total:
        # run.py empties the database before it comes here; refuse to pile data on top of other data.
        sys.exit(f"The database holds {total} practices ({published} published): rerun with --regenerate")
    log(f"  generating {generate.PRACTICES} published practices")
    return generate.run()


def page_urls(rng: random.Random) -> list[dict]:
    """Which pages are measured, each with the URLs it cycles through so no single row stays hot."""
    from hub.places.models import Place
    from hub.practices.filters import PracticeFilter
    from hub.practices.models import Practice
    from hub.vocabularies.models import Topic

    themes = list(Topic.objects.filter(kind=Topic.Kind.THEME).values_list("slug", flat=True))
    continents = sorted(set(Place.objects.values_list("continent", flat=True)))
    filtered = []
    while len(filtered) < 50:
        query = f"theme={rng.choice(themes)}&continent={rng.choice(continents)}&year={rng.randint(2005, 2026)}"
        filterset = PracticeFilter(dict(pair.split("=") for pair in query.split("&")))
        if query not in filtered and filterset.qs.exists():  # an empty result would flatter the timings
            filtered.append(query)

    ids = rng.sample(range(1, Practice.objects.count() + 1), 50)
    practice_slugs = list(Practice.objects.filter(pk__in=ids).values_list("slug", flat=True))
    topic_slugs = list(Topic.objects.values_list("slug", flat=True))
    rng.shuffle(topic_slugs)
    return [
        {"key": "home", "label": "Home", "urls": ["/"]},
        {
            "key": "list",
            "label": "Practice list, unfiltered (pages 1–10)",
            "urls": ["/practices/"] + [f"/practices/?page={n}" for n in range(2, 11)],
        },
        {
            "key": "filtered",
            "label": "Practice list, theme + continent + year",
            "urls": [f"/practices/?{query}" for query in filtered],
        },
        {"key": "practice", "label": "Practice page", "urls": [f"/practices/{slug}/" for slug in practice_slugs]},
        {"key": "topic", "label": "Topic page", "urls": [f"/topics/{slug}/" for slug in topic_slugs]},
    ]


def get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"GET {url} answered {response.status_code}")
    return response


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the value that fraction of the requests stayed at or under."""
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


def measure(client, page: dict, requests: int, *, warm_up=WARM_UP, counted=COUNTED, before_each=None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = page["urls"]
    for i in range(warm_up):
        get(client, urls[i % len(urls)])

    samples, cpu, sizes = [], [], []
    for i in range(requests):
        if before_each:
            before_each()
        started, cpu_started = time.perf_counter(), time.process_time()
        response = get(client, urls[i % len(urls)])
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        sizes.append(len(response.content))

    query_counts, slowest = [], []
    for i in range(counted):
        if before_each:
            before_each()
        with CaptureQueriesContext(connection) as captured:
            get(client, urls[i % len(urls)])
        query_counts.append(len(captured.captured_queries))
        slowest += [(float(q["time"]) * 1000, q["sql"]) for q in captured.captured_queries]
    slowest.sort(reverse=True)

    p95 = percentile(samples, 0.95)
    return {
        "key": page["key"],
        "label": page["label"],
        "requests": requests,
        "distinct_urls": min(len(urls), requests),
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(max(samples), 1),
        # CPU time of this process: Python, templates and SQLite's work, but not PostgreSQL's (another
        # process). Unlike the clock, it does not grow while other programs hold the cores.
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
        "queries_min": min(query_counts),
        "queries_max": max(query_counts),
        "html_kb": round(statistics.median(sizes) / 1024, 1),
        "meets_target": p95 < TARGET_P95_MS,
        # The three slowest statements seen while counting: where to point EXPLAIN.
        "slowest_sql": [{"ms": round(ms, 1), "sql": sql} for ms, sql in slowest[:3]],
    }


def data_summary() -> dict:
    """What the database holds, counted rather than remembered: the data may be from an earlier run."""
    from hub.people.models import Organisation
    from hub.places.models import Place
    from hub.practices.models import Practice

    return {
        "practices": Practice.objects.published().count(),
        "organisations": Organisation.objects.count(),
        "places": Place.objects.count(),
        "countries": Place.objects.values("country").distinct().count(),
        "continents": Place.objects.values("continent").distinct().count(),
        "topic_links": Practice.topics.through.objects.count(),
        "target_group_links": Practice.target_groups.through.objects.count(),
        "place_links": Practice.places.through.objects.count(),
    }


def engine_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    django.setup()
    from django.db import connection
    from django.test import Client

    generated = prepare_database()
    rng = random.Random(7)
    pages = page_urls(rng)
    client = Client()
    results = []
    # Other work on the machine slows every figure: the load average goes into the report beside them.
    load_before = os.getloadavg()[0]
    for page in pages:
        log(f"  {page['label']}")
        results.append(measure(client, page, args.requests))

    # A publication changes listing_version: the next request takes the practice into the facet index
    # in place (hub/search/facet_index.py, "Freshness"); bench/freshness.py measures more of this.
    log("  Practice list, unfiltered, first request after a publication")
    from django.contrib.auth import get_user_model

    from hub.practices.models import Practice
    from hub.publishing.services import content_archive, content_publish

    moderator, _ = get_user_model().objects.get_or_create(username="bench-moderator", defaults={"is_staff": True})
    changed = Practice.objects.published().newest_first()[10]

    def publication():
        change = content_publish if changed.status == Practice.Status.ARCHIVED else content_archive
        change(obj=changed, by=moderator)

    cold = {"key": "list-cold", "label": "Practice list, unfiltered, just after a publication", "urls": ["/practices/"]}
    results.append(measure(client, cold, COLD_REQUESTS * 2, warm_up=1, counted=1, before_each=publication))
    if changed.status == Practice.Status.ARCHIVED:
        content_publish(obj=changed, by=moderator)  # the data as it was: every practice published

    json.dump(
        {
            "engine": connection.vendor,
            "version": engine_version(),
            "python": platform.python_version(),
            "django": django.get_version(),
            "generated": generated,
            "data": data_summary(),
            "warm_up": WARM_UP,
            "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
            "pages": results,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
