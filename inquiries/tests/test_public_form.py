"""The public inquiry form: no login, the CVR lookup, the receipt by e-mail, and bad input (it
keeps what was typed), the honeypot, the rate limit and the size limits."""

import pytest
from django.urls import reverse

from businesses.models import Company
from core.ratelimit import FORM_LIMIT
from core.tests.mail import body_of, subject_of
from inquiries.models import Inquiry
from inquiries.tests.conftest import BUSINESS

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(municipality):
    return reverse("inquiries:form", kwargs={"code": municipality.code})


@pytest.fixture
def posted(topic):
    return {**BUSINESS, "topic": str(topic.pk)}


def test_the_form_is_public_and_lists_the_topics_with_their_promise(client, url, topic):
    response = client.get(url)
    assert response.status_code == 200
    assert (
        f"{topic.name} (svar inden for 8 arbejdstimer, afgørelse inden for 10-20 kalenderdage)"
        in (response.content.decode())
    )


def test_the_form_and_the_thanks_page_are_never_cached(client, url, posted):
    assert "no-store" in client.get(url)["Cache-Control"]
    thanks = client.get(client.post(url, posted)["Location"])
    assert "no-store" in thanks["Cache-Control"]


def test_an_unknown_municipality_has_no_form(client):
    assert client.get(reverse("inquiries:form", kwargs={"code": "999"})).status_code == 404


def test_a_sent_inquiry_is_stored_shown_back_and_receipted_by_email(
    client, url, posted, smtp, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, posted)
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("inquiries:thanks", kwargs={"code": "165"})
    thanks = client.get(response["Location"]).content.decode()
    assert inquiry.reference in thanks
    assert "Lene Leder" in thanks
    (message,) = smtp.messages
    assert message.envelope_recipients == ["karin@smedie.example"]
    assert subject_of(message) == f"Kvittering for din henvendelse {inquiry.reference}"
    body = body_of(message)
    assert f"Sagsnummer: {inquiry.reference}" in body
    assert "Din kontaktperson: Lene Leder, Byggesager og lokalplaner" in body
    assert "Vi afgør sagen inden for 10-20 kalenderdage" in body


def test_the_receipt_states_the_first_response_deadline_in_danish(
    client, url, posted, smtp, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to("2026-01-08 15:00 +01:00", tick=False)  # Thursday
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, posted)
    assert (
        "Du får et første svar senest 12. jan. 2026 09:00 (vores servicemål: 8 arbejdstimer)."
        in (body_of(smtp.messages[0]))
    )


def test_a_known_cvr_number_links_the_register_company(client, url, posted):
    company = Company.objects.create(cvr_number="12345674", name="Hersted Smedie ApS")
    client.post(url, posted)
    assert Inquiry.objects.get().company == company


def test_a_valid_cvr_number_the_register_does_not_know_is_accepted(client, url, posted):
    client.post(url, posted)
    assert (Inquiry.objects.get().company, Inquiry.objects.get().cvr_number) == (None, "12345674")


def test_the_lookup_shows_the_registers_name(client, municipality):
    Company.objects.create(cvr_number="29403473", name="Albertslund Lys A/S")
    response = client.get(
        reverse("inquiries:cvr_lookup", kwargs={"code": municipality.code}),
        {"cvr_number": "29 40 34 73"},
    )
    content = response.content.decode()
    assert "Fundet i CVR-registeret: <strong>Albertslund Lys A/S</strong>" in content
    assert 'data-company="Albertslund Lys A/S"' in content


def test_the_lookup_of_an_invalid_number_says_why(client, municipality):
    response = client.get(
        reverse("inquiries:cvr_lookup", kwargs={"code": municipality.code}),
        {"cvr_number": "12345678"},
    )
    assert "12345678 er ikke et gyldigt CVR-nummer" in response.content.decode()


def test_the_lookup_does_not_show_a_municipalitys_own_firms(client, municipality):
    Company.objects.create(cvr_number="29403473", name="Intern note-firma", kept_by=municipality)
    response = client.get(
        reverse("inquiries:cvr_lookup", kwargs={"code": municipality.code}),
        {"cvr_number": "29403473"},
    )
    assert "Intern note-firma" not in response.content.decode()


def test_bad_input_is_refused_with_a_message_and_keeps_what_was_typed(client, url, posted):
    response = client.post(url, {**posted, "cvr_number": "12345678", "email": "karin@"})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Henvendelsen er ikke sendt. Ret disse fejl:" in content
    assert 'href="#id_cvr_number"' in content
    assert 'aria-describedby="id_cvr_number-hint id_cvr_number-error"' in content
    assert 'value="Hersted Smedie ApS"' in content
    assert 'value="karin@"' in content
    assert "Vi vil bygge en ny hal og spørger om byggetilladelse." in content
    assert Inquiry.objects.count() == 0


def test_a_missing_topic_is_refused(client, url, posted):
    response = client.post(url, {**posted, "topic": ""})
    assert response.status_code == 400
    assert Inquiry.objects.count() == 0


def test_a_message_over_the_limit_is_refused(client, url, posted):
    response = client.post(url, {**posted, "message": "x" * 5_001})
    assert response.status_code == 400
    assert "Teksten er for lang: skriv højst 5000 tegn (du skrev 5001)." in (
        response.content.decode()
    )
    assert Inquiry.objects.count() == 0


def test_a_filled_honeypot_stores_nothing(client, url, posted):
    response = client.post(url, {**posted, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "Lad feltet &#x27;Lad dette felt være tomt&#x27; være tomt" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_too_many_posts_from_one_address_are_refused_keeping_the_text(client, url, posted):
    limit, _window = FORM_LIMIT
    for _ in range(limit):
        client.post(url, {**posted, "cvr_number": "1"})
    response = client.post(url, posted)
    assert response.status_code == 429
    assert "Der er sendt for mange henvendelser fra din adresse." in response.content.decode()
    assert 'value="Hersted Smedie ApS"' in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_the_limit_is_per_address(client, url, posted):
    limit, _window = FORM_LIMIT
    for _ in range(limit):
        client.post(url, {**posted, "cvr_number": "1"}, REMOTE_ADDR="10.0.0.1")
    assert client.post(url, posted, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_a_double_submission_stores_one_inquiry(client, url, posted):
    token = "2f0b8d8e-1111-4222-8333-444455556666"
    client.post(url, {**posted, "submission_token": token})
    client.post(url, {**posted, "submission_token": token})
    assert Inquiry.objects.count() == 1


def test_the_thanks_page_without_a_sent_inquiry_goes_to_the_form(client, municipality):
    response = client.get(reverse("inquiries:thanks", kwargs={"code": municipality.code}))
    assert response["Location"] == reverse("inquiries:form", kwargs={"code": municipality.code})


@pytest.mark.parametrize(
    ("field", "invisible"),
    [("contact_name", "\u200b\u200d"), ("company_name", "\u202e\ufeff"), ("message", "\u3164")],
)
def test_a_text_of_invisible_characters_alone_is_refused_and_the_rest_kept(
    client, url, posted, field, invisible
):
    response = client.post(url, {**posted, field: invisible})

    content = response.content.decode()
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert errors[0].startswith("Feltet indeholder kun usynlige tegn.")
    assert 'value="karin@smedie.example"' in content
    assert Inquiry.objects.count() == 0
