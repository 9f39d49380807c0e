"""A live copy of the demo site for the hostile suite, on a throwaway database and folder,
served by gunicorn with production settings and by `make run`'s development server."""

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.live_servers import free_port, server_database, stop, wait_until_serving
from tests.subprocesses import PRODUCTION_ENV, ROOT, run_python


@dataclass(frozen=True)
class LiveServer:
    name: str
    port: int
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def throwaway_database(var_dir: str) -> Iterator[str]:
    """A DATABASE_URL for a new, empty database (PostgreSQL where the tests use it), dropped after."""
    url, drop = server_database(Path(var_dir))
    try:
        yield url
    finally:
        drop()


SERVERS = {
    # What the README's production recipe runs (without the proxy in front: plain HTTP here).
    "production settings on gunicorn": {
        "env": {**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": "false"},
        "command": ["-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "config.wsgi", "--bind"],
    },
    # What `make run` runs.
    "make run's development server": {
        "env": {"DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        "command": ["manage.py", "runserver", "--noreload"],
    },
}


@contextmanager
def _serve(name: str, *, env: dict[str, str], var_dir: Path) -> Iterator[LiveServer]:
    port = free_port()
    env = {**env, **SERVERS[name]["env"], "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}"}
    log = var_dir / f"server-{port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, *SERVERS[name]["command"], f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_serving(port, process, log)
        yield LiveServer(name=name, port=port, log=log)
    finally:
        stop(process)


@contextmanager
def live_demo_sites() -> Iterator[dict[str, LiveServer]]:
    """The demo site, built once as the production recipe builds it, served by each of SERVERS
    on a free port (all on the one throwaway database); every server stopped afterwards."""
    with tempfile.TemporaryDirectory() as var_dir, throwaway_database(var_dir) as database_url:
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        env.update(
            PRODUCTION_ENV,
            VAR_DIR=var_dir,
            STATIC_ROOT=str(Path(var_dir) / "static"),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
        )
        if database_url:
            env["DATABASE_URL"] = database_url
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["setup_roles"],
            ["load_demo_content"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            result = run_python("manage.py", *command, env=env, timeout=600)
            assert result.returncode == 0, f"{command}: {result.stderr[-3000:]}"
        with ExitStack() as servers:
            yield {
                name: servers.enter_context(_serve(name, env=env, var_dir=Path(var_dir)))
                for name in SERVERS
            }
