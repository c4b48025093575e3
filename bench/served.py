"""Pages served the way production serves them: gunicorn (gunicorn.conf.py), DEBUG off, hashed and
compressed static files, the Redis cache, over the page benchmark's SQLite database; wrk on loopback.

One run measures, each for --seconds: home, the list (pages 1–10, and filtered), 200 different
practice pages, topic pages, place pages, the map's clusters, search, a feed, and a static file from
the same server. Each group is asked once before it is timed (the warm-up's times are reported too:
they are the pages' first, uncached requests). Then it states the memory of each web process, before
and after 2 000 more pages were cached, and writes its section of docs/benchmarks.md.

    .venv/bin/python bench/served.py [--seconds 10] [--connections 8] [--more-pages 2000]

BENCH_REDIS_DB=N uses Redis database N (9 by default), emptied first: one of its own for each engineer
sharing a Redis server.

Needs redis-server (started on 127.0.0.1:6379 if it is not running) and Debian's wrk (installed with
apt-get if it is missing).
"""

import argparse
import datetime
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sections import replace_section  # noqa: E402  (needs ROOT on the path first)

DOCS = ROOT / "docs" / "benchmarks.md"
SQLITE_PATH = ROOT / "var" / "bench.sqlite3"
REDIS = ("127.0.0.1", 6379)
# A database of the benchmark's own, emptied before each run (BENCH_REDIS_DB: another one, for
# engineers sharing a Redis server).
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", 9))
PRACTICE_PAGES = 200
MORE_PAGES = 2000  # cached after the run, to show that a process's memory does not follow them
GOAL_SHARE = 0.5  # practice pages at half the static file's requests/s or better


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def environment(port: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{SQLITE_PATH}",
        "CACHE_URL": f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}",
        "DEBUG": "0",
        "STATIC_MANIFEST": "1",
        "WHITENOISE_USE_FINDERS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "ERROR",
    }


def ensure_redis() -> None:
    import redis

    client = redis.Redis(*REDIS)
    try:
        client.ping()
    except redis.ConnectionError:
        say("starting redis-server on 127.0.0.1:6379")
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", REDIS[0], "--port", str(REDIS[1]), "--save", ""]
            + ["--appendonly", "no"],
            check=True,
        )
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
    redis.Redis(*REDIS, db=REDIS_DB).flushdb()


def ensure_wrk() -> str:
    if found := shutil.which("wrk"):
        return found
    say("installing Debian's wrk")
    subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"],
        check=True,
        capture_output=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    return shutil.which("wrk")


def django_child(env: dict, code: str) -> str:
    child = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return child.stdout


URLS_CODE = """
import json, random
from bench.pages import prepare_database
from hub.places.models import Place
from hub.practices.filters import PracticeFilter
from hub.practices.models import Practice
from hub.vocabularies.models import Topic

prepare_database()  # migrates; generates the 100 000 practices if the database is empty
rng = random.Random(15)
themes = list(Topic.objects.filter(kind=Topic.Kind.THEME).values_list("slug", flat=True))
continents = sorted(set(Place.objects.values_list("continent", flat=True)))
filtered = []
while len(filtered) < 20:
    query = f"theme={rng.choice(themes)}&continent={rng.choice(continents)}&year={rng.randint(2005, 2026)}"
    if query not in filtered and PracticeFilter(dict(p.split("=") for p in query.split("&"))).qs.exists():
        filtered.append(query)
ids = list(Practice.objects.published().values_list("slug", flat=True))
rng.shuffle(ids)
places = list(Place.objects.filter(kind="city").order_by("?").values_list("slug", flat=True)[:50])
print(json.dumps({
    "practices": ids[:%(pages)d],
    "more": ids[%(pages)d:%(pages)d + %(more)d],
    "filtered": filtered,
    "topics": list(Topic.objects.values_list("slug", flat=True)),
    "places": places,
    "published": len(ids),
}))
"""


