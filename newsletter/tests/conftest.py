"""Fixtures for the newsletter tests: a public list, and SMTP servers that misbehave as real
ones do (refuse for a while, reject an address)."""

import pytest
from aiosmtpd.controller import Controller

from contacts.tests.factories import MailingListFactory
from core.tests.mail import Inbox, free_port


@pytest.fixture
def mailing_list(municipality):
    return MailingListFactory(
        municipality=municipality,
        name="Jobcentrets nyhedsbrev",
        slug="jobcenter",
        public_signup=True,
        description="Rekruttering og fastholdelse",
    )


@pytest.fixture(autouse=True)
def quick_retries(settings):
    # The rules are the same with short waits; the order of the delays is what is tested.
    settings.NEWSLETTER_RETRY_DELAYS = [0, 0, 0, 0, 0, 0]
    settings.NEWSLETTER_PAUSE_AFTER = 20
    settings.NEWSLETTER_BATCH_SIZE = 10


class FlakyInbox(Inbox):
    """An SMTP server that answers RCPT TO with `refusal` for the first `refuse_first` recipients
    it is given, and with `reject` (a 5xx) for the addresses in `rejected`, forever."""

    def __init__(self, *, refuse_first=0, refusal="451 4.3.0 Try again later", rejected=()):
        super().__init__()
        self.refuse_first = refuse_first
        self.refusal = refusal
        self.rejected = set(rejected)
        self.refused = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.rejected:
            return "550 5.1.1 No such user here"
        if self.refused < self.refuse_first:
            self.refused += 1
            return self.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def flaky_smtp(settings):
    """Start a `FlakyInbox` server: `flaky_smtp(refuse_first=…, rejected=…)`."""
    controllers = []

    def start(**options):
        inbox = FlakyInbox(**options)
        controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
        controller.start()
        controllers.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.DEFAULT_FROM_EMAIL = "kurs@albertslund.example"
        settings.SITE_URL = "https://kurs.example"
        return inbox

    yield start
    for controller in controllers:
        controller.stop()
