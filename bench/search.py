"""Search over 100 000 published practices, on SQLite FTS5 and on PostgreSQL; and relevance on the demo.

For each engine: the time to rebuild the index, then p50/p95 of 20 representative queries
(one word, three words, a phrase, a typo, a word with two facets), measured these ways:
- results: the search with its count and its first page of 20 practices, best first;
- page: the whole /search/ page, with snippets and the facet counts of the matches; also the
  first time after a publication, and the first search of the words (nothing kept in memory);
- baseline: the same words with a plain `icontains` over title, summary and the long fields
  (count and first page, newest first), the way a site without a search engine would do it.
Then nDCG@10 of hub/search/relevance/judgments.json on a fresh database with the demo content.
It rewrites the section "search" of docs/benchmarks.md.

    .venv/bin/python bench/search.py [--engine sqlite|postgresql] [--repeat 5] [--quick]
        [--sqlite-url URL] [--postgresql-url URL]   (databases other than the shared bench ones)

--quick, for a loaded machine: the index as it is (no rebuild: run `manage.py rebuild_search_index`
first), no `icontains` baseline and no relevance; the section says what was left out.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PG_ARGS, prepare_postgresql, prepare_sqlite  # noqa: E402
from bench.sections import replace_section  # noqa: E402

DOCS = ROOT / "docs" / "benchmarks.md"
TARGET_P95_MS = 50
TARGET_REBUILD_S = 60
DEMO_SQLITE = ROOT / "var" / "bench-search-demo.sqlite3"
# BENCH_PG_NAME (bench/run.py) names it too: engineers measuring at once each have their own.
DEMO_PG = os.environ.get("BENCH_PG_NAME", "ibis_bench") + "_search_demo"
RARER_MATCHES = (300, 3_000)  # practices that have a word of rarer_words()
VECTOR_TEXTS = 200  # texts encoded for the practices' vectors (ensure_vectors)
QUERIES = [
    ("one word", "refugees", ""),
    ("one word", "mentoring", ""),
    ("one word", "interpreters", ""),
    ("one word", "apprenticeships", ""),
    ("three words", "language classes women", ""),
    ("three words", "skills recognition employers", ""),
    ("three words", "mental health trauma", ""),
    ("three words", "youth sport inclusion", ""),
    ("phrase", '"peer mentoring"', ""),
    ("phrase", '"legal aid clinic"', ""),
    ("phrase", '"welcome centre"', ""),
    ("phrase", '"housing first"', ""),
    ("typo", "refugess", ""),
    ("typo", "interpretters", ""),
    ("typo", "aprenticeships", ""),
    ("typo", "discriminaton", ""),
    ("two facets", "housing", "continent=EU&year=2020"),
    ("two facets", "mentoring", "continent=AF&implementation=completed"),
    ("two facets", "language classes", "continent=AS&evidence=monitored"),
    ("two facets", "refugees", "continent=SA&year=2015"),
]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


def summary(samples: list[float]) -> dict:
    return {"p50_ms": round(percentile(samples, 0.5), 1), "p95_ms": round(percentile(samples, 0.95), 1)}


# ---------------------------------------------------------------- child processes (Django set up)


def child_speed(repeat: int, quick: bool = False) -> dict:
    import django

    django.setup()
    from django.db.models import Q
    from django.http import QueryDict
    from django.test import Client
    from django.utils import timezone

    from bench.pages import engine_version, prepare_database
    from hub.practices.filters import PracticeFilter
    from hub.practices.filters import PracticeSearchFilter as SearchFilter
    from hub.practices.models import Practice
    from hub.search import semantic
    from hub.search.engines import get_engine
    from hub.search.facet_index import facet_index
    from hub.search.models import SearchVector
    from hub.search.results import search_practices
    from hub.search.services import search_index_practices, search_rebuild

    prepare_database()
    if quick:
        rebuild = None
    else:
        say("  rebuilding the index")
        rebuild = search_rebuild()
        say(f"  {rebuild}")
    vectors_made = ensure_vectors()
    semantic.forget_vector_matrices()
    started = time.perf_counter()
    matrix = semantic.vector_matrix()  # read once per process, untimed: bench/vectors.py measures that
    say(f"  {len(matrix)} vectors read in {time.perf_counter() - started:.1f} s ({matrix.nbytes / 2**20:.1f} MB)")

    def results(text, facets):
        filterset = SearchFilter(QueryDict(f"q={text}&{facets}"), queryset=Practice.objects.published())
        found = search_practices(text, filterset)
        return found.count, list(found.results()[:20]) if found.executed else []

    def baseline(text, facets):
        filterset = PracticeFilter(QueryDict(facets), queryset=Practice.objects.published())
        queryset = filterset.qs
        for word in text.replace('"', "").split():
            fields = ["title", "summary", *Practice.LONG_FIELDS]
            condition = Q()
            for name in fields:
                condition |= Q(**{f"{name}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset.count(), list(queryset.newest_first()[:20])

    client = Client()

    def page(text, facets):
        response = client.get("/search/", QueryDict(f"q={text}&{facets}"))
        assert response.status_code == 200, response.status_code
        return response

    def forget() -> None:
        """No word's matches kept, no query's vector nor its scores over the vectors (the facet index
        and the matrix of vectors are kept: they are built once per process, then brought up to date)."""
        facet_index().memo.clear()
        semantic.forget_queries()

    def publish() -> None:
        """What a moderator's edit of the newest practice does to the search index, committed: the
        listing version changes, so the next request builds a new facet index; then what the worker
        does, the practice's vector written again, so the next search reads it into the matrix."""
        practice = Practice.objects.published().latest("pk")
        search_index_practices(practices=[practice])
        SearchVector.objects.filter(kind=0, object_id=practice.pk).update(updated_at=timezone.now())
        semantic.vectors_changed()
        facet_index()  # built again here, untimed: the pages benchmark measures that

    rows = []
    for kind, text, facets in QUERIES:
        row = {"kind": kind, "q": text, "facets": facets, "first": []}
        for _ in range(repeat):
            forget()
            started = time.perf_counter()
            page(text, facets)
            row["first"].append((time.perf_counter() - started) * 1000)
        runs = (("results", results), ("page", page)) + (() if quick else (("baseline", baseline),))
        for name, run in runs:
            run(text, facets)  # warm up
            samples, cpu = [], []
            for _ in range(repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                outcome = run(text, facets)
                samples.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            row[name], row[f"{name}_cpu"] = samples, cpu
            if name == "results":
                row["count"] = outcome[0]
        say(
            f"  {kind:11} {text!r:32} {row['count']:>6} found  results p50 {summary(row['results'])['p50_ms']} ms"
            f"  page p50 {summary(row['page'])['p50_ms']} ms (CPU {summary(row['page_cpu'])['p50_ms']} ms)"
        )
        rows.append(row)
    # After a publication: the new facet index keeps no matches; the engine is asked afresh.
    for row in rows:
        row["after"] = []
    for _ in range(repeat):
        for _kind, text, facets in QUERIES:
            page(text, facets)
        publish()
        for row in rows:
            started = time.perf_counter()
            page(row["q"], row["facets"])
            row["after"].append((time.perf_counter() - started) * 1000)
    rarer = {"words": rarer_words(), "first": []}
    for word in rarer["words"]:
        for _ in range(repeat):
            forget()
            started = time.perf_counter()
            page(word, "")
            rarer["first"].append((time.perf_counter() - started) * 1000)
    say(f"  first searches of {rarer['words']}: page {summary(rarer['first'])}")
    return {
        "engine": get_engine().name,
        "version": engine_version(),
        "rebuild": rebuild,
        "queries": rows,
        "rarer": rarer,
        "vectors": {"count": len(matrix), "mb": round(matrix.nbytes / 2**20, 1), "made": vectors_made},
        "load_average": round(os.getloadavg()[0], 1),
    }


def ensure_vectors() -> bool:
    """A vector for every practice, as the worker would have stored them: the generated practices have
    none, and their text (about 150 words) would take hours to encode here; so, as bench/vectors.py
    does, VECTOR_TEXTS generated texts are encoded and every practice's vector is one of them with
    noise. A search costs the same whatever the numbers. Kept in the database for the next run."""
    from bench.vectors import store_vectors, synthetic_vectors
    from hub.practices.models import Practice
    from hub.search.models import SearchVector

    pks = list(Practice.objects.order_by("pk").values_list("pk", flat=True))
    if SearchVector.objects.filter(kind=0).count() == len(pks):
        return False
    say(f"  vectors for {len(pks)} practices")
    SearchVector.objects.filter(kind=0).delete()
    matrix, _seconds = synthetic_vectors(len(pks), VECTOR_TEXTS)
    store_vectors(pks, matrix)
    return True


def rarer_words(count: int = 5) -> list[str]:
    """Words that 300 to 3 000 practices have, under every stem a query looks them up by: in real text
    most words are like these, while every word of QUERIES is in thousands of the generated practices."""
    from django.db.models import Sum

    from hub.search.analysis import stems_in_every_language
    from hub.search.models import SearchTerm

    practices_with = dict(SearchTerm.objects.values_list("term").annotate(total=Sum("documents")))
    candidates = (
        SearchTerm.objects.filter(documents__range=(RARER_MATCHES[0], RARER_MATCHES[1]), length__gte=6)
        .order_by("-documents", "word")
        .values_list("word", flat=True)
    )
    chosen: list[str] = []
    for word in candidates:
        stems = stems_in_every_language(word)
        if word.isalpha() and word not in chosen and all(practices_with.get(t, 0) <= RARER_MATCHES[1] for t in stems):
            chosen.append(word)
            if len(chosen) == count:
                break
    return chosen


def child_relevance() -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    from hub.practices.demo import demo_load
    from hub.practices.models import Practice
    from hub.search.relevance import evaluate

    call_command("migrate", interactive=False, verbosity=0)
    if not Practice.objects.exists():
        demo_load()
    result = evaluate()
    return {"mean": round(result["mean"], 3), "queries": len(result["queries"])}


# ---------------------------------------------------------------- parent


def in_child(database_url: str, what: str, repeat: int, quick: bool = False) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        # The search's own work, not the page cache's answer (about 1 ms, measured before by mistake),
        # and a cache of this process's own.
        "PAGE_CACHE_SECONDS": "0",
        "CACHE_URL": "locmemcache://bench-search",
        "HF_HUB_OFFLINE": "1",
    }
    child = subprocess.run(
        [sys.executable, __file__, "--child", what, "--repeat", str(repeat), *(["--quick"] if quick else [])],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    if child.returncode != 0:
        sys.exit(f"bench/search.py --child {what} failed on {database_url}")
    return json.loads(child.stdout)


def demo_database(engine: str) -> str:
    if engine == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            DEMO_SQLITE.with_name(DEMO_SQLITE.name + suffix).unlink(missing_ok=True)
        return f"sqlite:///{DEMO_SQLITE}"
    subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", DEMO_PG], check=True)
    subprocess.run(["createdb", *PG_ARGS, DEMO_PG], check=True)
    return f"postgres://postgres@127.0.0.1:5432/{DEMO_PG}"


def table(results: list[dict]) -> str:
    lines = [
        "| Engine | Queries | Search p50 ms | Search p95 ms | Page with facets p50 ms | Page p95 ms "
        "| Page CPU p50 / p95 ms "
        "| After a publication: page p50 ms | After a publication: page p95 ms "
        "| First search: page p50 ms | First search: page p95 ms "
        "| `icontains` p50 ms | `icontains` p95 ms | `icontains` / search (p50) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        kinds = ["all 20", *dict.fromkeys(row["kind"] for row in result["queries"])]
        for kind in kinds:
            rows = [r for r in result["queries"] if kind == "all 20" or r["kind"] == kind]
            search, page, page_cpu, after, first = (
                summary([s for r in rows for s in r[name]])
                for name in ("results", "page", "page_cpu", "after", "first")
            )
            if "baseline" in rows[0]:
                base = summary([s for r in rows for s in r["baseline"]])
                ratio = f"{base['p50_ms'] / search['p50_ms']:.1f}×" if search["p50_ms"] else "—"
            else:
                base, ratio = {"p50_ms": "—", "p95_ms": "—"}, "—"
            name = result["version"] if kind == "all 20" else ""
            label = f"**{kind}**" if kind == "all 20" else kind
            lines.append(
                f"| {name} | {label} | {search['p50_ms']} | {search['p95_ms']} | {page['p50_ms']} | {page['p95_ms']} "
                f"| {page_cpu['p50_ms']} / {page_cpu['p95_ms']} "
                f"| {after['p50_ms']} | {after['p95_ms']} | {first['p50_ms']} | {first['p95_ms']} "
                f"| {base['p50_ms']} | {base['p95_ms']} | {ratio} |"
            )
    return "\n".join(lines)


def markdown(results: list[dict], relevance: dict, repeat: int) -> str:
    rebuilds = (
        "; ".join(
            f"{r['version']}: **{r['rebuild']['seconds']} s** for {r['rebuild']['practices']:,} practices "
            f"({r['rebuild']['terms']:,} distinct word forms)"
            for r in results
            if r["rebuild"]
        )
        or "not measured in this run (`--quick`)"
    )
    ndcg = (
        "; ".join(f"{name}: **{value['mean']}** over {value['queries']} queries" for name, value in relevance.items())
        or 'not measured in this run (`--quick`): section "Relevance"'
    )
    queries = ", ".join(f"`{text}`" + (f" with `{facets}`" if facets else "") for _, text, facets in QUERIES)
    rarer = "; ".join(
        f"{r['version']}: p50 **{summary(r['rarer']['first'])['p50_ms']} ms**, "
        f"p95 **{summary(r['rarer']['first'])['p95_ms']} ms** "
        f"({', '.join(f'`{word}`' for word in r['rarer']['words'])})"
        for r in results
        if r["rarer"]["first"]
    )
    loads = ", ".join(f"{r['version']} {r.get('load_average', '?')}" for r in results)
    vectors = "; ".join(
        f"{r['version']}: {r['vectors']['count']:,} vectors, {r['vectors']['mb']} MB in memory" for r in results
    )
    return f"""
## Search over 100 000 published practices

Measured on {datetime.date.today().isoformat()} by `bench/search.py` (part of `make bench`) on a
machine with 2 cores shared with other work (load average at the end: {loads}: every wall-clock
figure grows with it; the CPU column does not). Targets: p95 under {TARGET_P95_MS} ms a query with
facets; a full rebuild of 100 000 practices under {TARGET_REBUILD_S} s.

Every search is the product's: the full text fused with the meaning (hub/search/fusion.py), over a
vector for each of the 100 000 practices ({vectors}), without the page cache
(`PAGE_CACHE_SECONDS=0`: the views' own work, not a cached answer).

**Rebuild of the index** (`manage.py rebuild_search_index`, the text analysed in one worker process
per core): {rebuilds}.

**Relevance** (nDCG@10 of `hub/search/relevance/judgments.json` on the demo content): {ndcg}.

{table(results)}

- **Search**: `search_practices()` with its count and first page of 20 practices, best first
  (spelling checks included); what the engine costs.
- **Page with facets**: the whole `/search/` page through `django.test.Client`, the page cache
  off: search with the meaning fused, snippets, and the facet counts of every filter over the
  matching practices, rendered, when the words have been searched before (their matches, the
  query's vector and its scores over the vectors kept by the process). This is the figure the
  target is about; **Page CPU** is its CPU time.
- **After a publication**: the same page, the first time each query is searched after a practice
  was written again (`search_index_practices`, committed, and its vector written again as the
  worker does) and the process built its facet index anew and read the new vector: the new index
  keeps no matches, so the engine is asked again for every word, as on a first search, only with
  the engine's own caches warm (docs/search.md, "State"); the kept scores of each query over the
  vectors are brought up to date for the vector written.
- **First search**: the same page when no words' matches are kept, nor the query's vector
  (computed by the model: tens of milliseconds on a free core, hundreds under load) nor its scores:
  the first search of these words since the process started, or after a rebuild of the index or an
  import of more than 2 000 practices. It grows with the number of matches, whose ids the engine
  must collect: every word of these queries is in thousands of practices, and each one-word query
  matches 85 to 90 % of them.
  The first search of a word that {RARER_MATCHES[0]:,} to {RARER_MATCHES[1]:,} practices have, as
  most words of real text: {rarer or "not measured"}.
- How a search runs (docs/search.md): the engine returns the ids of every match at once, and each
  process keeps them per group of words; the filters, the count, the facet counts and the date
  order come from the in-memory facet index; the engine then ranks one block of at most 2 000
  candidates of the first tier (every word in the title or summary) for the page. Only the first
  step grows with the number of matches.
- **`icontains`**: the same words, each in title, summary or a long field, with `icontains`,
  count and the newest 20: what the site would do without a search engine. The ratio is its p50
  over the search's p50 (— : not measured in a `--quick` run).
- {repeat} timed runs of each query after one warm-up, {repeat} publications, and {repeat} first
  searches. Data:
  `bench/generate.py` (the same as the pages benchmark); its text comes from a vocabulary of about
  150 words, so a common word matches most of the 100 000 practices: a harder case than real text.
  The queries: {queries}.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="no rebuild, no icontains baseline, no relevance")
    parser.add_argument("--sqlite-url")
    parser.add_argument("--postgresql-url")
    parser.add_argument("--child", choices=["speed", "relevance"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child_speed(args.repeat, args.quick) if args.child == "speed" else child_relevance()
        json.dump(result, sys.stdout)
        return

    results, relevance = [], {}
    for engine in args.engine or ["sqlite", "postgresql"]:
        say(f"== search on {engine}")
        if engine == "sqlite":
            url = args.sqlite_url or prepare_sqlite(False)
        else:
            url = args.postgresql_url or prepare_postgresql(False)
            if url is None:
                continue
        results.append(in_child(url, "speed", args.repeat, args.quick))
        if not args.quick:
            name = "SQLite FTS5" if engine == "sqlite" else "PostgreSQL"
            relevance[name] = in_child(demo_database(engine), "relevance", args.repeat)
    if not results:
        sys.exit("No database could be measured.")
    text = markdown(results, relevance, args.repeat)
    print(text)
    replace_section(DOCS, "search", text)
    say(f"Wrote the section 'search' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
