"""Browsers' reports of blocked content reach the log, one line each, without flooding it."""

import json

from django.core.cache import cache
from django.test import SimpleTestCase, override_settings

LEGACY = {
    "csp-report": {
        "document-uri": "https://example.org/en/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "source-file": "https://example.org/en/",
        "line-number": 12,
        "script-sample": "alert(1)",
    }
}
REPORTING_API = [
    {
        "type": "csp-violation",
        "url": "https://example.org/ja/",
        "body": {
            "documentURL": "https://example.org/ja/",
            "effectiveDirective": "img-src",
            "blockedURL": "https://tracker.example/pixel.gif",
        },
    },
    {"type": "deprecation", "body": {"message": "not ours"}},
]


class CspReportTests(SimpleTestCase):
    def setUp(self):
        cache.clear()

    def send(self, body, content_type="application/csp-report", **extra):
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        return self.client.post("/csp-report/", body, content_type=content_type, **extra)

    def test_a_report_uri_report_is_logged_as_one_warning(self):
        with self.assertLogs("home.csp_reports", "WARNING") as logs:
            response = self.send(LEGACY)
        self.assertEqual(response.status_code, 204)
        self.assertEqual(len(logs.output), 1)
        line = logs.output[0]
        self.assertIn("directive=script-src-elem", line)
        self.assertIn("blocked=inline", line)
        self.assertIn("document=https://example.org/en/", line)
        self.assertIn("sample=alert(1)", line)

    def test_a_reporting_api_batch_logs_each_csp_violation(self):
        with self.assertLogs("home.csp_reports", "WARNING") as logs:
            response = self.send(REPORTING_API, content_type="application/reports+json")
        self.assertEqual(response.status_code, 204)
        self.assertEqual(len(logs.output), 1, "the deprecation report is not a CSP violation")
        self.assertIn("blocked=https://tracker.example/pixel.gif", logs.output[0])

    def test_long_or_multiline_fields_stay_one_short_line(self):
        report = {"csp-report": {"blocked-uri": "x\ninjected line\r\n" + "y" * 5000}}
        with self.assertLogs("home.csp_reports", "WARNING") as logs:
            self.send(report)
        line = logs.output[0]
        self.assertNotIn("\n", line)
        self.assertLess(len(line), 400)

    def test_garbage_is_refused_without_a_server_error(self):
        for body, content_type in (
            (b"not json", "application/csp-report"),
            (b"\xff\xfe\x00", "application/csp-report"),
            (b"[1, 2]", "application/reports+json"),
            (b'{"csp-report": "x"}', "application/csp-report"),
            (b"[" * 5000 + b"]" * 5000, "application/csp-report"),
        ):
            with self.subTest(body=body[:20]):
                self.assertEqual(self.send(body, content_type=content_type).status_code, 400)

    def test_other_kinds_of_body_oversized_reports_and_other_methods_are_refused(self):
        self.assertEqual(self.send(LEGACY, content_type="text/plain").status_code, 415)
        huge = {"csp-report": {"blocked-uri": "x" * 20_000}}
        self.assertEqual(self.send(huge).status_code, 413)
        self.assertEqual(self.client.get("/csp-report/").status_code, 405)

    @override_settings(CSP_REPORT_RATE_LIMIT=(3, 60))
    def test_one_address_sending_too_many_reports_is_told_to_slow_down(self):
        with self.assertLogs("home.csp_reports", "WARNING"):
            statuses = [self.send(LEGACY).status_code for _ in range(4)]
        self.assertEqual(statuses, [204, 204, 204, 429])
        other = self.send(LEGACY, REMOTE_ADDR="192.0.2.7")
        self.assertEqual(other.status_code, 204, "another address is counted on its own")
