# The one task runner: the README and .ci/run call these targets.
# `uv` is installed from PyPI if the machine does not have it; everything else comes from uv.lock.
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: uv install start test lint messages

uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --user uv

install: uv
	$(UV) sync --frozen

start: install
	$(UV) run python manage.py migrate --noinput
	$(UV) run python manage.py load_demo
	$(UV) run python manage.py runserver $(HOST):$(PORT)

lint: install
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run python manage.py check
	$(UV) run python manage.py makemigrations --check --dry-run

test: lint
	$(UV) run pytest

# Needs GNU gettext (apt-get install gettext). The compiled .mo is committed, so running Kurs
# does not need gettext; a test fails when the .po has untranslated or uncompiled entries.
messages: install
	$(UV) run python manage.py makemessages -l en --ignore=.venv --ignore=static --ignore=test-artifacts --ignore=media --no-obsolete
	$(UV) run python manage.py compilemessages -l en
