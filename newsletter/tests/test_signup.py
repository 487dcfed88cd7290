"""The public sign-up: double opt-in with a one-click confirmation, the consent record, the limit
on confirmation mails, and bad input."""

import re

import pytest
from django.urls import reverse

from contacts.models import MailingList
from core.tests.mail import body_of, subject_of
from newsletter import services
from newsletter.enums import SubscriberState
from newsletter.models import ConfirmationMail, Subscriber


@pytest.fixture
def url(mailing_list):
    return reverse("newsletter:signup", kwargs={"code": "165"}) + "?liste=jobcenter"


def sign_up(client, url, email="mette@bryggeri.example", **extra):
    data = {
        "mailing_list": MailingList.objects.get(slug="jobcenter").pk,
        "email": email,
        "name": "",
        "company_name": "",
        "consent_version": "1",
        **extra,
    }
    return client.post(url, data, REMOTE_ADDR="192.0.2.7")


def link_in(message) -> str:
    return re.search(r"https://kurs\.example(\S+)", body_of(message)).group(1)


def test_sign_up_confirmed_only_after_the_button_is_pressed(
    client, url, mailing_list, smtp, django_capture_on_commit_callbacks
):
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, url, email="Mette@Bryggeri.example", name="Mette")

    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:thanks", kwargs={"code": "165"})
    [message] = smtp.messages
    assert message.envelope_recipients == ["mette@bryggeri.example"]
    assert subject_of(message) == "Bekræft din tilmelding til Jobcentrets nyhedsbrev"
    subscriber = Subscriber.objects.get()
    assert subscriber.state == SubscriberState.PENDING

    link = link_in(message)
    page = client.get(link)  # what a mail scanner does too
    subscriber.refresh_from_db()
    assert page.status_code == 200
    assert "Bekræft tilmeldingen" in page.content.decode()
    assert subscriber.state == SubscriberState.PENDING

    confirmed = client.post(link.split("?")[0], {"t": link.split("t=")[1]}, REMOTE_ADDR="192.0.2.8")
    subscriber.refresh_from_db()
    assert confirmed.status_code == 200
    assert "Du er tilmeldt" in confirmed.content.decode()
    assert subscriber.state == SubscriberState.CONFIRMED
    assert str(subscriber.confirm_ip) == "192.0.2.8"


def test_confirmation_link_works_once(
    client, url, mailing_list, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, url)
    token = link_in(smtp.messages[0]).split("t=")[1]
    confirm = reverse("newsletter:confirm", kwargs={"code": "165"})
    client.post(confirm, {"t": token})

    again = client.post(confirm, {"t": token})

    assert again.status_code == 400
    assert "Linket virker ikke" in again.content.decode()


def test_consent_records_when_what_and_where(
    client, url, mailing_list, smtp, django_capture_on_commit_callbacks
):
    consent = services.current_consent(mailing_list)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, url)

    subscriber = Subscriber.objects.get()
    assert subscriber.consent_text == consent
    assert consent.text.startswith("Ja tak, send mig nyhedsbrevet »Jobcentrets nyhedsbrev«")
    assert subscriber.signed_up_at is not None
    assert str(subscriber.signup_ip) == "192.0.2.7"
    assert subscriber.signup_page == "http://testserver" + url


def test_consent_keeps_the_version_shown_when_the_text_changes_later(
    client, url, mailing_list, smtp, django_capture_on_commit_callbacks
):
    first = services.current_consent(mailing_list)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, url)
    services.new_consent_version(mailing_list=mailing_list, text="Ny tekst.")

    assert Subscriber.objects.get().consent_text == first
    assert services.current_consent(mailing_list).version == 2


def test_sign_up_page_is_the_same_for_a_subscribed_address(
    client, url, mailing_list, smtp, django_capture_on_commit_callbacks
):
    services.sign_up(
        mailing_list=mailing_list,
        email="kendt@firma.example",
        consent=services.current_consent(mailing_list),
    )
    Subscriber.objects.update(state=SubscriberState.CONFIRMED)
    smtp.messages.clear()

    with django_capture_on_commit_callbacks(execute=True):
        known = sign_up(client, url, email="kendt@firma.example")
        unknown = sign_up(client, url, email="ny@firma.example")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.envelope_recipients for m in smtp.messages] == [["ny@firma.example"]]
    assert Subscriber.objects.get(email="kendt@firma.example").state == SubscriberState.CONFIRMED


