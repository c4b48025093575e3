"""Search by meaning at 100 000 practices: encoding, the in-memory matrix, its search and its refresh.

Encoding 100 000 texts takes about an hour on the 2 shared cores, so the model encodes ENCODED texts
(sentences of the honest set's practices recombined at random, in their five languages), which gives
the rebuild time per 1 000 documents; the 100 000 x 512 matrix is then made of those vectors with
noise added (renormalised). Its search costs the same whatever the numbers in it.
Measured, p50 / p95 over QUERIES queries:
- the query's vector, computed (a query not seen before by the process) and from the process's cache;
- `semantic.nearest()` over all 100 000 published practices, and over the 10 % a filter keeps
  (the facet index's bits turned into primary keys included), as the search page calls it;
- the similar practices of a practice page;
- reading the matrix from the database (SearchVector rows, float16) whole, and the refresh after ten
  vectors were written, on SQLite and on PostgreSQL;
- the matrix's memory.
It rewrites the section "vectors" of docs/benchmarks.md.

    .venv/bin/python bench/vectors.py [--practices 100000] [--encoded 2000]
"""

import argparse
import datetime
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PG_ARGS  # noqa: E402
from bench.sections import replace_section  # noqa: E402

DOCS = ROOT / "docs" / "benchmarks.md"
SQLITE = ROOT / "var" / "bench-vectors.sqlite3"
# BENCH_PG_NAME (bench/run.py) names it too, with a suffix: this benchmark drops and creates it.
PG_NAME = os.environ.get("BENCH_PG_NAME", "ibis_bench") + "_vectors"
QUERIES = 200


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def at(fraction):
        return round(ordered[max(0, round(fraction * len(ordered)) - 1)], 2)

    return {"p50": at(0.5), "p95": at(0.95)}


def generated_texts(count: int, seed: int = 14) -> list[str]:
    from hub.search.relevance.honest import load_honest

    sentences = []
    for practice in load_honest()["practices"]:
        for field in ("title", "summary", "body"):
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", practice[field]) if len(s) > 20]
    rng = random.Random(seed)
    return ["\n".join(rng.sample(sentences, rng.randint(3, 8))) for _ in range(count)]