def static_path() -> str:
    manifest = json.loads((ROOT / "var" / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def groups(urls: dict) -> list[dict]:
    words = ["integration", "language", "housing", "employment", "youth", "health", "refugees", "women"]

    def group(key, label, paths):
        return {"key": key, "label": label, "paths": paths}

    return [
        group("home", "Home", ["/"]),
        group("list", "Practice list, pages 1–10", [f"/practices/?page={n}" for n in range(1, 11)]),
        group("filtered", "Practice list, theme + continent + year", [f"/practices/?{q}" for q in urls["filtered"]]),
        group(
            "practice", f"Practice pages ({PRACTICE_PAGES} different)", [f"/practices/{s}/" for s in urls["practices"]]
        ),
        group("topic", "Topic pages", [f"/topics/{s}/" for s in urls["topics"]]),
        group("place", "Place pages (cities)", [f"/places/{s}/" for s in urls["places"]]),
        group("clusters", "Map clusters (world, zoom 2–4)", [f"/map/clusters/?zoom={z}" for z in (2, 3, 4)]),
        group("search", "Search", [f"/search/?q={w}" for w in words]),
        group("feed", "Feed (newest practices)", ["/feeds/practices/"]),
        group("static", "Static file (site.css, from the same gunicorn)", [static_path()]),
    ]


LUA = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def run_wrk(wrk: str, port: int, paths: list[str], *, seconds: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(json.dumps(path) for path in paths))
    try:
        out = subprocess.run(
            [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script.name, f"http://127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    requests, duration_us, p50_us, p99_us, errors = (int(n) for n in line.split()[1:])
    return {
        "requests": requests,
        "rps": requests / (duration_us / 1e6),
        "p50_ms": p50_us / 1000,
        "p99_ms": p99_us / 1000,
        "errors": errors,
    }


def first_requests(port: int, paths: list[str]) -> dict:
    """Each path asked once, in order: the uncached request a page's first reader pays for."""
    times, statuses = [], set()
    for path in paths:
        started = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
            response.read()
            statuses.add(response.status)
        times.append((time.perf_counter() - started) * 1000)
    return {"first_p50_ms": statistics.median(times), "first_max_ms": max(times), "statuses": sorted(statuses)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pss_mb(pid: int) -> float:
    """The process's proportional share: its own pages, and its part of those it shares with the other
    processes (forked from the arbiter after the word lists and the model were read)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped (exit status {server.returncode})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/practices/criteria/", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer within two minutes")


def redis_info() -> dict:
    import redis

    client = redis.Redis(*REDIS, db=REDIS_DB)
    return {"keys": client.dbsize(), "used_mb": client.info("memory")["used_memory"] / 2**20}


def measure(args) -> dict:
    wrk = ensure_wrk()
    ensure_redis()
    port = free_port()
    env = environment(port)
    SQLITE_PATH.parent.mkdir(exist_ok=True)
    say("migrating and reading the URLs to ask for (generates the data the first time: minutes)")
    urls = json.loads(
        django_child(env, URLS_CODE % {"pages": PRACTICE_PAGES, "more": MORE_PAGES}).strip().splitlines()[-1]
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env=env, cwd=ROOT, check=True
    )
    load_before = os.getloadavg()[0]
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "hub.wsgi", "-c", "gunicorn.conf.py"], env=env, cwd=ROOT
    )
    try:
        wait_until_up(port, server)
        workers = worker_pids(server.pid)
        rss_start = [rss_mb(pid) for pid in workers]
        pss_start = [pss_mb(pid) for pid in workers]
        results = []
        for group in groups(urls):
            first = first_requests(port, group["paths"])
            # Every process asks once more, so that each has what it keeps in memory (the facet index).
            first_requests(port, group["paths"][:1] * 4)
            timed = run_wrk(wrk, port, group["paths"], seconds=args.seconds, connections=args.connections)
            load = round(os.getloadavg()[0], 1)
            results.append({**group, **first, **timed, "urls": len(group["paths"]), "load": load})
            figures = f"p50 {timed['p50_ms']:6.1f} ms  p99 {timed['p99_ms']:6.1f} ms  errors {timed['errors']}"
            say(f"  {group['label']:<48} {timed['rps']:8.0f} req/s  {figures}")
        rss_after_run = [rss_mb(pid) for pid in workers]
        cached_after_run = redis_info()
        more = [f"/practices/{slug}/" for slug in urls["more"][: args.more_pages]]
        first_requests(port, more)
        rss_after_more = [rss_mb(pid) for pid in workers]
        pss_after_more = [pss_mb(pid) for pid in workers]
        arbiter = (rss_mb(server.pid), pss_mb(server.pid))
        cached_after_more = redis_info()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "results": results,
        "published": urls["published"],
        "workers": len(workers),
        "rss_start": rss_start,
        "rss_after_run": rss_after_run,
        "rss_after_more": rss_after_more,
        "pss_start": pss_start,
        "pss_after_more": pss_after_more,
        "arbiter": arbiter,
        "cached_after_run": cached_after_run,
        "cached_after_more": cached_after_more,
        "more_pages": len(more),
        "load": (load_before, os.getloadavg()[0]),
        "seconds": args.seconds,
        "connections": args.connections,
    }


def markdown(run: dict) -> str:
    by_key = {result["key"]: result for result in run["results"]}
    static_rps = by_key["static"]["rps"]
    share = by_key["practice"]["rps"] / static_rps if static_rps else 0
    met = "met" if share >= GOAL_SHARE and not any(r["errors"] for r in run["results"]) else "**not met**"
    rows = [
        f"| {r['label']} | {r['urls']} | {r['rps']:,.0f} | {r['rps'] / static_rps:.0%} | {r['p50_ms']:.1f} | "
        f"{r['p99_ms']:.1f} | {r['errors']} | {r['first_p50_ms']:.0f} | {r['first_max_ms']:.0f} | {r['load']} |"
        for r in run["results"]
    ]
    memory = ", ".join(
        f"{a:.0f} → {b:.0f} → {c:.0f} MB (proportional share {d:.0f} → {e:.0f} MB)"
        for a, b, c, d, e in zip(
            run["rss_start"],
            run["rss_after_run"],
            run["rss_after_more"],
            run["pss_start"],
            run["pss_after_more"],
            strict=True,
        )
    )
    version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0].strip()
    return f"""
## Served: gunicorn, Redis, wrk

Measured on {datetime.date.today().isoformat()} by `bench/served.py` (part of `make bench`) on a machine with
{os.cpu_count()} cores, load average {run["load"][0]:.1f} at the start and {run["load"][1]:.1f} at the end (other work
on the machine; wrk runs on it too).

**Goal: anonymous practice pages at ≥ {GOAL_SHARE:.0%} of the static file's requests/s, no errors:** {met}
({share:.0%}).

| Page | URLs | requests/s | of static | p50 ms | p99 ms | errors | first request p50 ms | max ms | load after |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

- **Server**: `gunicorn hub.wsgi -c gunicorn.conf.py`: {run["workers"]} processes × 4 threads (gthread),
  `DEBUG=0`, static files collected with hashed names and served by whitenoise from the same processes,
  `CACHE_URL=redis://127.0.0.1:6379/{REDIS_DB}` (emptied first), the SQLite database of the page benchmark
  ({run["published"]:,} published practices).
- **Load**: `{version}`, 2 threads, {run["connections"]} connections, {run["seconds"]} s a row, on loopback; each
  row cycles through its URLs. Anonymous readers: no cookies, so every page is answered by the page cache
  once it has been asked for. *First request* is each URL asked once before the row is timed: the page
  rendered by Django, uncached; *max* is the slowest of them (in the Search row, a process's first
  search). Each process built its facet index and loaded what search needs before it took requests
  (hub/search/warmup.py: the word lists and the model's weights read once by the arbiter before the
  fork, the rest in `post_worker_init`, gunicorn.conf.py). *Load after* is the 1-minute load average when the row
  ended: with 2 cores, anything above 2 is other work (or wrk) waiting for a core.
- **Memory per web process** (resident, each process: at start → after the run, {run["cached_after_run"]["keys"]:,}
  entries in Redis → after {run["more_pages"]:,} more practice pages were cached, {run["cached_after_more"]["keys"]:,}
  entries, {run["cached_after_more"]["used_mb"]:.0f} MB in Redis): {memory}; the arbiter
  {run["arbiter"][0]:.0f} MB (proportional share {run["arbiter"][1]:.0f} MB). Resident memory counts the pages
  the processes share (the code, the word lists and the model, read before the fork) in each of them;
  the proportional share counts each shared page once over the processes. The pages live in Redis, not
  in the processes: what a process holds is its code, its facet index and what search needs, whatever
  the number of pages cached.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="seconds of load per row (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections (default 8)")
    parser.add_argument(
        "--more-pages",
        type=int,
        default=MORE_PAGES,
        help=f"practice pages cached after the run, for the memory figures (default {MORE_PAGES})",
    )
    args = parser.parse_args()
    run = measure(args)
    text = markdown(run)
    print(text)
    replace_section(DOCS, "served", text)
    say(f"Wrote the section 'served' of {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
