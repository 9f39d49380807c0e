"""Live servers: Varnish in front forgets exactly what a publish changed, and a second app server
serves the new version within a second.

gunicorn with production settings on the test database (PostgreSQL: the pages are committed,
so the servers read them) and a Redis database of its own; Debian's Varnish with deploy/varnish.vcl.
"""

import datetime
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import TransactionTestCase, override_settings
from django.utils import timezone

from wagtail.models import PageLogEntry

from bs4 import BeautifulSoup

from membership.models import OutgoingEmail
from tests.factories import StandardPageFactory, add_session, eastern, make_event, translate
from tests.live_servers import free_port, start_gunicorn, stop, wait_until_serving
from tests.live_services import S3_CREDENTIALS, redis_cache, require_redis, s3_bucket
from tests.membership.smtp import Inbox, smtp_server
from tests.subprocesses import PRODUCTION_ENV, ROOT, run_python

REDIS_DATABASE = 11
# The same cache the servers use (base.py with REDIS_URL), so a publish here reaches them.
SHARED_CACHE = redis_cache(database=REDIS_DATABASE)
HOST = "localhost"  # the default Site's host name: pages' full URLs, hence the purged ones
VARNISH = shutil.which("varnishd") or "/usr/sbin/varnishd"


def fetch(port: int, path: str) -> tuple[int, dict[str, str], str]:
    """A visitor's GET with no cookies: status, headers (lower-case names) and page."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        client.request("GET", path, headers={"Host": HOST})
        response = client.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, response.read().decode()
    finally:
        client.close()


def database_url() -> str:
    database = settings.DATABASES["default"]
    auth = database.get("USER") or ""
    if database.get("PASSWORD"):
        auth += f":{database['PASSWORD']}"
    host = f"{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}"
    return f"postgres://{auth}@{host}/{connection.settings_dict['NAME']}"


@unittest.skipUnless(
    "postgresql" in settings.DATABASES["default"]["ENGINE"],
    "app servers share the test database only on PostgreSQL (CI=true)",
)
@override_settings(CACHES=SHARED_CACHE)
class LiveCacheTestCase(TransactionTestCase):
    # The flush after each test must give the other tests back Wagtail's root page and locales.
    serialized_rollback = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.workdir = Path(tempfile.mkdtemp(prefix="live-cache-"))
        cls.addClassCleanup(shutil.rmtree, cls.workdir, ignore_errors=True)
        cls.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
            **PRODUCTION_ENV,
            "DATABASE_URL": database_url(),
            "REDIS_URL": SHARED_CACHE["default"]["LOCATION"],
            "MULTI_SERVER": "true",
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "VAR_DIR": str(cls.workdir),
            "STATIC_ROOT": str(cls.workdir / "static"),
        }
        # Production serves hashed static files from STATIC_ROOT, as a deploy builds it.
        result = run_python(
            "manage.py", "collectstatic", "--noinput", "-v0", env=cls.env, timeout=120
        )
        if result.returncode:
            raise AssertionError(result.stderr)

    def setUp(self):
        require_redis(self)
        cache.clear()  # this Redis database is the live tests' own

    def serve(self, **env_changes: str) -> int:
        """A gunicorn app server with production settings; its port."""
        port = free_port()
        log = self.workdir / f"gunicorn-{port}.log"
        server = start_gunicorn({**self.env, **env_changes}, port=port, log=log, workers=2)
        self.addCleanup(stop, server)
        return port


class VarnishPurgeTests(LiveCacheTestCase):
    """Debian's Varnish with deploy/varnish.vcl in front of one app server."""

    def start_varnish(self, *, backend_port: int) -> int:
        if not Path(VARNISH).exists():
            self.fail(
                "Varnish is missing: `make test` installs it with CI=true (apt-get install varnish)."
            )
        vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
        self.assertIn('.port = "8000";', vcl)
        workdir = Path(tempfile.mkdtemp(prefix="varnish-"))
        self.addCleanup(shutil.rmtree, workdir, ignore_errors=True)
        workdir.chmod(0o755)  # varnishd compiles the VCL as its own unprivileged user
        (workdir / "site.vcl").write_text(vcl.replace('"8000"', f'"{backend_port}"'))
        (workdir / "site.vcl").chmod(0o644)
        port = free_port()
        command = [VARNISH, "-F", "-n", str(workdir / "state"), "-f", str(workdir / "site.vcl")]
        command += ["-a", f"127.0.0.1:{port}", "-s", "malloc,32m", "-T", "none"]
        log = workdir / "varnishd.log"
        with log.open("w") as output:
            varnish = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        self.addCleanup(stop, varnish)
        wait_until_serving(port, varnish, log)
        return port

    def test_publishing_purges_both_languages_and_the_pages_that_list_it(self):
        event = make_event(japanese=True, title="Forum")
        add_session(event, title="Opening", start=eastern(2022, 3, 8, 20, 0))
        translate(event, title="フォーラム")
        StandardPageFactory(parent=event.get_parent().get_parent(), title="About", slug="about")
        varnish = self.start_varnish(backend_port=self.serve())
        affected = ["/en/events/forum/", "/ja/events/forum/", "/en/events/", "/ja/events/", "/en/"]
        unrelated = "/en/about/"
        for path in [*affected, unrelated]:
            fetch(varnish, path)
        for path in [*affected, unrelated]:
            status, headers, _page = fetch(varnish, path)
            self.assertEqual((status, headers["x-cache"]), (200, "hit"), path)
        self.assertIn("Forum", fetch(varnish, "/en/events/")[2])

        purge_to = {"http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}}
        purge_to["http"]["LOCATION"] = f"http://127.0.0.1:{varnish}"
        with override_settings(WAGTAILFRONTENDCACHE=purge_to):
            event.title = "Zero-carbon forum"
            event.save_revision().publish()

        for path in affected:
            status, headers, page = fetch(varnish, path)
            self.assertEqual((status, headers["x-cache"]), (200, "miss"), path)
            if path.startswith("/en/"):
                self.assertIn("Zero-carbon forum", page, path)
        self.assertIn("フォーラム", fetch(varnish, "/ja/events/")[2])
        # A page that does not show the event stays in Varnish: the purge was precise.
        self.assertEqual(fetch(varnish, unrelated)[1]["x-cache"], "hit")

    def test_anonymous_pages_are_kept_and_personal_ones_passed(self):
        make_event(title="Forum")
        varnish = self.start_varnish(backend_port=self.serve())
        fetch(varnish, "/en/events/forum/")
        status, headers, _page = fetch(varnish, "/en/events/forum/")
        self.assertEqual((status, headers["x-cache"]), (200, "hit"))
        client = http.client.HTTPConnection("127.0.0.1", varnish, timeout=30)
        client.request("GET", "/en/events/forum/", headers={"Host": HOST, "Cookie": "sessionid=x"})
        response = client.getresponse()
        response.read()
        client.close()
        self.assertEqual(response.getheader("X-Cache"), "miss")
        self.assertIn("private", response.getheader("Cache-Control"))
        # Only the app servers on this machine may purge; the test reaches Varnish from there.
        client = http.client.HTTPConnection("127.0.0.1", varnish, timeout=30)
        client.request("PURGE", "/en/events/forum/", headers={"Host": HOST})
        self.assertEqual(client.getresponse().status, 200)
        client.close()


class TwoAppServersTests(LiveCacheTestCase):
    """Two gunicorn servers sharing one PostgreSQL database and one Redis."""

    def test_a_change_published_by_one_server_is_served_by_the_other_within_a_second(self):
        event = make_event(title="Forum")
        server_a, server_b = self.serve(), self.serve()
        fetch(server_b, "/en/events/forum/")
        status, headers, page = fetch(server_b, "/en/events/forum/")
        self.assertEqual((status, headers["x-page-cache"]), (200, "hit"))
        self.assertNotIn("Zero-carbon forum", page)
        self.assertEqual(fetch(server_a, "/en/events/forum/")[1]["x-page-cache"], "hit")

        # A moderator scheduled the new title; server A's cron publishes it.
        event.title = "Zero-carbon forum"
        event.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(seconds=1))
        result = run_python("manage.py", "publish_scheduled", env=self.env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        published = time.monotonic()
        while "Zero-carbon forum" not in fetch(server_b, "/en/events/forum/")[2]:
            self.assertLess(time.monotonic() - published, 1.0, "server B still serves the old page")
            time.sleep(0.05)
        self.assertLessEqual(time.monotonic() - published, 1.0)

    def test_every_servers_cron_runs_the_jobs_and_each_change_and_e_mail_happens_once(self):
        event = make_event(title="Forum")
        event.title = "Zero-carbon forum"
        event.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(seconds=1))
        email = OutgoingEmail.objects.create(
            purpose="test", to="team@example.org", subject="New application", body="Hello."
        )
        # A slow mail server keeps both senders at work at once: only the outbox's claim
        # stops the second from sending the same e-mail.
        with smtp_server(Inbox(delay=2)) as (smtp_port, inbox):
            env = {
                **self.env,
                "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(smtp_port),
            }
            # Both servers' cron entries start at the same minute.
            crons = [
                subprocess.Popen(
                    [
                        "/bin/sh",
                        "-c",
                        f"{sys.executable} manage.py publish_scheduled && "
                        f"{sys.executable} manage.py send_pending_emails",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for _server in ("A", "B")
            ]
            for cron in crons:
                self.assertEqual(cron.wait(timeout=120), 0, cron.stderr.read())
            delivered = len(inbox.messages)
        published = PageLogEntry.objects.filter(page=event, action="wagtail.publish.scheduled")
        self.assertEqual(published.count(), 1)
        self.assertEqual(delivered, 1)
        email.refresh_from_db()
        self.assertEqual(email.status, OutgoingEmail.Status.SENT)

    def test_an_image_stored_by_one_server_is_shown_by_the_other(self):
        event = make_event(title="Forum")
        with s3_bucket("network-media") as (endpoint, _client):
            storage = {
                **S3_CREDENTIALS,
                "AWS_STORAGE_BUCKET_NAME": "network-media",
                "AWS_S3_ENDPOINT_URL": endpoint,
                "AWS_S3_REGION_NAME": "us-east-1",
            }
            # Server A stores an upload through the configured storage, as its admin's upload
            # view does, and an editor makes it the event's picture.
            result = run_python(
                "-c",
                UPLOAD_EVENT_PICTURE.format(event=event.pk),
                env={**self.env, **storage, "VAR_DIR": str(self.workdir / "a")},
                timeout=120,
            )
            self.assertEqual(result.returncode, 0, result.stderr)
            server_b = self.serve(**storage, VAR_DIR=str(self.workdir / "b"))
            status, _headers, page = fetch(server_b, "/en/events/forum/")
            self.assertEqual(status, 200)
            picture = BeautifulSoup(page, "html.parser").select_one("main img")
            self.assertTrue(picture["src"].startswith(f"{endpoint}/network-media/"), picture)
            with urllib.request.urlopen(picture["src"], timeout=10) as response:  # noqa: S310
                self.assertEqual(response.headers["Content-Type"], "image/jpeg")
        # Server B kept nothing of its own: the original and its sizes are all in the bucket.
        self.assertFalse((self.workdir / "b" / "media").exists())


# What server A runs: the same storage code as an upload through its admin.
UPLOAD_EVENT_PICTURE = """
import io, sys
sys.path.insert(0, "site")
import django
django.setup()
from django.core.files.images import ImageFile
from PIL import Image as Pillow
from wagtail.images.models import Image
from events.models import EventPage
buffer = io.BytesIO()
Pillow.new("RGB", (1600, 900), "#00558c").save(buffer, "PNG")
image = Image.objects.create(title="Forum hall", file=ImageFile(buffer, name="hall.png"))
event = EventPage.objects.get(pk={event})
event.hero_image = image
event.save_revision().publish()
"""
