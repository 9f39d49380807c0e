"""The `make run` path on a fresh SQLite database: migrate, roles, demo content, every page 200."""

import os
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

from tests.subprocesses import ROOT, run_python

RENDER_EVERY_LIVE_PAGE = """
import django
django.setup()
from django.test import Client
from wagtail.models import Page
client = Client(HTTP_HOST="127.0.0.1")
pages = list(Page.objects.live().filter(depth__gt=1).specific())
assert len(pages) >= 4, pages
for page in pages:
    url = page.get_url()
    status = client.get(url).status_code
    print(status, url)
    assert status == 200, (url, status)
for path in ("/sitemap.xml", "/robots.txt", "/en/search/?q=network", "/ja/search/?q=%E8%87%AA%E6%B2%BB%E4%BD%93"):
    status = client.get(path).status_code
    print(status, path)
    assert status == 200, (path, status)
"""


class MakeRunSmokeTests(SimpleTestCase):
    def test_fresh_sqlite_site_builds_and_serves_every_page(self):
        with tempfile.TemporaryDirectory() as var_dir:
            env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
            env.update(
                DJANGO_SETTINGS_MODULE="config.settings.dev",
                VAR_DIR=var_dir,
                PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
            )
            for command in (
                ["migrate", "--noinput"],
                ["setup_roles"],
                ["load_demo_content"],
                ["load_demo_content"],
                ["rebuild_search_index"],
            ):
                result = run_python("manage.py", *command, env=env, timeout=600)
                self.assertEqual(result.returncode, 0, f"{command}: {result.stderr[-3000:]}")
            self.assertTrue((Path(var_dir) / "db.sqlite3").exists())
            result = run_python("-c", RENDER_EVERY_LIVE_PAGE, env=env, timeout=300)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr[-3000:])
            self.assertIn("200 /ja/", result.stdout)
