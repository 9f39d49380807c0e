"""What a test needs to start the site as a separate server: a free port and a database of its own."""

import socket
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

import psycopg


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_database(var_dir: Path) -> tuple[str, Callable[[], None]]:
    """A database URL for the server, and a function that removes it afterwards.

    A fresh SQLite file in `var_dir`, or a throwaway PostgreSQL database when the suite runs on
    PostgreSQL (always in CI), so the server is tested on the engine production uses.
    """
    database = settings.DATABASES["default"]
    if "postgresql" not in database["ENGINE"]:
        return f"sqlite:///{var_dir / 'server.sqlite3'}", lambda: None
    name = f"server_{uuid.uuid4().hex[:12]}"
    params = {
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    auth = database.get("USER") or ""
    if database.get("PASSWORD"):
        auth += f":{database['PASSWORD']}"
    host = f"{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}"
    return f"postgres://{auth}@{host}/{name}", drop


def stop(process: subprocess.Popen) -> None:
    """Stop a server started by a test: politely, then for sure."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
