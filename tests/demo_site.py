"""The demo site, built once per test session for the test classes that read it.

Building the demo (every page, snippet and wagtail-localize translation) takes seconds, and a
dozen test classes only read it. They subclass `DemoSiteTestCase`: the first one builds the demo
inside a transaction that stays open while they run (each test's own changes are rolled back as
in any `TestCase`), and `tests/conftest.py` runs them one after another and rolls that
transaction back after the last, so every other test still starts from an empty database.
"""

from django.db import transaction
from django.test import TestCase

from tests.factories import load_demo


class _SharedDemo:
    """The open transaction that holds the demo, and what the loader reported when it built it."""

    def __init__(self):
        self.atomic = None
        self.report = None

    def open(self):
        if self.atomic is None:
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                self.report = load_demo()
            except BaseException:
                self.close()
                raise
        return self.report

    def close(self) -> None:
        if self.atomic is None:
            return
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.atomic = self.report = None


shared_demo = _SharedDemo()


class DemoSiteTestCase(TestCase):
    """Tests that read the demo site as `make run` builds it, built once for all of them."""

    @classmethod
    def setUpClass(cls):
        cls.demo_report = shared_demo.open()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        # TestCase.tearDownClass also closes the connection, which would end the demo's transaction.
        cls._rollback_atomics(cls.cls_atomics)
        super(TestCase, cls).tearDownClass()


def reads_demo(item) -> bool:
    """Whether a collected test belongs to a `DemoSiteTestCase`."""
    cls = getattr(item, "cls", None)
    return cls is not None and issubclass(cls, DemoSiteTestCase)
