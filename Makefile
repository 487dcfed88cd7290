# The one task runner: the README and .ci/run call these targets.
# `uv` is installed from PyPI if the machine does not have it; everything else comes from uv.lock.
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: uv install start test lint bench

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
