"""The nginx files an operator installs: accepted by nginx, and letting every upload the site takes."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from tests.deploy.nginx import NGINX, require_nginx
from tests.subprocesses import ROOT

DEPLOY = ROOT / "deploy" / "nginx"
UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def nginx_body_limit() -> int:
    text = (DEPLOY / "proxy.conf").read_text()
    number, unit = re.search(r"^client_max_body_size (\d+)([kmg]?);", text, re.M).groups()
    return int(number) * UNITS[unit]


def as_installed(folder: Path) -> Path:
    """network-site.conf with its CHANGE lines filled in for `folder`, wrapped as nginx.conf."""
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=www.example.org"),
            *("-keyout", folder / "key.pem", "-out", folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = (DEPLOY / "network-site.conf").read_text()
    for production, here in (
        ("/etc/letsencrypt/live/www.example.org/fullchain.pem", folder / "cert.pem"),
        ("/etc/letsencrypt/live/www.example.org/privkey.pem", folder / "key.pem"),
        ("/srv/network-site/deploy/nginx", DEPLOY),
        ("/srv/network-site/var", folder),
    ):
        assert production in site, production
        site = site.replace(production, str(here))
    (folder / "site.conf").write_text(site)
    config = folder / "nginx.conf"
    config.write_text(
        f"events {{}}\nhttp {{\n include /etc/nginx/mime.types;\n include {folder}/site.conf;\n}}\n"
    )
    return config


class NginxConfigTests(SimpleTestCase):
    def test_nginx_accepts_the_largest_image_wagtail_accepts_with_its_form(self):
        form_around_the_file = 64 * 1024
        self.assertGreaterEqual(
            nginx_body_limit(), settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + form_around_the_file
        )

    def test_nginx_refuses_bodies_far_beyond_anything_the_site_accepts(self):
        self.assertLessEqual(nginx_body_limit(), 2 * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)

    def test_nginx_accepts_the_production_server_file_once_its_names_and_paths_are_set(self):
        require_nginx()
        folder = Path(tempfile.mkdtemp(prefix="nginx-config-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        config = as_installed(folder)
        result = subprocess.run(
            [
                NGINX,
                "-t",
                "-p",
                folder,
                "-e",
                folder / "error.log",
                "-c",
                config,
                "-g",
                "pid x.pid;",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("test is successful", result.stderr)