def test_confirmation_mails_are_limited_per_address_whatever_is_signed_up(
    client, url, mailing_list, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(6):
            response = sign_up(client, url, email="offer@firma.example")
            assert response.status_code == 302

    assert len(smtp.to("offer@firma.example")) == 3
    assert ConfirmationMail.objects.count() == 3
    assert Subscriber.objects.count() == 1


def test_unsubscribed_address_can_sign_up_again(
    client, url, mailing_list, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, url)
    subscriber = Subscriber.objects.get()
    services.unsubscribe(subscriber=subscriber)

    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, url)
    token = link_in(smtp.messages[-1]).split("t=")[1]
    client.post(reverse("newsletter:confirm", kwargs={"code": "165"}), {"t": token})

    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED
    assert subscriber.unsubscribed_at is None


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": ""}, "email", "Skriv din e-mail-adresse."),
        (
            {"email": "ikke-en-adresse"},
            "email",
            "Skriv en gyldig e-mail-adresse, fx navn@firma.dk.",
        ),
        ({"email": "a@" + "b" * 260 + ".dk"}, "email", None),
        ({"name": "x" * 201}, "name", None),
        ({"consent_version": "abc"}, "consent_version", None),
        ({"mailing_list": "999999"}, "mailing_list", None),
    ],
)
def test_bad_input_is_refused_with_a_message_and_kept(
    client, url, mailing_list, smtp, data, field, message
):
    posted = {
        "mailing_list": mailing_list.pk,
        "email": "mette@bryggeri.example",
        "name": "Mette",
        "company_name": "Bryggeriet",
        **data,
    }

    response = client.post(url, posted)

    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    if message:
        assert form.errors[field] == [message]
    assert 'value="Bryggeriet"' in response.content.decode()
    assert not Subscriber.objects.exists()
    assert smtp.messages == []


def test_honeypot_filled_is_refused(client, url, mailing_list, smtp):
    response = sign_up(client, url, website="https://spam.example")

    assert response.status_code == 400
    assert not Subscriber.objects.exists()
    assert smtp.messages == []


def test_many_sign_ups_from_one_address_are_refused(client, url, mailing_list, smtp, settings):
    for n in range(10):
        assert sign_up(client, url, email=f"p{n}@firma.example").status_code == 302

    response = sign_up(client, url, email="p11@firma.example")

    assert response.status_code == 429
    assert "for mange tilmeldinger" in response.content.decode()
    assert Subscriber.objects.count() == 10


def test_sign_up_page_without_public_lists_says_so(client, municipality):
    response = client.get(reverse("newsletter:signup", kwargs={"code": "165"}))

    assert response.status_code == 200
    assert "ingen nyhedsbreve" in response.content.decode()


def test_sign_up_page_is_not_found_for_unknown_municipality(client, db):
    assert client.get(reverse("newsletter:signup", kwargs={"code": "999"})).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unsubscribe_link_with_a_null_character_is_refused_with_a_message(
    client, mailing_list, method
):
    # PostgreSQL refuses a NUL in a compared text: without the check this was a server error.
    url = reverse("newsletter:unsubscribe", kwargs={"code": "165"}) + "?t=abc%00def"

    response = getattr(client, method)(url)

    assert response.status_code == 400
    assert "Adressen indeholder et tegn, som ingen adresse her har (NUL)" in response.text


def test_a_name_of_invisible_characters_alone_is_refused_and_the_address_kept(
    client, url, mailing_list, smtp
):
    response = sign_up(client, url, name="\u200b\u200b")

    assert response.status_code == 400
    assert "Feltet indeholder kun usynlige tegn." in response.content.decode()
    assert 'value="mette@bryggeri.example"' in response.content.decode()
    assert not Subscriber.objects.exists()
