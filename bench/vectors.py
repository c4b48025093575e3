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
PG_NAME = os.environ.get("BENCH_PG_NAME", "ibis_bench_vectors")
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


def child(practices: int, encoded: int) -> dict:
    import django
    import django.utils.timezone

    django.setup()
    import numpy as np
    from django.core.management import call_command
    from django.db import connection

    from hub.search import semantic, vectors
    from hub.search.models import SearchVector
    from hub.search.relevance.honest import load_honest

    call_command("migrate", interactive=False, verbosity=0)
    result = {"engine": connection.vendor, "practices": practices}
    np.random.seed(14)

    # Encoding, as the worker does it (batches of semantic.BATCH, texts cut at MAX_TEXT_CHARS).
    texts = [text[: semantic.MAX_TEXT_CHARS] for text in generated_texts(encoded)]
    vectors.embed(["warm up"])
    started = time.perf_counter()
    parts = [vectors.embed(texts[i : i + semantic.BATCH]) for i in range(0, len(texts), semantic.BATCH)]
    seconds = time.perf_counter() - started
    base = np.vstack(parts)
    result["encode_s_per_1000"] = round(seconds * 1000 / encoded, 1)
    result["encoded"] = encoded
    say(f"  encoded {encoded} texts in {seconds:.1f} s")

    # The 100 000 rows: the encoded vectors with noise, renormalised, stored as the worker stores them.
    picks = np.random.randint(0, len(base), practices)
    matrix = base[picks] + np.random.normal(0, 0.02, (practices, vectors.DIMENSIONS)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    SearchVector.objects.all().delete()
    started = time.perf_counter()
    rows = [
        SearchVector(
            kind=0,
            object_id=pk,
            model=vectors.MODEL_NAME,
            vector=matrix[pk - 1].astype(np.float16).tobytes(),
            text_hash="",
        )
        for pk in range(1, practices + 1)
    ]
    for start in range(0, len(rows), 5_000):
        SearchVector.objects.bulk_create(rows[start : start + 5_000])
    say(f"  stored {practices} vectors in {time.perf_counter() - started:.1f} s")

    # Written an hour ago, as after a rebuild: a refresh re-reads only what is newer (REFRESH_OVERLAP).
    an_hour_ago = django.utils.timezone.now() - datetime.timedelta(hours=1)
    SearchVector.objects.update(updated_at=an_hour_ago)
    semantic.forget_vector_matrices()
    started = time.perf_counter()
    held = semantic.vector_matrix()
    result["load_s"] = round(time.perf_counter() - started, 2)
    result["matrix_mb"] = round(held.nbytes / 2**20, 1)
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

    for name, bits in (("all", bits_all), ("filtered", bits_filtered)):
        samples = []
        for text in queries:
            vector = semantic.query_vector(text)
            started = time.perf_counter()
            allowed = ids_of(bits, pk_at)
            semantic.nearest(held, vector, allowed, limit=MEANING_DEPTH, minimum=MIN_SIMILARITY)
            samples.append((time.perf_counter() - started) * 1000)
        result[f"search_{name}_ms"] = percentiles(samples)
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
        "| Engine | Read the matrix whole | Refresh after 10 new vectors | Search, all published p50 / p95 ms "
        "| Search, a filter keeping 10 % p50 / p95 ms | Similar practices p50 / p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['engine']} | {r['load_s']} s | {r['refresh_ms']} ms | {r['search_all_ms']['p50']} / "
            f"**{r['search_all_ms']['p95']}** | {r['search_filtered_ms']['p50']} / "
            f"**{r['search_filtered_ms']['p95']}** "
            f"| {r['similar_ms']['p50']} / {r['similar_ms']['p95']} |"
        )
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
- **Memory**: the matrix in float32 with its primary keys: **{first["matrix_mb"]} MB** per process
  (float16 in the database: 1 KB a row).
- **The query's vector**: computed p50 {computed["p50"]} ms, p95 **{computed["p95"]} ms**
  (a query the process has not seen); from the process's cache of 1 000 queries p95 {cached["p95"]} ms.

{chr(10).join(lines)}

- **Search**: `semantic.nearest()` as the search page calls it: the facet index's bits made primary
  keys, the dot product with every row, the best {10} above the threshold; the query's vector not included.
- The search page's cost with meaning is the full text's page (section "Search" above) plus the
  search column plus the query's vector, computed once per process per distinct query.
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
