"""The password reset is throttled (rules in core/accounts.py): one address may ask five times an
hour and is then told in Danish to wait, with status 429; one e-mail address gets at most three
reset mails an hour, and past that the page says what it always says and no mail goes out. Other
addresses and other e-mail addresses are not affected, and an hour later all is as before.

The counts live in the cache, which the root conftest empties before every test."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import Client

from core.tests.factories import UserFactory

OFFICE = "192.0.2.10"
HOME = "198.51.100.20"
EVA = "eva@albertslund.example"
TOO_MANY = (
    "Der er sendt for mange anmodninger om ny adgangskode fra din adresse. Prøv igen om en time."
)


@pytest.fixture(autouse=True)
def mid_hour(time_machine):
    """The counts run in fixed windows of an hour: start each test well inside one, so that its
    requests cannot straddle two windows."""
    time_machine.move_to(datetime(2026, 3, 2, 9, 15, tzinfo=UTC), tick=False)


@pytest.fixture
def eva(staff):
    staff.email = EVA
    staff.save()
    return staff


def ask(email: str, *, address: str = OFFICE):
    return Client(REMOTE_ADDR=address).post("/adgangskode/glemt/", {"email": email})


def stranger(n: int) -> str:
    return f"ukendt{n}@albertslund.example"


def alert_text(response) -> str:
    """The text of the page's error summary (DKFDS `alert-error`), spaces collapsed."""
    match = re.search(
        r'<div class="alert alert-error"[^>]*>(.*?)</div>\s*</div>', response.content.decode(), re.S
    )
    assert match, "the page has no error summary"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def email_value(response) -> str:
    match = re.search(r'<input[^>]*name="email"[^>]*>', response.content.decode())
    assert match, "the page has no e-mail field"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def mails_to(address: str) -> int:
    return sum(address in message.to for message in mail.outbox)


# Per client address


def test_the_sixth_request_from_one_address_is_refused_in_danish_keeping_the_address(eva):
    statuses = [ask(stranger(n)).status_code for n in range(5)]

    response = ask(EVA)

    assert statuses == [302] * 5
    assert response.status_code == 429
    assert alert_text(response) == TOO_MANY
    assert email_value(response) == EVA
    assert mail.outbox == []


def test_the_refusal_is_in_english_on_the_english_site(eva):
    for n in range(5):
        ask(stranger(n))
    client = Client(REMOTE_ADDR=OFFICE)
    client.cookies["django_language"] = "en"

    response = client.post("/adgangskode/glemt/", {"email": EVA})

    assert response.status_code == 429
    assert alert_text(response) == (
        "Too many requests for a new password have been sent from your address. "
        "Try again in an hour."
    )


def test_invalid_requests_count_towards_the_address_limit_too(eva):
    statuses = [ask("ikke en adresse").status_code for _ in range(5)]

    response = ask(EVA)

    assert statuses == [200] * 5
    assert response.status_code == 429
    assert mail.outbox == []


def test_another_address_may_still_ask(eva):
    for n in range(6):
        ask(stranger(n))

    response = ask(EVA, address=HOME)

    assert response.status_code == 302
    assert mails_to(EVA) == 1


# Per e-mail address


def test_the_fourth_request_for_one_email_gets_the_done_page_but_no_mail(eva):
    # From three addresses and in any case: the limit is the mailbox's, whoever asks.
    asked = [
        ask(EVA, address="192.0.2.1"),
        ask("Eva@Albertslund.example", address="192.0.2.2"),
        ask(EVA.upper(), address="192.0.2.3"),
    ]
    unknown = ask(stranger(1), address="192.0.2.4")

    fourth = ask(EVA, address="192.0.2.5")

    assert mails_to(EVA) == 3
    assert [response.status_code for response in asked] == [302] * 3
    assert (fourth.status_code, fourth["Location"]) == (unknown.status_code, unknown["Location"])
    assert fourth["Location"] == "/adgangskode/glemt/sendt/"
    done = Client().get(fourth["Location"]).content.decode()
    assert "Hvis adressen hører til en bruger i Kurs" in done


def test_another_email_still_gets_its_mail(eva):
    UserFactory(username="ole", email="ole@albertslund.example")
    for n in range(4):
        ask(EVA, address=f"192.0.2.{n + 1}")

    response = ask("ole@albertslund.example", address="192.0.2.9")

    assert response.status_code == 302
    assert (mails_to(EVA), mails_to("ole@albertslund.example")) == (3, 1)


# The window


def test_both_limits_lift_after_the_hour(eva, time_machine):
    statuses = [ask(EVA).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert mails_to(EVA) == 3

    time_machine.shift(timedelta(hours=1))
    response = ask(EVA)

    assert response.status_code == 302
    assert mails_to(EVA) == 4


def test_the_limits_are_read_from_the_settings(eva, settings):
    settings.PASSWORD_RESET_ADDRESS_LIMIT = 2
    settings.PASSWORD_RESET_EMAIL_LIMIT = 1

    statuses = [ask(EVA).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert mails_to(EVA) == 1