def synthetic_vectors(count: int, encoded: int, seed: int = 14):
    """`count` L2-normalised rows made of the vectors of `encoded` generated texts, with noise; and the
    seconds the model took to encode them."""
    import numpy as np

    from hub.search import semantic, vectors

    texts = [text[: semantic.MAX_TEXT_CHARS] for text in generated_texts(encoded, seed)]
    vectors.embed(["warm up"])
    started = time.perf_counter()
    parts = [vectors.embed(texts[i : i + semantic.BATCH]) for i in range(0, len(texts), semantic.BATCH)]
    seconds = time.perf_counter() - started
    say(f"  encoded {encoded} texts in {seconds:.1f} s")
    base = np.vstack(parts)
    rng = np.random.default_rng(seed)
    matrix = base[rng.integers(0, len(base), count)]
    matrix += rng.normal(0, 0.02, (count, vectors.DIMENSIONS)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix, seconds


def honest_ndcg() -> dict:
    """nDCG@10 of the vectors alone on the honest set (hub/search/relevance/honest.json), the practices'
    vectors stored as the worker stores them, then held in float32 (before) and in int8 (now)."""
    import numpy as np

    from hub.search import fusion, semantic, vectors
    from hub.search.relevance.honest import load_honest, ndcg_of_keys

    honest = load_honest()
    keys = [practice["key"] for practice in honest["practices"]]
    stored = vectors.embed([semantic.object_text(practice) for practice in honest["practices"]])
    float32 = stored.astype(semantic.STORED_DTYPE).astype(np.float32)
    codes, scales = semantic.quantised(float32)
    order = np.arange(len(keys))
    found = {"float32": [], "int8": []}
    for query in honest["queries"]:
        vector = vectors.embed([fusion.meaning_text(query["q"])])[0]
        for name, scores in (("float32", float32 @ vector), ("int8", semantic.quantised_dot(codes, scales, vector))):
            ranked = [keys[i] for i in np.lexsort((order, -scores))]
            found[name].append(ndcg_of_keys(ranked, query["judgments"]))
    return {name: round(float(np.mean(values)), 4) for name, values in found.items()} | {
        "queries": len(honest["queries"])
    }


def store_vectors(pks, matrix) -> None:
    """Row i of `matrix` as the vector of practice pks[i], stored as the worker stores it."""
    from django.db import connection

    from hub.search import semantic, vectors
    from hub.search.models import SearchVector

    rows = [
        SearchVector(
            kind=0,
            object_id=pk,
            model=vectors.MODEL_NAME,
            vector=row.astype(semantic.STORED_DTYPE).tobytes(),
            text_hash="",
        )
        for pk, row in zip(pks, matrix, strict=True)
    ]
    for start in range(0, len(rows), 5_000):
        SearchVector.objects.bulk_create(rows[start : start + 5_000])
    if connection.vendor == "postgresql":
        # What autovacuum (off on the benchmark machine) would do: with the statistics of the empty
        # table, the search's reading of the vectors changed since (semantic.py, a cursor) reads all
        # 100 000 rows, and counting them does not use the index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) search_searchvector")


def child(practices: int, encoded: int) -> dict:
    import django
    import django.utils.timezone

    django.setup()
    import numpy as np
    from django.core.management import call_command
    from django.db import connection

    from hub.search import semantic
    from hub.search.models import SearchVector
    from hub.search.relevance.honest import load_honest

    call_command("migrate", interactive=False, verbosity=0)
    result = {"engine": connection.vendor, "practices": practices}
    np.random.seed(14)

    # Encoding, as the worker does it (batches of semantic.BATCH, texts cut at MAX_TEXT_CHARS); the
    # 100 000 rows: the encoded vectors with noise, renormalised, stored as the worker stores them.
    matrix, seconds = synthetic_vectors(practices, encoded)
    result["encode_s_per_1000"] = round(seconds * 1000 / encoded, 1)
    result["encoded"] = encoded
    SearchVector.objects.all().delete()
    started = time.perf_counter()
    store_vectors(range(1, practices + 1), matrix)
    say(f"  stored {practices} vectors in {time.perf_counter() - started:.1f} s")

    # Written an hour ago, as after a rebuild: a refresh re-reads only what is newer (REFRESH_OVERLAP).
    an_hour_ago = django.utils.timezone.now() - datetime.timedelta(hours=1)
    SearchVector.objects.update(updated_at=an_hour_ago)
    semantic.forget_vector_matrices()
    started = time.perf_counter()
    held = semantic.vector_matrix()
    result["load_s"] = round(time.perf_counter() - started, 2)
    result["matrix_mb"] = round(held.nbytes / 2**20, 1)
    result["scores_kept_mb"] = round(semantic.SCORES_KEPT * practices * 4 / 2**20, 1)
    assert len(held) == practices

    # A refresh after ten vectors were written (a publication): only the rows written since are read.
    SearchVector.objects.filter(object_id__lte=10).update(updated_at=django.utils.timezone.now())
    semantic.vectors_changed()
    started = time.perf_counter()
    semantic.vector_matrix()
    result["refresh_ms"] = round((time.perf_counter() - started) * 1000, 1)

    queries = [q["q"] for q in load_honest()["queries"]]
    queries = (queries * (QUERIES // len(queries) + 1))[:QUERIES]
    distinct = list(dict.fromkeys(queries))
    computed = []
    for text in distinct:
        started = time.perf_counter()
        semantic.query_vector(text)
        computed.append((time.perf_counter() - started) * 1000)
    cached = []
    for text in queries:
        started = time.perf_counter()
        semantic.query_vector(text)
        cached.append((time.perf_counter() - started) * 1000)
    result["query_vector_ms"] = percentiles(computed)
    result["query_vector_cached_ms"] = percentiles(cached)

    everything = np.arange(1, practices + 1, dtype=np.int64)
    pk_at = everything[::-1].copy()  # the facet index's primary keys, newest first
    filtered_flags = np.random.random(practices) < 0.10
    bits_all = (1 << practices) - 1
    bits_filtered = int.from_bytes(np.packbits(filtered_flags, bitorder="little").tobytes(), "little")
    from hub.search.facet_index import ids_of
    from hub.search.fusion import MEANING_DEPTH, MIN_SIMILARITY

    # Before (the matrix in float32, as until 2026-12-01): the same search, for comparison.
    float32 = held.codes[: len(held)].astype(np.float32) * held.scales[: len(held), None]
    result["float32_mb"] = round((float32.nbytes + held.nbytes - held.codes.nbytes - held.scales.nbytes) / 2**20, 1)

    def nearest_float32(vector, allowed):
        rows = held.rows_of(allowed)
        rows, pks = rows[rows >= 0], allowed[rows >= 0]
        scores = float32[rows] @ vector if len(rows) < len(held) // 4 else (float32 @ vector)[rows]
        kept = scores >= MIN_SIMILARITY
        scores, pks = scores[kept], pks[kept]
        if len(scores) > MEANING_DEPTH:
            top = np.argpartition(-scores, MEANING_DEPTH - 1)[:MEANING_DEPTH]
            scores, pks = scores[top], pks[top]
        return pks[np.lexsort((pks, -scores))]

    for name, bits in (("all", bits_all), ("filtered", bits_filtered)):
        first, again, cpu, before, before_cpu = [], [], [], [], []
        for text in queries:
            vector = semantic.query_vector(text)
            held.forget_scores()  # a query searched for the first time since the rows last changed
            for samples in (first, again):
                started, started_cpu = time.perf_counter(), time.process_time()
                allowed = ids_of(bits, pk_at)
                found = semantic.nearest(held, vector, allowed, limit=MEANING_DEPTH, minimum=MIN_SIMILARITY)
                samples.append((time.perf_counter() - started) * 1000)
                if samples is first:
                    cpu.append((time.process_time() - started_cpu) * 1000)
            started, started_cpu = time.perf_counter(), time.process_time()
            expected = nearest_float32(vector, ids_of(bits, pk_at))
            before.append((time.perf_counter() - started) * 1000)
            before_cpu.append((time.process_time() - started_cpu) * 1000)
            result.setdefault("same_first_10", 0)
            result["same_first_10"] += [pk for pk, _ in found] == expected.tolist()
        result[f"search_{name}_ms"] = percentiles(first)
        result[f"search_{name}_cpu_ms"] = percentiles(cpu)
        result[f"search_{name}_again_ms"] = percentiles(again)
        result[f"search_{name}_float32_ms"] = percentiles(before)
        result[f"search_{name}_float32_cpu_ms"] = percentiles(before_cpu)
    result["searches"] = 2 * len(queries)
    result["honest_ndcg"] = honest_ndcg()
    samples = []
    for pk in np.random.randint(1, practices, QUERIES):
        started = time.perf_counter()
        semantic.similar_practice_ids(int(pk), pk_at, limit=8)
        samples.append((time.perf_counter() - started) * 1000)
    result["similar_ms"] = percentiles(samples)
    result["load_average"] = round(os.getloadavg()[0], 1)
    say(f"  {result}")
    return result


def database(engine: str) -> str:
    if engine == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            SQLITE.with_name(SQLITE.name + suffix).unlink(missing_ok=True)
        SQLITE.parent.mkdir(exist_ok=True)
        return f"sqlite:///{SQLITE}"
    subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", PG_NAME], check=True)
    subprocess.run(["createdb", *PG_ARGS, PG_NAME], check=True)
    return f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"


def markdown(results: list[dict]) -> str:
    first = results[0]
    loads = ", ".join(f"{r['engine']} {r.get('load_average', '?')}" for r in results)
    minutes = round(first["encode_s_per_1000"] * first["practices"] / 1000 / 60)
    computed, cached = first["query_vector_ms"], first["query_vector_cached_ms"]
    lines = [
        "| Engine | Read the matrix whole | Refresh after 10 new vectors | Similar practices p50 / p95 ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    searches = [
        "| Engine | Practices allowed | float32 (before) p50 / p95 ms | its CPU p50 / p95 ms "
        "| int8 p50 / p95 ms | its CPU p50 / p95 ms | Searched again p50 / p95 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]

    def cell(figures: dict, bold: bool = False) -> str:
        return f"{figures['p50']} / " + (f"**{figures['p95']}**" if bold else f"{figures['p95']}")

    for r in results:
        lines.append(f"| {r['engine']} | {r['load_s']} s | {r['refresh_ms']} ms | {cell(r['similar_ms'])} |")
        for name, label in (("all", "all published"), ("filtered", "a filter keeping 10 %")):
            searches.append(
                f"| {r['engine']} | {label} | {cell(r[f'search_{name}_float32_ms'])} "
                f"| {cell(r[f'search_{name}_float32_cpu_ms'])} | {cell(r[f'search_{name}_ms'], True)} "
                f"| {cell(r[f'search_{name}_cpu_ms'])} | {cell(r[f'search_{name}_again_ms'], True)} |"
            )
    same = "; ".join(f"{r['engine']} {r['same_first_10']} of {r['searches']}" for r in results)
    return f"""
## Search by meaning at {first["practices"]:,} practices

Measured on {datetime.date.today().isoformat()} by `bench/vectors.py` (part of `make bench`) on the
shared machine with 2 cores (load average at the end: {loads}: every figure grows with it). Encoding
{first["practices"]:,} texts would take too long here, so the model encoded **{first["encoded"]:,}**
generated texts (sentences of the honest set recombined, five languages) and the
{first["practices"]:,} x 512 matrix was made of those vectors with noise, stored as the worker
stores them (float16 rows of `SearchVector`) and read by `semantic.vector_matrix()`.

- **Rebuild** (`manage.py rebuild_vectors`, one worker process, batches of 32):
  **{first["encode_s_per_1000"]} s per 1 000 documents**, so about {minutes} minutes for {first["practices"]:,}.
- **Memory**: the matrix in int8 with a float32 scale per row, its primary keys and their index:
  **{first["matrix_mb"]} MB** per process (float16 in the database: 1 KB a row; float32 would take
  four times the matrix's part), plus at most {first["scores_kept_mb"]} MB of kept scores
  (the last 32 queries' scores over every row).
- **The query's vector**: computed p50 {computed["p50"]} ms, p95 **{computed["p95"]} ms**
  (a query the process has not seen); from the process's cache of 1 000 queries p95 {cached["p95"]} ms.

{chr(10).join(lines)}

{chr(10).join(searches)}

- **Search**: `semantic.nearest()` as the search page calls it: the facet index's bits made primary
  keys, the dot product with every row (int8 rows made float32 a block of 256 at a time), the best
  10 above the threshold; the query's vector not included. A query searched for the first time since
  the rows last changed; its CPU time (what the load does not inflate).
- **Searched again**: the same query again (another page, another filter): its scores over every row
  are kept (the last 32 queries, brought up to date row by row when the worker writes vectors), so
  only the filter and the ordering are left.
- **Relevance**: nDCG@10 of the vectors alone on the honest set ({first["honest_ndcg"]["queries"]} queries,
  `hub/search/relevance/honest.json`, the practices' vectors as the worker stores them): float32
  **{first["honest_ndcg"]["float32"]}**, int8 **{first["honest_ndcg"]["int8"]}**.
- **float32 (before)**: the same search over the same vectors held in float32, as before int8
  (**{first["float32_mb"]} MB**). The first 10 practices found were the same, in the same order, in
  {same} searches (the others differ by near ties: cosines within 0.002).
- `bench/search.py` measures the whole search page with the meaning fused (section "Search").
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", action="append", choices=["sqlite", "postgresql"])
    parser.add_argument("--practices", type=int, default=100_000)
    parser.add_argument("--encoded", type=int, default=2_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(child(args.practices, args.encoded), sys.stdout)
        return
    results = []
    for engine in args.engine or ["sqlite", "postgresql"]:
        say(f"== vectors on {engine}")
        env = {
            **os.environ,
            "DATABASE_URL": database(engine),
            "DJANGO_SETTINGS_MODULE": "hub.settings",
            "PYTHONPATH": str(ROOT),
            "DEBUG": "0",
            "CACHE_URL": "locmemcache://",
            "HF_HUB_OFFLINE": "1",
        }
        command = [
            sys.executable,
            __file__,
            "--child",
            "--practices",
            str(args.practices),
            "--encoded",
            str(args.encoded),
        ]
        done = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"bench/vectors.py failed on {engine}")
        results.append(json.loads(done.stdout))
    text = markdown(results)
    print(text)
    replace_section(DOCS, "vectors", text)
    say(f"Wrote the section 'vectors' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
