# The two commands a newcomer needs: `make run` and `make test`.
# Only python3 (>= 3.11) is required: everything else is installed into .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core by default; PYTEST_WORKERS=0 runs in this process.
PYTEST_WORKERS ?= auto

.PHONY: help install run test test-dates lint format migrate seed messages compilemessages clean

help:
	@echo "make run    install, migrate, load the demo content and serve http://$(HOST):$(PORT)"
	@echo "make test   install and run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make test-dates  the suite (browser tests aside) a year ahead and across both daylight-saving changes"
	@echo "make lint   ruff check, and the layers between the apps (import-linter)"

# Installs the locked dependencies (requirements-dev.lock) once, again whenever the lock changes,
# compiled to bytecode at once: each process (a gunicorn worker, a test worker) then starts without
# compiling Django and Wagtail again (about 2.5 s of CPU where PYTHONDONTWRITEBYTECODE is set).
$(BIN)/.installed: requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is required" or 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes --compile-bytecode -r requirements-dev.lock
	touch $@

# The Nu HTML Checker of the whole-site checks (package.json: vnu-jar, run by Java), where npm
# is: without npm or Java, tests/browser/test_site_crawl.py is skipped (CI installs both).
node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm is absent: the whole-site checks will be skipped (apt-get install npm)"; fi

install: $(BIN)/.installed node_modules/.installed

var:
	mkdir -p var

migrate: install var
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install var
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The suite must pass whatever the date: run it (browser tests aside, on SQLite) with the clock
# 400 days ahead, then started a minute before Paris moves to summer time and back to winter
# time next year (the last Sundays of March and October, 01:00 UTC). The clock runs on from
# there. Needs libfaketime: `apt-get install faketime`.
test-dates: install var
	@command -v faketime >/dev/null || { echo "faketime is needed: apt-get install faketime"; exit 1; }
	@year=$$(( $$(date -u +%Y) + 1 )); \
	last_sunday() { date -u -d "$$year-$$1-31 -$$(date -u -d $$year-$$1-31 +%w) days" +%F; }; \
	for clock in "+400d" "@$$(last_sunday 03) 00:59:00" "@$$(last_sunday 10) 00:59:00"; do \
		echo "== Tests with the clock at $$clock (UTC)"; \
		env -u DATABASE_URL TZ=UTC faketime -f "$$clock" \
			$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --ignore=tests/browser -q $(PYTEST_ARGS) \
			|| exit 1; \
	done

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .

# Interface strings: French is the source language, English the translation.
messages: install
	$(BIN)/python manage.py makemessages --locale en --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'node_modules/*' --no-obsolete

compilemessages: install
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

# Regenerates the lock files from pyproject.toml (run after changing a dependency).
lock: install
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --quiet -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 --quiet -o requirements-dev.lock

clean:
	rm -rf $(VENV) var/test-media .pytest_cache .ruff_cache
