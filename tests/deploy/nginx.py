"""Debian's nginx for the deploy tests: installed by `make nginx`, required in CI."""

import os
import shutil
import unittest
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def require_nginx() -> None:
    """Skip the test where nginx is absent, except in CI, where it must run."""
    if Path(NGINX).exists():
        return
    if os.environ.get("CI", "").lower() == "true":
        raise AssertionError("CI=true needs nginx for this test: run `make nginx`.")
    raise unittest.SkipTest("nginx is not installed: `make nginx` (apt-get install nginx).")
