"""What a test needs to start the site as a separate server: a free port, a database of its own,
gunicorn started as the production recipe starts it, and a way to wait for and stop it."""

import http.client
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

import psycopg

from tests.subprocesses import ROOT

GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"


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


def wait_until_serving(
    port: int, process: subprocess.Popen, log: Path, timeout: float = 60
) -> None:
    """Return once the server on `port` answers /healthz; fail with its log if it stops or hangs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"The server stopped:\n{log.read_text()[-3000:]}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    raise AssertionError(f"The server did not start within {timeout} s:\n{log.read_text()[-3000:]}")


def start_gunicorn(
    env: dict[str, str], *, port: int, log: Path, workers: int = 1
) -> subprocess.Popen:
    """gunicorn with the repo's config file on 127.0.0.1:`port`, serving; output in `log`.

    The caller stops it (`stop`).
    """
    command = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONFIG)]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        wait_until_serving(port, process, log)
    except BaseException:
        stop(process)
        raise
    return process
