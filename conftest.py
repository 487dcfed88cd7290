"""Fixtures for the whole suite: the three users every view test needs (staff of the
municipality, a committee reader, and staff of another municipality: the outsider), uploads in a
temporary folder, and headless Chromium for the browser tests."""

import os
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import connections, transaction
from django.test import override_settings

from core.enums import Role
from core.tests.factories import MembershipFactory, MunicipalityFactory
from core.tests.mail import Inbox, free_port

# `statbank`: a local StatBank answering from the files written from its documentation.
pytest_plugins = ["officialstats.tests.local_statbank"]


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(code="165", name="Albertslund")


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(code="151", name="Ballerup")


@pytest.fixture
def staff(municipality):
    return MembershipFactory(
        municipality=municipality, role=Role.STAFF, user__username="staff"
    ).user


@pytest.fixture
def administrator(municipality):
    return MembershipFactory(
        municipality=municipality, role=Role.ADMINISTRATOR, user__username="admin"
    ).user


@pytest.fixture
def committee_reader(municipality):
    return MembershipFactory(
        municipality=municipality, role=Role.COMMITTEE_READER, user__username="reader"
    ).user


@pytest.fixture
def outsider(other_municipality):
    return MembershipFactory(
        municipality=other_municipality, role=Role.STAFF, user__username="outsider"
    ).user


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached page parts never outlive a test: the database is rolled back, the cache is not."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and attached files (e.g. the demo's source documents) never land in the repo."""
    settings.MEDIA_ROOT = tmp_path / "media"


DEMO_PASSWORD = "adgangskode-til-test"


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo (`load_demo`), loaded once for a test module inside a transaction that is
    rolled back after it; yields the media folder that holds its documents.

    Each test still runs in its own savepoint (`django_db`), so nothing a test writes leaks.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        mock.patch.dict(os.environ, {"KURS_DEMO_PASSWORD": DEMO_PASSWORD}),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_module, db, settings):
    """The demo for one test (see `demo_module`), with its documents where the test looks."""
    settings.MEDIA_ROOT = demo_module


CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"


@pytest.fixture
def browser():
    """Debian's Chromium driven by Playwright. Skipped where it is not installed, except when
    KURS_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("KURS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing but KURS_REQUIRE_BROWSER=1")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that follow in the
    # test are still plain synchronous calls, which Django would otherwise refuse.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield chromium
        chromium.close()
        # While Playwright's loop runs, Django keeps the test's database connection apart from
        # the one it has outside it (connections are per async context); close it here, or
        # PostgreSQL refuses to drop the test database ("being accessed by other users").
        connections.close_all()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def browser_page(browser):
    return browser.new_page(viewport={"width": 1280, "height": 900})


@pytest.fixture
def smtp(settings):
    """A local SMTP server, with Django's SMTP backend pointed at it.

    pytest-django swaps in the locmem backend for every test, so the test sets it back."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "kurs@albertslund.example"
    settings.SITE_URL = "https://kurs.example"
    yield inbox
    controller.stop()
