"""A user changes their own password when logged in, and sets a new one from a link by e-mail
when they have forgotten it. The reset page never tells whether an address has an account."""

import re

import pytest
from django.core import mail
from django.test import Client

from core.tests.factories import UserFactory

NEW_PASSWORD = "Kurs-skifter-2026!"


@pytest.fixture
def eva(staff):
    staff.email = "eva@albertslund.example"
    staff.save()
    return staff


def logs_in(username: str, password: str) -> bool:
    response = Client().post("/login/", {"username": username, "password": password})
    return response.status_code == 302


def reset_link(message) -> str:
    (link,) = re.findall(r"https?://\S+", message.body)
    return link


# Changing one's own password


def test_header_links_to_password_change_for_a_logged_in_user(client, staff):
    client.force_login(staff)

    response = client.get("/k/165/")

    assert '<a class="kurs-password-link" href="/adgangskode/skift/">Skift adgangskode</a>' in (
        response.content.decode()
    )


def test_anonymous_is_sent_to_login_for_password_change(client, db):
    response = client.get("/adgangskode/skift/")

    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/adgangskode/skift/"


def test_staff_changes_own_password_and_stays_logged_in(client, staff):
    client.force_login(staff)

    form = client.get("/adgangskode/skift/")
    response = client.post(
        "/adgangskode/skift/",
        {"old_password": "password", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert form.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == "/adgangskode/skift/faerdig/"
    done = client.get(response["Location"])
    assert "Adgangskoden er skiftet" in done.content.decode()
    assert client.get("/k/165/").status_code == 200
    assert not logs_in("staff", "password")
    assert logs_in("staff", NEW_PASSWORD)


def test_wrong_old_password_changes_nothing(client, staff):
    client.force_login(staff)

    response = client.post(
        "/adgangskode/skift/",
        {"old_password": "forkert", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "old_password": [
            "Din gamle adgangskode blev ikke indtastet korrekt. Indtast den venligst igen."
        ]
    }
    assert logs_in("staff", "password")


def test_too_short_new_password_is_refused(client, staff):
    client.force_login(staff)

    response = client.post(
        "/adgangskode/skift/",
        {"old_password": "password", "new_password1": "kort", "new_password2": "kort"},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["new_password2"]
    assert 'class="form-group form-error"' in response.content.decode()
    assert logs_in("staff", "password")


# Resetting a forgotten password by e-mail


def test_full_reset_flow_sets_a_new_password_and_the_old_one_stops_working(client, eva, settings):
    settings.SITE_URL = "https://kurs.albertslund.example/"

    requested = client.post("/adgangskode/glemt/", {"email": "EVA@albertslund.example"})

    assert requested.status_code == 302
    assert requested["Location"] == "/adgangskode/glemt/sendt/"
    (message,) = mail.outbox
    assert message.to == ["eva@albertslund.example"]
    assert message.subject == "Ny adgangskode til Kurs"
    assert "Dit brugernavn er staff." in message.body
    link = reset_link(message)
    assert link.startswith("https://kurs.albertslund.example/adgangskode/ny/")

    path = link.removeprefix("https://kurs.albertslund.example")
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    set_password_url = form_page.redirect_chain[-1][0]
    saved = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert saved.status_code == 302
    assert saved["Location"] == "/adgangskode/ny/faerdig/"
    assert (
        "Du kan nu logge ind med din nye adgangskode."
        in client.get(saved["Location"]).content.decode()
    )
    assert not logs_in("staff", "password")
    assert logs_in("staff", NEW_PASSWORD)


def test_a_reset_link_works_only_once(client, eva):
    client.post("/adgangskode/glemt/", {"email": "eva@albertslund.example"})
    path = "/" + reset_link(mail.outbox[0]).split("/", 3)[3]
    set_password_url = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = Client().get(path, follow=True)

    assert again.context["validlink"] is False
    assert "Linket virker ikke længere" in again.content.decode()
    assert logs_in("staff", NEW_PASSWORD)


def test_reset_answers_the_same_for_an_unknown_address_and_sends_nothing(client, eva):
    known = client.post("/adgangskode/glemt/", {"email": "eva@albertslund.example"})
    mail.outbox.clear()

    unknown = Client().post("/adgangskode/glemt/", {"email": "ingen@albertslund.example"})

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert mail.outbox == []
    done = client.get("/adgangskode/glemt/sendt/").content.decode()
    assert "Hvis adressen hører til en bruger i Kurs" in done


def test_no_reset_mail_to_an_inactive_user(client, db):
    UserFactory(username="gammel", email="gammel@albertslund.example", is_active=False)

    response = client.post("/adgangskode/glemt/", {"email": "gammel@albertslund.example"})

    assert response.status_code == 302
    assert mail.outbox == []
