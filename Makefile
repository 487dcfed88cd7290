# The one task runner: the README and .ci/run call these targets.
# `uv` is installed from PyPI if the machine does not have it; everything else comes from uv.lock.
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3

.PHONY: uv install pango start worker serve test lint messages bench bench-report

# $(UV) may be given on the command line (make serve UV=/path/to/uv); then nothing is installed.
uv:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --user uv

install: uv
	$(UV) sync --frozen

# WeasyPrint (the committee reports' PDF) needs Debian's Pango. Installed when missing and we
# are root (CI, a fresh container); otherwise says what to install. Kurs runs without it, only
# building a report fails (README: Reports).
PANGO_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0
pango:
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO_PACKAGES) >/dev/null; \
	  else \
	    echo "make: reports need Pango: sudo apt-get install $(PANGO_PACKAGES)" >&2; \
	  fi; \
	fi

# The development server and, beside it, the worker that builds reports (stopped with it).
start: install pango
	$(UV) run python manage.py migrate --noinput
	$(UV) run python manage.py schedule_jobs
	$(UV) run python manage.py load_demo --url http://$(HOST):$(PORT)/
	$(UV) run python manage.py qcluster & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(UV) run python manage.py runserver $(HOST):$(PORT)

# The background worker (django-q2; the database as its queue, or Redis with
# KURS_JOB_BROKER=redis): builds the committee reports, sends newsletters and runs the recurring
# jobs of core/schedules.py. Production runs it as a second service beside `make serve`, with
# the same environment.
worker: uv
	exec $(UV) run --no-sync python manage.py qcluster

# Production (README: Production): DEBUG off whatever the environment says; SECRET_KEY,
# ALLOWED_HOSTS and DATABASE_URL must be set. Installs the runtime packages only (--inexact
# leaves a developer's test tools in place), migrates, collects the static files for WhiteNoise
# and serves with gunicorn on $(HOST):$(PORT), normally behind a reverse proxy that ends TLS.
serve: export DEBUG = false
serve: uv
	@for name in SECRET_KEY ALLOWED_HOSTS DATABASE_URL; do \
	  if [ -z "$$(printenv $$name)" ]; then \
	    echo "make serve: $$name must be set (see README.md, Production)" >&2; exit 1; \
	  fi; \
	done
	$(UV) sync --frozen --no-dev --inexact
	$(UV) run --no-sync python manage.py migrate --noinput
	$(UV) run --no-sync python manage.py schedule_jobs
	$(UV) run --no-sync python manage.py collectstatic --noinput
	exec $(UV) run --no-sync gunicorn kurs.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) \
	  --access-logfile - --no-control-socket

lint: install
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run python manage.py check
	$(UV) run python manage.py makemigrations --check --dry-run

test: lint pango
	$(UV) run pytest

# The national-scale benchmark (README: Benchmark): needs PostgreSQL (by default the database
# kurs_bench on 127.0.0.1, see --database-url) and wrk (apt-get install wrk); writes
# bench/RESULTS.md.
# Options go in BENCH_ARGS, e.g. make bench BENCH_ARGS="--scale 0.1 --duration 5".
bench: install
	$(UV) run python -m bench.run $(BENCH_ARGS)

# The committee report's PDF for a plan of 60 goals and 300 activities: time and peak memory,
# in a throwaway SQLite database; writes bench/REPORT_PDF.md (README: Reports).
bench-report: install pango
	$(UV) run python -m bench.report_pdf $(BENCH_ARGS)

# Needs GNU gettext (apt-get install gettext). The compiled .mo is committed, so running Kurs
# does not need gettext; a test fails when the .po has untranslated or uncompiled entries.
messages: install
	$(UV) run python manage.py makemessages -l en --ignore=.venv --ignore=static --ignore=test-artifacts --ignore=media --no-obsolete
	$(UV) run python manage.py compilemessages -l en
