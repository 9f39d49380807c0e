"""Test-run guards: CI must reach PostgreSQL, and the run says which database it uses."""

import os

from django.conf import settings

import pytest


def _database_label() -> str:
    database = settings.DATABASES["default"]
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        return "SQLite (local fallback; set DATABASE_URL or CI=true to test on PostgreSQL)"
    return f"{engine} at {database.get('HOST') or 'local socket'}:{database.get('PORT') or ''}"


@pytest.fixture(autouse=True)
def _no_page_kept_from_another_test():
    """The database is rolled back after each test, the cache is not: start each from nothing."""
    from home.page_cache import forget_cached_pages  # imports settings: once Django is set up

    forget_cached_pages()


def pytest_report_header(config):
    return f"database: {_database_label()}"


def pytest_sessionstart(session):
    """Compile the interface translations; in CI, insist on a reachable PostgreSQL."""
    from django.core.management import call_command

    call_command("compile_catalogues", verbosity=0)
    if os.environ.get("CI", "").lower() != "true":
        return
    database = settings.DATABASES["default"]
    if "postgresql" not in database["ENGINE"]:
        pytest.exit("CI=true but DATABASE_URL does not point at PostgreSQL.", returncode=3)
    import psycopg

    try:
        psycopg.connect(
            host=database.get("HOST") or None,
            port=database.get("PORT") or None,
            user=database.get("USER") or None,
            password=database.get("PASSWORD") or None,
            dbname=database.get("NAME"),
            connect_timeout=5,
        ).close()
    except psycopg.OperationalError as error:
        pytest.exit(f"PostgreSQL is unreachable ({_database_label()}): {error}", returncode=3)


def pytest_collection_modifyitems(items):
    """Run the demo-reading tests together, first, so the demo is built once (tests/demo_site.py)."""
    from tests.demo_site import reads_demo  # imports models: only once Django is set up

    items.sort(key=lambda item: not reads_demo(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last demo-reading test, roll the shared demo back before any other test runs."""
    from pytest_django.plugin import blocking_manager_key

    from tests.demo_site import reads_demo, shared_demo  # imports models, as above

    result = yield
    if nextitem is None or not reads_demo(nextitem):
        with item.config.stash[blocking_manager_key].unblock():
            shared_demo.close()
    return result


def pytest_terminal_summary(terminalreporter):
    """The hostile suite's counts, shown whatever the output capture (tests/security/)."""
    from tests.security.report import SUMMARIES

    for summary in SUMMARIES:
        terminalreporter.write_line(summary)
