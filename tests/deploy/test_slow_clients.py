"""Slow visitors wait in nginx, not in gunicorn: ten slow uploads leave a page answered within 1 s.

And nginx compresses pages for browsers that take gzip.

The production recipe, started for real: gunicorn with deploy/gunicorn.conf.py and production
settings (one sync worker, the fewest there can be), behind Debian's nginx with
deploy/nginx/proxy.conf. nginx is installed by `make nginx` (part of `make test`).
"""

import gzip
import http.client
import select
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from django.test import SimpleTestCase

from tests.deploy.nginx import NGINX, require_nginx
from tests.live_servers import free_port, server_database, start_gunicorn, stop, wait_until_serving
from tests.subprocesses import ROOT, production_environment, run_python

SLOW_UPLOADS = 10
# The one measured bound the issue asks for.
PAGE_BOUND_SECONDS = 1.0
# A full page (base template, menus, a database query) that needs no demo content.
PAGE = "/en/search/?q=network"
# How long to wait for a page straight from gunicorn, for the contrast (reported, not asserted).
DIRECT_PATIENCE_SECONDS = 5.0

NGINX_CONF = """
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream network_site {{ server 127.0.0.1:{gunicorn_port}; }}
    server {{
        listen 127.0.0.1:{nginx_port};
        set $site_var_dir {var_dir};
        include {proxy_conf};
    }}
}}
"""


class SlowUploads:
    """Visitors posting a large form a few bytes a second, as long as the block lasts."""

    def __init__(self, *, port: int, count: int):
        # A CSRF cookie makes Django read the body to find the form's token, as for a real form.
        headers = (
            "POST /en/search/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Cookie: csrftoken={'a' * 32}\r\nContent-Length: 1000000\r\n\r\n"
        )
        self.sockets = [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]
        for connection in self.sockets:
            connection.sendall(headers.encode())
        self.stopped = threading.Event()
        self.trickle = threading.Thread(target=self.send_slowly, daemon=True)

    def send_slowly(self) -> None:
        while not self.stopped.wait(0.5):
            for connection in self.sockets:
                try:
                    connection.send(b"a=b&")
                except OSError:
                    continue

    def still_sending(self) -> int:
        """How many uploads the server has neither answered nor dropped."""
        readable, _, _ = select.select(self.sockets, [], [], 0)
        return len(self.sockets) - len(readable)

    def __enter__(self) -> "SlowUploads":
        self.trickle.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopped.set()
        self.trickle.join()
        for connection in self.sockets:
            connection.close()


