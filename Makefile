# Two commands for a fresh machine: `make run` (serve the demo site) and `make test` (lint + tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint install install-test messages catalogue browser varnish clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
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

# The cache purge test (tests/home/test_live_cache.py) puts Debian's Varnish in front of the site;
# with CI=true it is installed when missing.
varnish:
	@command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || { \
	  if [ "$${CI:-}" = true ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's varnish for the cache purge test…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; \
	  else \
	    echo "The cache purge test needs Varnish: sudo apt-get install varnish" >&2; exit 1; \
	  fi; }

test: lint messages browser varnish
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
