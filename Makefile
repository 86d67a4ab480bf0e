# Rebound: `make run` to use it, `make test` to check it. Both work from a fresh clone.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: install run test lint bench screenshots clean

# The venv is rebuilt when pyproject.toml changes; node_modules when the npm lock does.
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

run: install
	$(PY) manage.py check_redis
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	@echo "Rebound is starting at http://127.0.0.1:8000 (Ctrl-C stops web, worker and beat)."
	GUNICORN_CMD_ARGS="$${GUNICORN_CMD_ARGS:---bind 127.0.0.1:8000 --workers 2 --reload --access-logfile -}" \
		$(VENV)/bin/honcho start web worker beat

# pytest exits 5 when it collected nothing: that is a failure here, not a pass.
test: install
	$(PY) manage.py check_redis
	$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
		if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(PY) manage.py makemigrations --check --dry-run

# Benchmarks run in production mode on a scratch SQLite file, never on your data.
BENCH_DB := /tmp/rebound-bench.sqlite3
BENCH_ENV := DATABASE_URL=sqlite:///$(BENCH_DB) DJANGO_DEBUG=0 DJANGO_SECRET_KEY=bench-only \
	DJANGO_SECURE_SSL_REDIRECT=0
bench: install
	rm -f $(BENCH_DB)*
	$(BENCH_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(BENCH_ENV) $(PY) manage.py migrate --noinput -v0
	$(BENCH_ENV) $(PY) manage.py bench

# Refreshes the README's screenshots (docs/screenshots/) from the browser tests.
screenshots: install
	SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest -m browser

clean:
	rm -rf $(VENV) node_modules staticfiles
