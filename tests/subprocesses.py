"""The project's own commands run in a child process from the checkout, as `make` or a deploy would."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(*args: str, env: dict[str, str], timeout: int) -> subprocess.CompletedProcess:
    """`python *args` in the checkout with exactly `env`; output kept, a failure returned, not raised."""
    command, output = [sys.executable, *args], {"capture_output": True, "text": True}
    return subprocess.run(command, cwd=ROOT, env=env, timeout=timeout, check=False, **output)


# The least a production server needs to start: settings module, secret key and sender.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "test-only-" + "k" * 50,
    "DEFAULT_FROM_EMAIL": "no-reply@example.org",
}

# What the test run's own environment may say about the site; a production child gets none of it.
SITE_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "MULTI_SERVER",
    "WEB_CONCURRENCY",
}


def production_environment(**overrides: str) -> dict[str, str]:
    """This environment without the site's own variables, with production settings and `overrides`."""
    inherited = {key: value for key, value in os.environ.items() if key not in SITE_VARIABLES}
    return {**inherited, **PRODUCTION_ENV, **overrides}
