# Two commands for a fresh machine: `make run` (serve the demo site) and `make test` (lint + tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
export PYTHONDONTWRITEBYTECODE := 1

# Exact versions with hashes, made from pyproject.toml by `make lock`: every venv installs these.
RUN_LOCK := requirements/run.txt
TEST_LOCK := requirements/test.txt
TOOLS_LOCK := requirements/tools.txt
# uv (to make the locks) and pip-audit live in a venv of their own, so .venv holds only the lock.
TOOLS := .tools

.PHONY: run test lint install install-test messages catalogue browser nginx varnish wrk bench lock audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The project itself is not installed: it has no package to install (`packages = []`), and
# building it would fetch setuptools unpinned. The stamps depend on the lock, so a new lock
# reinstalls.
$(VENV)/.installed-run: $(RUN_LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r $(RUN_LOCK)
	touch $@

# The test lock holds the run lock's versions plus the test tools (`make lock` keeps them so).
$(VENV)/.installed-test: $(TEST_LOCK) $(RUN_LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r $(TEST_LOCK)
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

messages: $(VENV)/.installed-run
	$(BIN)/python manage.py compile_catalogues

# Refresh locale/ja from the source (needs GNU gettext); wagtail-localize's own template
# override keeps wagtail-localize's catalogue.
catalogue: $(VENV)/.installed-run
	$(BIN)/python manage.py makemessages -l ja --no-obsolete --ignore=.venv --ignore='tests/*' \
	  --ignore='artifacts/*' --ignore='var/*' --ignore='staticfiles/*' \
	  --ignore='templates/wagtail_localize/*'

run: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_roles
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py rebuild_search_index
	$(BIN)/python manage.py create_demo_accounts
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# The browser tests drive Debian's Chromium (never a downloaded browser); install it if missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium and Japanese fonts for the browser tests…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "The browser tests need Chromium: sudo apt-get install chromium fonts-noto-cjk" >&2; exit 1; \
	  fi; }

# The slow-client test runs Debian's nginx in front of gunicorn, as production does.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's nginx for the slow-client test…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else \
	    echo "The slow-client test needs nginx: sudo apt-get install nginx" >&2; exit 1; \
	  fi; }

# The cache purge test (tests/home/test_live_cache.py) puts Debian's Varnish in front of the site;
# it is installed when missing (as root, with apt-get), as nginx and Chromium are.
varnish:
	@command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's varnish for the cache purge test…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; \
	  else \
	    echo "The cache purge test needs Varnish: sudo apt-get install varnish" >&2; exit 1; \
	  fi; }

# `make bench` loads the production stack with Debian's wrk; install it if missing.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's wrk for the benchmark…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "The benchmark needs wrk: sudo apt-get install wrk" >&2; exit 1; \
	  fi; }

# The production stack on this machine (a throwaway PostgreSQL database, a Redis database of its
# own, gunicorn with 2 workers) loaded with wrk; prints one table against the issue's targets.
# Not part of `make test`: it measures, it does not pass or fail a build (README, Benchmark).
bench: install messages wrk
	$(BIN)/python -m bench

test: lint messages browser nginx varnish
	$(BIN)/python -m pytest

$(TOOLS)/.installed: $(TOOLS_LOCK)
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --require-hashes -r $(TOOLS_LOCK)
	touch $@

# `make lock` resolves what pyproject.toml changed and keeps every other pin;
# `make lock UPGRADE=wagtail` (or several names) moves those packages to their newest allowed
# release; `make lock UPGRADE=all` moves everything. One lock serves every Python the project
# allows (markers pick per version); CI and these machines run Linux x86_64, Python 3.11.
UPGRADE ?=
UPGRADE_FLAGS := $(if $(filter all,$(UPGRADE)),--upgrade,$(UPGRADE:%=--upgrade-package %))
UV_COMPILE := $(TOOLS)/bin/uv pip compile --quiet --universal --python-version 3.11 \
  --generate-hashes --custom-compile-command "make lock" $(UPGRADE_FLAGS)
lock: $(TOOLS)/.installed
	$(UV_COMPILE) pyproject.toml -o $(RUN_LOCK)
	$(UV_COMPILE) pyproject.toml --extra test -c $(RUN_LOCK) -o $(TEST_LOCK)
	$(UV_COMPILE) requirements/tools.in -o $(TOOLS_LOCK)

# Every pinned release (site, tests, tools) against an advisory database: PyPI's by default,
# `make audit AUDIT_SERVICE=osv` for OSV's. --strict: a release that could not be checked fails
# the audit rather than passing as "no known vulnerabilities".
AUDIT_SERVICE ?= pypi
audit: $(TOOLS)/.installed
	$(TOOLS)/bin/pip-audit --strict --vulnerability-service $(AUDIT_SERVICE) --require-hashes \
	  --disable-pip -r $(TEST_LOCK) -r $(TOOLS_LOCK)

clean:
	rm -rf $(VENV) $(TOOLS) var staticfiles .pytest_cache .ruff_cache
