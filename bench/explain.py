"""Every SQL statement one page runs, slowest first, with the database's plan for it.

    DATABASE_URL=sqlite:///var/bench.sqlite3 PYTHONPATH=. .venv/bin/python bench/explain.py /practices/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ibis_bench PYTHONPATH=. \\
        .venv/bin/python bench/explain.py "/practices/?theme=education&continent=EU&year=2020"

For finding out why a page of bench/pages.py is slow. The page is requested twice and the second
request is the one shown, so that the caches are as warm as in the benchmark. PostgreSQL plans come
from EXPLAIN ANALYZE (the statement runs again); SQLite's from EXPLAIN QUERY PLAN.
"""

import argparse
import os
import sys

import django


def plan(connection, sql: str, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(row[-1] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--top", type=int, default=5, help="how many statements to explain (default 5)")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(args.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(args.url)
    if response.status_code != 200:
        sys.exit(f"GET {args.url} answered {response.status_code}")

    # The captured SQL has its parameters inlined (Django quotes them), so it can be explained as it is.
    statements = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    total = sum(float(q["time"]) for q in statements) * 1000
    print(f"{args.url} on {connection.vendor}: {len(statements)} statements, {total:.0f} ms in the database\n")
    for query in statements[: args.top]:
        print(f"--- {float(query['time']) * 1000:.1f} ms\n{query['sql']}\n")
        print(plan(connection, query["sql"], None), "\n")


if __name__ == "__main__":
    main()
