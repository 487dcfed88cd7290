"""A real SMTP server for the tests (aiosmtpd on 127.0.0.1), and reading what it got.

The `smtp` fixture that starts it is in the root `conftest.py`, so every app's tests have it."""

import email
import email.policy
import socket


class Inbox:
    """What the SMTP server received: one parsed message per DATA command."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if address in m.envelope_recipients]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def subject_of(message) -> str:
    # Python folds a long encoded subject onto a continuation line; unfolded, a mail client
    # shows it without the leading space the parser keeps.
    return message["Subject"].strip()


def body_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
