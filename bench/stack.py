"""The production stack on this machine: a throwaway database, a Redis database, gunicorn.

Everything started is stopped and removed when the `with` block ends, however it ends.
"""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://root@127.0.0.1:5432")
# A Redis database of its own, emptied before and after the run.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
WORKERS = 2
SETUP_COMMANDS = (
    ["migrate", "--noinput", "-v0"],
    ["setup_roles"],
    ["load_demo_content"],
    ["create_benchmark_event", "--sessions", "100"],
    ["rebuild_search_index"],
    ["collectstatic", "--noinput", "-v0"],
)


@dataclass(frozen=True)
class Stack:
    """Where the running site answers, and gunicorn's master process."""

    base_url: str
    gunicorn: subprocess.Popen
    folder: Path

    def worker_pids(self) -> list[int]:
        """gunicorn's worker processes (the master's children)."""
        pid = self.gunicorn.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]


@dataclass(frozen=True)
class WorkerMemory:
    """A worker's memory in MB: resident (VmRSS), its proportional share of pages it shares
    with other processes (PSS), and what is its alone (private)."""

    rss: float
    pss: float
    private: float


def worker_memory(pid: int) -> WorkerMemory:
    """From /proc/<pid>/smaps_rollup (Linux 4.14+)."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value) / 1024
    return WorkerMemory(
        rss=fields["Rss"],
        pss=fields["Pss"],
        private=fields["Private_Clean"] + fields["Private_Dirty"],
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _database() -> Iterator[str]:
    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def _redis_database() -> Iterator[str]:
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    try:
        yield REDIS_URL
    finally:
        client.flushdb()
        client.close()


@contextlib.contextmanager
def _folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def environment(*, database_url: str, redis_url: str, folder: Path, port: int) -> dict[str, str]:
    """Production settings as the README's recipe sets them, on loopback without TLS."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "MULTI_SERVER"}
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-" + uuid.uuid4().hex * 2,
        "DEFAULT_FROM_EMAIL": "no-reply@example.org",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "VAR_DIR": str(folder / "var"),
        "STATIC_ROOT": str(folder / "static"),
        "LOG_LEVEL": "WARNING",
    }


def _manage(*args: str, env: dict[str, str]) -> None:
    print(f"  manage.py {' '.join(args)}", flush=True)
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_serving(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
        finally:
            connection.close()
    raise RuntimeError(f"gunicorn did not answer /healthz:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def production_stack() -> Iterator[Stack]:
    """The demo plus a 100-session forum in both languages, served by gunicorn with 2 workers."""
    with contextlib.ExitStack() as cleanup:
        folder = cleanup.enter_context(_folder())
        database_url = cleanup.enter_context(_database())
        redis_url = cleanup.enter_context(_redis_database())
        port = _free_port()
        env = environment(database_url=database_url, redis_url=redis_url, folder=folder, port=port)
        for command in SETUP_COMMANDS:
            _manage(*command, env=env)
        # The pages built above are not what is measured: start with an empty page cache.
        redis.Redis.from_url(redis_url).flushdb()
        log = folder / "gunicorn.log"
        with log.open("w") as output:
            gunicorn = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy/gunicorn.conf.py")],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        cleanup.callback(_stop, gunicorn)
        _wait_until_serving(port, gunicorn, log)
        yield Stack(base_url=f"http://127.0.0.1:{port}", gunicorn=gunicorn, folder=folder)
