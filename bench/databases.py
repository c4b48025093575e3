"""Databases of a benchmark's own, made afresh, and the child process that measures in one.

For the benchmarks that make their data in seconds (bench/forum.py, bench/digests.py): each engine gets
an empty database (a SQLite file under var/, a PostgreSQL database named from BENCH_PG_NAME, so that
engineers sharing a server keep theirs apart), and a child process with DATABASE_URL set migrates it,
makes the data, measures and prints JSON, since Django binds its database once per process.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ARGS = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
NO_POSTGRESQL = "PostgreSQL was not measured: `pg_isready` found no server on 127.0.0.1:5432."


def pg_name(suffix: str) -> str:
    """ibis_bench_SUFFIX, or BENCH_PG_NAME_SUFFIX: a name of your own on a shared server."""
    return f"{os.environ.get('BENCH_PG_NAME', 'ibis_bench')}_{suffix}"


def fresh_database(engine: str, *, sqlite_path: Path, pg_name: str) -> str | None:
    """The URL of an empty database for the engine ("sqlite" or "postgresql"), dropped and made again;
    None when no PostgreSQL server answers."""
    if engine == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            sqlite_path.with_name(sqlite_path.name + suffix).unlink(missing_ok=True)
        sqlite_path.parent.mkdir(exist_ok=True)
        return f"sqlite:///{sqlite_path}"
    if subprocess.run(["pg_isready", *PG_ARGS], capture_output=True).returncode != 0:
        return None
    # --force ends the connections a crashed earlier run may have left open.
    subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", pg_name], check=True)
    subprocess.run(["createdb", *PG_ARGS, pg_name], check=True)
    return f"postgres://postgres@127.0.0.1:5432/{pg_name}"


def run_child(script: str, url: str, args: list[str], env: dict[str, str] | None = None) -> dict:
    """Runs `script --child ARGS` with DATABASE_URL=url (no debug, no static manifest, a cache in the
    process's memory) and returns the JSON it prints; stops the benchmark if it fails."""
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "CACHE_URL": "locmemcache://",
        **(env or {}),
    }
    done = subprocess.run(
        [sys.executable, str(Path(script).resolve()), "--child", *args],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"bench/{Path(script).name} failed on {url} (exit status {done.returncode})")
    return json.loads(done.stdout)
