"""The public pages: registering (bad input, double posts, the honeypot, the rate limit),
the receipt, the self-service page from the mails, and the mails themselves (.ics read back)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from businesses.models import Company
from core.tests.mail import body_of, subject_of
from events.enums import RegistrationState as S
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

VALID_CVR = "29403473"


@pytest.fixture
def register_url():
    return reverse("events:register", kwargs={"code": "165"})


def posted(event, **changes):
    data = {
        "event": str(event.pk),
        "name": "Karin Hansen",
        "email": "karin@example.com",
        "company_name": "Albertslund Lys A/S",
        "cvr_number": VALID_CVR,
        "consent": "on",
        "website": "",
    }
    return {key: value for key, value in {**data, **changes}.items() if value is not None}


def test_the_public_page_shows_the_event_and_the_form(client, event):
    response = client.get(
        reverse("events:public_detail", kwargs={"code": "165", "event_id": event.pk})
    )

    assert response.status_code == 200
    assert "Netværksmøde om grøn omstilling" in response.text
    assert 'id="seats-left">2<' in response.text
    assert event.privacy_text in response.text


def test_a_non_public_or_foreign_event_is_not_found(client, municipality, other_municipality):
    hidden = EventFactory(municipality=municipality, is_public=False)
    foreign = EventFactory(municipality=other_municipality)

    for event in (hidden, foreign):
        url = reverse("events:public_detail", kwargs={"code": "165", "event_id": event.pk})
        assert client.get(url).status_code == 404


def test_registering_confirms_by_mail_with_an_ics_file(
    client, event, register_url, smtp, django_capture_on_commit_callbacks
):
    company = Company.objects.create(cvr_number=VALID_CVR, name="Albertslund Lys A/S")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url, posted(event))

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.state, registration.company, registration.consent_text) == (
        S.REGISTERED,
        company,
        event.privacy_text,
    )
    thanks = client.get(response["Location"])
    assert "Du er tilmeldt" in thanks.text
    [message] = smtp.to("karin@example.com")
    assert subject_of(message) == "Du er tilmeldt: Netværksmøde om grøn omstilling"
    manage = reverse("events:manage", kwargs={"code": "165", "token": registration.token})
    assert f"https://kurs.example{manage}" in body_of(message)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "arrangement.ics"
    calendar = Calendar.from_ical(attachment.get_content())
    [entry] = calendar.walk("VEVENT")
    assert str(entry["uid"]) == f"event-{event.pk}@kurs"
    assert str(entry["summary"]) == "Netværksmøde om grøn omstilling"
    assert entry.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert entry.decoded("dtend") == event.ends_at.replace(microsecond=0)
    assert str(entry["location"]) == "Albertslund Rådhus"


def test_a_full_event_puts_the_person_on_the_waiting_list_with_a_receipt(
    client, event, register_url, smtp, django_capture_on_commit_callbacks
):
    RegistrationFactory.create_batch(2, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url, posted(event))

    thanks = client.get(response["Location"])
    assert "Du er nummer 1 på ventelisten" in thanks.text
    [message] = smtp.to("karin@example.com")
    assert subject_of(message) == "Du er på ventelisten: Netværksmøde om grøn omstilling"
    assert "nummer 1" in body_of(message)
    assert "?handling=afmeld" in body_of(message)
    assert list(message.iter_attachments()) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "ikke-en-mail"}, "email", "Indtast en gyldig e-mail-adresse."),
        ({"cvr_number": "12345678"}, "cvr_number", None),
        (
            {"name": "x" * 5000},
            "name",
            "Teksten er for lang: skriv højst 200 tegn (du skrev 5000).",
        ),
        ({"consent": None}, "consent", "Sæt kryds for at tilmelde dig."),
        ({"name": ""}, "name", "Dette felt er påkrævet."),
    ],
)
def test_bad_input_is_refused_and_the_form_keeps_what_was_typed(
    client, event, register_url, changes, field, message
):
    response = client.post(register_url, posted(event, **changes))

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == [field]
    if message:
        assert errors[field] == [message]
    assert 'value="Albertslund Lys A/S"' in response.text
    assert Registration.objects.count() == 0


def test_a_huge_post_is_refused_without_storing_anything(client, event, register_url):
    response = client.post(register_url, posted(event, company_name="å" * 100_000))

    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_a_double_post_registers_once_and_a_second_form_is_refused(client, event, register_url):
    data = posted(event, submission_token="6f0c1c49-5b7b-4c2a-9a55-8f1f6d8c1a11")
    first = client.post(register_url, data)
    second = client.post(register_url, data)
    third = client.post(register_url, posted(event))

    assert (first.status_code, second.status_code, third.status_code) == (302, 302, 400)
    assert third.context["form"].errors == {
        "email": ["Den e-mail er allerede tilmeldt arrangementet."]
    }
    assert Registration.objects.count() == 1


def test_the_honeypot_refuses_a_bot(client, event, register_url):
    response = client.post(register_url, posted(event, website="http://spam.example"))

    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_too_many_posts_from_one_address_are_refused(client, event, register_url):
    for n in range(10):
        client.post(register_url, posted(event, email=f"p{n}@example.com"))

    response = client.post(register_url, posted(event, email="p11@example.com"))

    assert response.status_code == 429
    assert Registration.objects.count() == 2 + 8  # 2 seats and 8 on the waiting list


def test_a_post_for_a_hidden_or_missing_event_is_refused(client, municipality, register_url):
    hidden = EventFactory(municipality=municipality, is_public=False)

    assert client.post(register_url, posted(hidden)).status_code == 400
    assert client.post(register_url, {}).status_code == 400
    assert Registration.objects.count() == 0


def test_a_closed_registration_shows_why(client, municipality, register_url):
    event = EventFactory(municipality=municipality, cancelled_at=timezone.now())

    page = client.get(reverse("events:public_detail", kwargs={"code": "165", "event_id": event.pk}))
    response = client.post(register_url, posted(event))

    assert "Arrangementet er aflyst." in page.text
    assert 'id="registration-form"' not in page.text
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def manage_url(registration, action=""):
    url = reverse("events:manage", kwargs={"code": "165", "token": registration.token})
    return f"{url}?handling={action}" if action else url


def test_self_cancellation_frees_the_seat_for_the_first_waiting(
    client, event, smtp, django_capture_on_commit_callbacks
):
    seated = RegistrationFactory(event=event, email="first@example.com")
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, state=S.WAITING, email="wait@example.com")

    assert client.get(manage_url(seated)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage_url(seated), {"handling": "afmeld"})

    assert response.status_code == 302
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.state, waiting.state) == (S.CANCELLED, S.OFFERED)
    assert subject_of(smtp.to("first@example.com")[0]) == (
        "Du er afmeldt: Netværksmøde om grøn omstilling"
    )
    [offer] = smtp.to("wait@example.com")
    assert subject_of(offer) == "Der er en plads til dig: Netværksmøde om grøn omstilling"
    assert f"https://kurs.example{manage_url(waiting, 'accepter')}" in body_of(offer)
    assert f"https://kurs.example{manage_url(waiting, 'afmeld')}" in body_of(offer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_url(waiting), {"handling": "accepter"})
    waiting.refresh_from_db()
    assert waiting.state == S.REGISTERED
    assert smtp.to("wait@example.com")[-1].get_content_type() == "multipart/mixed"


def test_opening_the_link_changes_nothing(client, event):
    seated = RegistrationFactory(event=event)

    page = client.get(manage_url(seated, "afmeld"))

    seated.refresh_from_db()
    assert seated.state == S.REGISTERED
    assert "Afmeld mig" in page.text


def test_an_unknown_key_shows_a_short_page(client, municipality):
    response = client.get(reverse("events:manage", kwargs={"code": "165", "token": "x" * 500}))

    assert response.status_code == 400
    assert "Linket virker ikke" in response.text


def test_a_key_works_only_under_its_own_municipality(client, other_municipality):
    foreign = RegistrationFactory(event=EventFactory(municipality=other_municipality))

    response = client.get(manage_url(foreign))

    assert response.status_code == 404 or response.status_code == 400
    assert foreign.name not in response.text


def test_the_feed_holds_public_events_only(client, municipality, other_municipality):
    shown = EventFactory(municipality=municipality, title="Konference om lys")
    cancelled = EventFactory(municipality=municipality, cancelled_at=timezone.now())
    EventFactory(municipality=municipality, is_public=False, title="Internt møde")
    EventFactory(municipality=municipality, starts_at=timezone.now() - timedelta(days=400))
    EventFactory(municipality=other_municipality, title="Ballerups møde")
    RegistrationFactory(event=shown, name="Hemmelig Person")

    response = client.get(reverse("events:feed", kwargs={"code": "165"}))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response["Cache-Control"]
    entries = Calendar.from_ical(response.content).walk("VEVENT")
    assert {str(e["uid"]): str(e["status"]) for e in entries} == {
        f"event-{shown.pk}@kurs": "CONFIRMED",
        f"event-{cancelled.pk}@kurs": "CANCELLED",
    }
    assert b"Hemmelig" not in response.content


def test_the_public_list_shows_coming_public_events(client, municipality):
    EventFactory(municipality=municipality, title="Kommende")
    EventFactory(
        municipality=municipality, title="Forbi", starts_at=timezone.now() - timedelta(days=1)
    )
    EventFactory(municipality=municipality, title="Lukket", is_public=False)

    response = client.get(reverse("events:public_list", kwargs={"code": "165"}))

    assert "Kommende" in response.text
    assert "Forbi" not in response.text
    assert "Lukket" not in response.text


@pytest.mark.parametrize("token", ["%00", "abc%00def"])
def test_a_self_service_link_with_a_null_character_is_refused_with_a_message(
    client, municipality, token
):
    # PostgreSQL refuses a NUL in a compared text: without the check this was a server error.
    response = client.get(f"/k/165/erhverv/arrangementer/tilmelding/{token}/")

    assert response.status_code == 400
    assert "Adressen indeholder et tegn, som ingen adresse her har (NUL)" in response.text


@pytest.mark.parametrize("changes", [{"name": "\u200b"}, {"company_name": "\u2060\u200e"}])
def test_a_name_of_invisible_characters_alone_is_refused_and_the_rest_kept(
    client, event, register_url, changes
):
    response = client.post(register_url, posted(event, **changes))

    (field,) = changes
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert errors[field][0].startswith("Feltet indeholder kun usynlige tegn.")
    assert 'value="karin@example.com"' in response.text
    assert Registration.objects.count() == 0
