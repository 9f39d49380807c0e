"""gunicorn as the repo configures it: on the loopback only, as many workers as WEB_CONCURRENCY."""

import os
import runpy
from unittest import mock

from django.test import SimpleTestCase

from gunicorn.config import Config

from tests.subprocesses import ROOT

CONFIG_FILE = ROOT / "deploy" / "gunicorn.conf.py"


def gunicorn_config(**environment: str) -> Config:
    """The settings gunicorn would take from deploy/gunicorn.conf.py in `environment`."""
    with mock.patch.dict(os.environ, environment, clear=True):
        values = runpy.run_path(str(CONFIG_FILE))
    config = Config()
    for name, value in values.items():
        if name in config.settings:
            config.set(name, value)
    return config


class GunicornConfigTests(SimpleTestCase):
    def test_gunicorn_listens_only_on_the_loopback_unless_told_otherwise(self):
        self.assertEqual(gunicorn_config().bind, ["127.0.0.1:8000"])
        self.assertEqual(gunicorn_config(GUNICORN_BIND="127.0.0.1:9000").bind, ["127.0.0.1:9000"])

    def test_the_worker_count_is_the_one_the_site_checks_its_cache_against(self):
        self.assertEqual(gunicorn_config().workers, 1)
        self.assertEqual(gunicorn_config(WEB_CONCURRENCY="3").workers, 3)

    def test_every_setting_in_the_file_is_one_gunicorn_knows(self):
        values = runpy.run_path(str(CONFIG_FILE))
        unknown = {name for name in values if not name.startswith("__")} - set(Config().settings)
        self.assertEqual(unknown - {"os", "Path"}, set())
