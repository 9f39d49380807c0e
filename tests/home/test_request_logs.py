"""Operators can follow one request through the logs, as plain text or JSON lines."""

import json

from django.test import SimpleTestCase

from tests.subprocesses import PRODUCTION_ENV, run_python

# One request through the real middleware and logging configuration of production settings.
REQUEST = """
import logging, sys
sys.path.insert(0, "site")
import django
django.setup()
from django.http import HttpResponse
from django.test import RequestFactory
from home.request_id import RequestIdMiddleware

def view(request):
    logging.getLogger("membership").warning("Stored the application from %s", "札幌市")
    return HttpResponse()

headers = {"X-Request-ID": sys.argv[1]} if len(sys.argv) > 1 else {}
response = RequestIdMiddleware(view)(RequestFactory().get("/en/", headers=headers))
print(response["X-Request-ID"])
"""


class RequestLogTests(SimpleTestCase):
    def run_request(self, log_format: str, *args: str):
        env = {**PRODUCTION_ENV, "LOG_FORMAT": log_format, "PATH": "/usr/bin:/bin"}
        result = run_python("-c", REQUEST, *args, env=env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip(), result.stderr.strip().splitlines()

    def test_json_lines_carry_level_logger_message_and_the_responses_request_id(self):
        request_id, lines = self.run_request("json")
        self.assertEqual(len(lines), 1, lines)
        record = json.loads(lines[0])
        self.assertEqual(record["level"], "WARNING")
        self.assertEqual(record["logger"], "membership")
        self.assertEqual(record["message"], "Stored the application from 札幌市")
        self.assertEqual(record["request_id"], request_id)
        self.assertRegex(request_id, r"^[0-9a-f]{32}$")

    def test_a_proxys_request_id_is_kept_and_a_forged_one_replaced(self):
        request_id, lines = self.run_request("plain", "nginx-3f2a9c1d")
        self.assertEqual(request_id, "nginx-3f2a9c1d")
        self.assertIn("[nginx-3f2a9c1d]", lines[0])
        request_id, lines = self.run_request("plain", "x\nFAKE ERROR line")
        self.assertNotIn("FAKE", request_id + "".join(lines))
        self.assertRegex(request_id, r"^[0-9a-f]{32}$")
        self.assertIn(f"[{request_id}]", lines[0])
