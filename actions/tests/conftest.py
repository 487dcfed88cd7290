"""Fixtures for the actions app's tests."""

import pytest
from aiosmtpd.controller import Controller

from actions.tests.mail import Inbox, free_port


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
