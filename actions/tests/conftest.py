"""Fixtures for the actions app's tests: a local SMTP server and an owner to remind."""

import pytest
from aiosmtpd.controller import Controller

from actions.tests.mail import Inbox, free_port
from core.tests.factories import MembershipFactory


@pytest.fixture
def owner(municipality):
    """Eva, staff of the municipality, who owns activities and goals and is reminded of them."""
    return MembershipFactory(
        municipality=municipality,
        user__username="ejer",
        user__first_name="Eva",
        user__last_name="Ejer",
        user__email="eva@albertslund.example",
    ).user


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
