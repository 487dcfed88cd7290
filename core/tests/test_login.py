"""The login page: it says what is missing or wrong, keeps the username that was typed, and
links to the password reset."""

import re

import pytest


def alert_text(response) -> str:
    """The text of the page's error summary (DKFDS `alert-error`), spaces collapsed."""
    match = re.search(
        r'<div class="alert alert-error"[^>]*>(.*?)</div>\s*</div>', response.content.decode(), re.S
    )
    assert match, "the page has no error summary"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def username_value(response) -> str:
    match = re.search(r'<input[^>]*name="username"[^>]*>', response.content.decode())
    assert match, "the page has no username field"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def test_empty_login_form_asks_for_username_and_password(client, db):
    response = client.post("/login/", {"username": "", "password": ""})

    assert response.status_code == 200
    assert alert_text(response) == "Skriv dit brugernavn og din adgangskode."
    html = response.content.decode()
    assert "Skriv dit brugernavn." in html
    assert "Skriv din adgangskode." in html
    assert "_auth_user_id" not in client.session


def test_login_without_password_asks_for_it_and_keeps_the_username(client, staff):
    response = client.post("/login/", {"username": "staff", "password": ""})

    assert response.status_code == 200
    assert alert_text(response) == "Skriv din adgangskode."
    assert username_value(response) == "staff"


def test_login_without_username_asks_for_it(client, staff):
    response = client.post("/login/", {"username": "  ", "password": "password"})

    assert response.status_code == 200
    assert alert_text(response) == "Skriv dit brugernavn."


def test_wrong_password_says_so_and_keeps_the_username(client, staff):
    response = client.post("/login/", {"username": "staff", "password": "forkert"})

    assert response.status_code == 200
    assert alert_text(response) == "Brugernavn eller adgangskode er forkert."
    assert username_value(response) == "staff"
    assert "_auth_user_id" not in client.session


def test_right_password_logs_in(client, staff):
    response = client.post("/login/", {"username": "staff", "password": "password"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(staff.pk)


@pytest.mark.parametrize("language", ["da", "en"])
def test_login_page_links_to_password_reset(client, db, language):
    client.cookies["django_language"] = language

    response = client.get("/login/")

    link = "Glemt adgangskode?" if language == "da" else "Forgot your password?"
    assert f'<a href="/adgangskode/glemt/">{link}</a>' in response.content.decode()
