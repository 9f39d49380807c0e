"""Production configuration comes from the environment and refuses to start unsafely."""

import os
import subprocess

from django.test import SimpleTestCase

from tests.subprocesses import PRODUCTION_ENV, ROOT, run_python


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "DATABASE_URL",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DEFAULT_FROM_EMAIL",
        }
    }
    environment.update(env)
    return run_python(str(ROOT / "manage.py"), *args, env=environment, timeout=120)


class ProductionSettingsTests(SimpleTestCase):
    def test_production_refuses_to_start_without_a_secret_key(self):
        result = manage("check", DJANGO_SETTINGS_MODULE="config.settings.production")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY is not set", result.stderr)

    def test_production_refuses_to_start_without_a_sender_address(self):
        result = manage(
            "check",
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY="k" * 20 + "-a-long-random-production-secret-key-0123456789",
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DEFAULT_FROM_EMAIL is not set", result.stderr)

    def test_production_passes_the_deployment_checklist(self):
        result = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY="k" * 20 + "-a-long-random-production-secret-key-0123456789",
            ALLOWED_HOSTS="www.example.org",
            CSRF_TRUSTED_ORIGINS="https://www.example.org",
            DATABASE_URL="postgres://root@127.0.0.1:5432/postgres",
            BEHIND_TLS_PROXY="true",
            DEFAULT_FROM_EMAIL="no-reply@example.org",
        )
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)

    def test_production_with_several_workers_refuses_a_cache_each_worker_keeps_alone(self):
        production = {**PRODUCTION_ENV, "WEB_CONCURRENCY": "3"}
        check = manage("check", **production)
        self.assertNotEqual(check.returncode, 0)
        self.assertIn("home.E001", check.stderr)
        self.assertIn("Set REDIS_URL", check.stderr)
        # gunicorn runs no system checks: the WSGI entry point refuses by itself.
        load_wsgi = "import sys; sys.path.insert(0, 'site'); import config.wsgi"
        served = run_python("-c", load_wsgi, env=production, timeout=60)
        self.assertNotEqual(served.returncode, 0)
        self.assertIn("Set REDIS_URL", served.stderr)

        shared = manage("check", REDIS_URL="redis://127.0.0.1:6379/9", **production)
        self.assertEqual(shared.returncode, 0, shared.stderr)