def timed_get(port: int, *, timeout: float) -> tuple[int | None, float]:
    """The page's status and seconds taken; no status if it took longer than `timeout`."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", PAGE)
        response = connection.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    except TimeoutError:
        return None, time.monotonic() - started
    finally:
        connection.close()


class SlowClientTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_nginx()
        cls.prefix = Path(tempfile.mkdtemp(prefix="slow-clients-"))
        cls.addClassCleanup(shutil.rmtree, cls.prefix, ignore_errors=True)
        # nginx's workers run as an unprivileged user when started as root: let them in.
        cls.prefix.chmod(0o755)
        database_url, drop_database = server_database(cls.prefix)
        cls.addClassCleanup(drop_database)
        cls.gunicorn_port, cls.nginx_port = free_port(), free_port()
        env = production_environment(
            DATABASE_URL=database_url,
            VAR_DIR=str(cls.prefix / "var"),
            STATIC_ROOT=str(cls.prefix / "static"),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            WEB_CONCURRENCY="1",
            LOG_LEVEL="WARNING",
        )
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            result = run_python("manage.py", *command, env=env, timeout=300)
            assert result.returncode == 0, f"{command}: {result.stderr[-3000:]}"
        cls.start_gunicorn(env)
        cls.start_nginx()

    @classmethod
    def start_gunicorn(cls, env: dict[str, str]) -> None:
        gunicorn = start_gunicorn(env, port=cls.gunicorn_port, log=cls.prefix / "gunicorn.log")
        cls.addClassCleanup(stop, gunicorn)

    @classmethod
    def start_nginx(cls) -> None:
        config = cls.prefix / "nginx.conf"
        config.write_text(
            NGINX_CONF.format(
                prefix=cls.prefix,
                gunicorn_port=cls.gunicorn_port,
                nginx_port=cls.nginx_port,
                var_dir=cls.prefix / "var",
                proxy_conf=ROOT / "deploy/nginx/proxy.conf",
            )
        )
        log = cls.prefix / "nginx-error.log"
        settings = f"daemon off; pid {cls.prefix / 'nginx.pid'};"
        nginx = subprocess.Popen(
            [NGINX, "-p", cls.prefix, "-e", log, "-c", config, "-g", settings],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        cls.addClassCleanup(stop, nginx)
        wait_until_serving(cls.nginx_port, nginx, log)

    def test_ten_slow_uploads_leave_a_page_answered_within_a_second_through_nginx(self):
        with SlowUploads(port=self.nginx_port, count=SLOW_UPLOADS) as uploads:
            time.sleep(2)  # every upload under way, as gunicorn alone would be stuck by now
            through_nginx = [timed_get(self.nginx_port, timeout=5) for _ in range(5)]
            still_sending = uploads.still_sending()
        with SlowUploads(port=self.gunicorn_port, count=SLOW_UPLOADS):
            time.sleep(1)
            direct_status, direct_seconds = timed_get(
                self.gunicorn_port, timeout=DIRECT_PATIENCE_SECONDS
            )
        slowest = max(seconds for _, seconds in through_nginx)
        direct = (
            f"{direct_seconds:.2f} s"
            if direct_status
            else f"no answer within {DIRECT_PATIENCE_SECONDS:.0f} s"
        )
        report = (
            f"{SLOW_UPLOADS} slow uploads: a page through nginx took at most {slowest:.3f} s "
            f"(5 requests); straight from gunicorn: {direct}."
        )
        print(report)
        for status, seconds in through_nginx:
            self.assertEqual(status, 200, report)
            self.assertLess(seconds, PAGE_BOUND_SECONDS, report)
        self.assertEqual(still_sending, SLOW_UPLOADS, "nginx cut the slow uploads short")
        # The same uploads straight at gunicorn's one sync worker leave a page unanswered: they
        # are heavy enough that only nginx's buffering explains the fast answers above.
        self.assertIsNone(direct_status, report)

    def test_uploaded_images_are_served_and_documents_are_left_to_wagtail(self):
        media = self.prefix / "var" / "media"
        for folder in ("images", "documents"):
            (media / folder).mkdir(parents=True, exist_ok=True)
            (media / folder / "sample.txt").write_text("uploaded")
        connection = http.client.HTTPConnection("127.0.0.1", self.nginx_port, timeout=10)
        self.addCleanup(connection.close)
        connection.request("GET", "/media/images/sample.txt")
        image = connection.getresponse()
        self.assertEqual((image.status, image.read()), (200, b"uploaded"))
        self.assertEqual(image.getheader("X-Content-Type-Options"), "nosniff")
        connection.request("GET", "/media/documents/sample.txt")
        document = connection.getresponse()
        document.read()
        self.assertEqual(document.status, 404)

    def test_pages_come_compressed_to_browsers_that_take_gzip_and_plain_to_others(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.nginx_port, timeout=10)
        self.addCleanup(connection.close)
        connection.request("GET", PAGE, headers={"Accept-Encoding": "gzip"})
        compressed = connection.getresponse()
        body = compressed.read()
        self.assertEqual(compressed.status, 200)
        self.assertEqual(compressed.getheader("Content-Encoding"), "gzip")
        self.assertIn("Accept-Encoding", compressed.getheader("Vary"))
        self.assertIn(b"</html>", gzip.decompress(body))
        connection.request("GET", PAGE)
        plain = connection.getresponse()
        self.assertIsNone(plain.getheader("Content-Encoding"))
        self.assertIn(b"</html>", plain.read())
