"""A visitor's malformed request gets a 400 in their language and one warning line in the log."""

from django.test import Client, TestCase, override_settings

from tests.factories import make_site

SECURITY_LOGGER = "django.security"


@override_settings(ALLOWED_HOSTS=["testserver"], DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
class ClientFaultTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site(japanese=True)

    def assert_one_warning_line(self, logs, *, containing: str) -> None:
        self.assertEqual(len(logs.records), 1, logs.output)
        record = logs.records[0]
        self.assertEqual(record.levelname, "WARNING")
        self.assertIsNone(record.exc_info, "a client's fault carries no traceback")
        self.assertIsNone(record.exc_text)
        self.assertNotIn("\n", record.getMessage())
        self.assertIn(containing, record.getMessage())

    def test_a_host_the_site_does_not_serve_is_a_400_and_a_warning(self):
        with self.assertLogs(SECURITY_LOGGER, level="DEBUG") as logs:
            response = self.client.get("/en/", headers={"host": "evil.example"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "The request could not be read", status_code=400)
        self.assert_one_warning_line(logs, containing="evil.example")

    def test_the_400_page_speaks_japanese_under_ja(self):
        with self.assertLogs(SECURITY_LOGGER, level="DEBUG"):
            response = self.client.get("/ja/", headers={"host": "evil.example:99999"})
        self.assertContains(response, "リクエストを読み取れませんでした", status_code=400)
        self.assertContains(response, '<html lang="ja">', status_code=400)

    def post_with_csrf_cookie(self, body: str):
        """A form post the CSRF check reads (so Django parses the body), with its log records."""
        client = Client(enforce_csrf_checks=True)
        client.cookies["csrftoken"] = "x" * 32
        with self.assertLogs(SECURITY_LOGGER, level="DEBUG") as logs:
            response = client.post("/en/", body, content_type="application/x-www-form-urlencoded")
        return response, logs

    def test_an_oversize_body_is_a_400_and_a_warning(self):
        response, logs = self.post_with_csrf_cookie("a=" + "x" * 5000)
        self.assertEqual(response.status_code, 400)
        self.assert_one_warning_line(logs, containing="exceeded")

    @override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=10)
    def test_too_many_fields_is_a_400_and_a_warning(self):
        response, logs = self.post_with_csrf_cookie("&".join(f"f{n}=1" for n in range(50)))
        self.assertEqual(response.status_code, 400)
        self.assert_one_warning_line(logs, containing="parameters exceeded")
