"""A copy of the whole database in one file, and back: SQLite's online backup API (a consistent copy
while the site runs), pg_dump's custom format for PostgreSQL."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class BackupError(Exception):
    pass


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def default_name() -> str:
    return "ibis.sqlite3" if _is_sqlite() else "ibis.pgdump"


def _pg_environment() -> tuple[list[str], dict]:
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    environment = {**os.environ}
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client)") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def database_backup(*, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if _is_sqlite():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return path
    arguments, environment = _pg_environment()
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(path), *arguments], environment)
    return path


def database_restore(*, path: Path) -> None:
    """Replaces everything in the database with the backup's content."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}")
    if _is_sqlite():
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return
    arguments, environment = _pg_environment()
    connection.close()  # our own connection must not hold the tables that pg_restore drops
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *arguments, str(path)],
        environment,
    )
