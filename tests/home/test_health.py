"""Load balancers can tell a live server from a ready one, and learn what is missing."""

import http.client
import json
import os
import shutil
import tempfile
from pathlib import Path

from django.test import SimpleTestCase, TestCase, override_settings

from tests.live_servers import free_port, start_gunicorn, stop
from tests.subprocesses import PRODUCTION_ENV

CLOSED_PORT = 9  # discard: nothing listens there on these machines


class HealthEndpointTests(TestCase):
    @override_settings(ALLOWED_HOSTS=["network.example"], SECURE_SSL_REDIRECT=True)
    def test_a_probe_by_address_over_plain_http_is_answered_without_the_database(self):
        with self.assertNumQueries(0):
            response = self.client.get("/healthz", headers={"host": "10.0.0.5:8000"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")
        self.assertEqual(response["Cache-Control"], "no-store")

    def test_ready_when_database_cache_and_storage_answer(self):
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {
                "status": "ok",
                "unavailable": [],
                "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
            },
        )


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "10.0.0.5"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class ProductionServerReadinessTests(SimpleTestCase):
    """A real gunicorn with production settings, one dependency taken away at a time."""

    def serve(self, **env_changes: str) -> int:
        workdir = Path(tempfile.mkdtemp(prefix="readyz-"))
        self.addCleanup(shutil.rmtree, workdir, ignore_errors=True)
        env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
            **PRODUCTION_ENV,
            "VAR_DIR": str(workdir),
            "MEDIA_ROOT": str(workdir / "media"),
            "SECURE_SSL_REDIRECT": "true",
            "ALLOWED_HOSTS": "network.example",
            **env_changes,
        }
        port = free_port()
        server = start_gunicorn(env, port=port, log=workdir / "gunicorn.log")
        self.addCleanup(stop, server)
        return port

    def readiness(self, port: int) -> tuple[int, dict]:
        status, body = get(port, "/readyz")
        return status, json.loads(body)

    def test_ready_with_everything_in_place(self):
        status, body = self.readiness(self.serve())
        self.assertEqual((status, body["status"]), (200, "ok"))

    def test_each_missing_dependency_is_named_while_the_process_stays_alive(self):
        cases = {
            "database": {"DATABASE_URL": f"postgres://root@127.0.0.1:{CLOSED_PORT}/none"},
            "cache": {"REDIS_URL": f"redis://127.0.0.1:{CLOSED_PORT}/0"},
            # A file where the uploads folder should be: nothing can be stored.
            "storage": {"MEDIA_ROOT": "/etc/hostname/media"},
        }
        for missing, env_changes in cases.items():
            with self.subTest(missing=missing):
                port = self.serve(**env_changes)
                status, body = self.readiness(port)
                self.assertEqual(status, 503)
                self.assertEqual(body["unavailable"], [missing])
                self.assertEqual(get(port, "/healthz")[0], 200)
