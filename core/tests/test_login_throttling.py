"""Login throttling (django-axes, rules in core/lockout.py): five wrong passwords for one user
from one address lock that user there for 15 minutes, twenty from one address lock the address;
the locked-out user is told in Danish when to try again. /login/ and /admin/login/ alike."""

import re
from datetime import timedelta

from axes.models import AccessAttempt
from django.http import HttpRequest
from django.test import Client
from django.utils import timezone

from core.tests.factories import UserFactory

OFFICE = "192.0.2.10"
HOME = "198.51.100.20"


def attempt(username: str, password: str, *, address: str = OFFICE, url: str = "/login/", **extra):
    return Client(REMOTE_ADDR=address, **extra).post(
        url, {"username": username, "password": password}
    )


def logged_in(response) -> bool:
    return response.status_code == 302


def fail(times: int, username: str = "staff", **kwargs) -> list[int]:
    return [attempt(username, "forkert", **kwargs).status_code for _ in range(times)]


def age_all_failures(by: timedelta) -> None:
    """Let time pass for the lock: every recorded failure happened `by` earlier."""
    for row in AccessAttempt.objects.all():
        row.attempt_time -= by
        row.save()


def locked_until_text(response) -> str:
    match = re.search(
        r'<p class="alert-text" id="locked-until">(.*?)</p>', response.content.decode(), re.S
    )
    assert match, "the page does not say when to try again"
    return " ".join(match.group(1).split())


def test_right_password_is_refused_after_five_wrong_ones(staff):
    statuses = fail(5)

    response = attempt("staff", "password")

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert not logged_in(response)


def test_four_wrong_passwords_do_not_lock(staff):
    fail(4)

    assert logged_in(attempt("staff", "password"))


def test_lockout_page_says_in_danish_when_to_try_again(staff):
    fail(5)

    response = attempt("staff", "password")

    last_failure = AccessAttempt.objects.get(username="staff").attempt_time
    until = timezone.localtime(last_failure + timedelta(minutes=15))
    months = [
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "maj",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "okt.",
        "nov.",
        "dec.",
    ]
    expected_date = f"{until.day}. {months[until.month - 1]} {until.year}"
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert locked_until_text(response) == (
        "Der er skrevet forkert adgangskode for mange gange. Af sikkerhedshensyn er login spærret, "
        f"og du kan prøve igen kl. {until:%H:%M} den {expected_date}."
    )
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    assert 'href="/adgangskode/glemt/"' in response.content.decode()


def test_attempts_during_the_lock_do_not_prolong_it(staff):
    fail(5)
    before = AccessAttempt.objects.get(username="staff")

    fail(3)

    after = AccessAttempt.objects.get(username="staff")
    assert (after.failures_since_start, after.attempt_time) == (5, before.attempt_time)


def test_the_wrong_passwords_are_not_stored(staff):
    attempt("staff", "Sommer2026!")

    (row,) = AccessAttempt.objects.all()
    assert "Sommer2026!" not in row.post_data
    assert "password=********************" in row.post_data


def test_the_lock_lifts_after_fifteen_minutes(staff):
    fail(5)
    age_all_failures(timedelta(minutes=14, seconds=50))
    assert attempt("staff", "password").status_code == 429

    age_all_failures(timedelta(seconds=11))

    assert logged_in(attempt("staff", "password"))


def test_other_user_at_the_same_address_is_not_locked(staff, committee_reader):
    fail(5)

    assert logged_in(attempt("reader", "password"))


def test_same_user_from_another_address_is_not_locked(staff):
    fail(5)

    assert logged_in(attempt("staff", "password", address=HOME))


def test_a_successful_login_clears_the_users_own_failures(staff):
    fail(4)
    assert logged_in(attempt("staff", "password"))

    statuses = fail(4)

    assert statuses == [200, 200, 200, 200]
    assert logged_in(attempt("staff", "password"))


def test_one_address_trying_many_usernames_is_locked_after_twenty(staff, db):
    for number in range(10):
        UserFactory(username=f"bruger{number}")
    statuses = [status for number in range(10) for status in fail(2, username=f"bruger{number}")]

    from_office = attempt("staff", "password")
    from_home = attempt("staff", "password", address=HOME)

    assert statuses == [200] * 19 + [429]
    assert from_office.status_code == 429
    assert logged_in(from_home)


def test_logging_in_to_ones_own_account_does_not_clear_guesses_at_others(staff, committee_reader):
    fail(4, username="reader")
    assert logged_in(attempt("staff", "password"))

    statuses = fail(1, username="reader")

    assert statuses == [429]


def test_admin_login_is_locked_the_same_way(administrator):
    statuses = fail(5, username="admin", url="/admin/login/?next=/admin/")

    response = attempt("admin", "password", url="/admin/login/?next=/admin/")

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "prøve igen kl." in locked_until_text(response)


def test_failures_on_the_site_and_admin_login_count_together(administrator):
    fail(3, username="admin")
    fail(2, username="admin", url="/admin/login/")

    assert attempt("admin", "password").status_code == 429


# The address behind the reverse proxy


def test_behind_the_proxy_the_address_the_proxy_saw_counts_not_one_the_client_wrote(
    staff, settings
):
    settings.BEHIND_PROXY = True
    proxy = "127.0.0.1"

    statuses = [
        attempt(
            "staff", "forkert", address=proxy, HTTP_X_FORWARDED_FOR=f"10.9.8.{number}, {OFFICE}"
        ).status_code
        for number in range(5)
    ]
    other_client = attempt("staff", "password", address=proxy, HTTP_X_FORWARDED_FOR=HOME)

    assert statuses == [200, 200, 200, 200, 429]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}
    assert logged_in(other_client)


def test_without_the_proxy_a_forwarded_for_header_is_ignored(staff):
    statuses = [
        attempt("staff", "forkert", HTTP_X_FORWARDED_FOR=f"10.9.8.{number}").status_code
        for number in range(5)
    ]

    assert statuses == [200, 200, 200, 200, 429]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}


# Logins in tests


def test_force_login_is_not_throttled(client, staff):
    fail(5)

    client.force_login(staff)

    assert client.get("/k/165/").status_code == 200


def test_client_login_works_when_given_a_request(client, staff):
    """Axes needs the request; `client.login` passes it on as `request`."""
    assert client.login(request=HttpRequest(), username="staff", password="password")
    assert client.get("/k/165/").status_code == 200


def test_lockout_page_in_english_for_who_picked_english(staff):
    fail(5)

    response = attempt("staff", "password", HTTP_COOKIE="django_language=en")

    assert "you can try again at" in locked_until_text(response)
