"""End to end in headless Chromium: a business sends the public form on a phone (the CVR number
looked up and shown back), then staff take the inquiry from the queue, record the first
response, pause it waiting for papers, resume and close it; the company page shows the inquiry
in the firm's timeline; the business answers the satisfaction question with one click.
Screenshots go to test-artifacts/."""

import pytest

from businesses.models import Company
from conftest import ARTIFACTS
from core.enums import Role
from core.tests.factories import MembershipFactory, MunicipalityFactory
from inquiries import satisfaction
from inquiries.enums import Action, State
from inquiries.models import Inquiry, SatisfactionAnswer
from inquiries.tests.factories import TeamFactory, TopicFactory
from inquiries.views import BUTTONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_business_sends_an_inquiry_and_staff_handle_it(live_server, browser):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    staff = MembershipFactory(
        municipality=municipality,
        role=Role.STAFF,
        user__username="medarbejder",
        user__first_name="Lars",
        user__last_name="Holm",
    ).user
    team = TeamFactory(municipality=municipality, name="Byggesager og lokalplaner", lead=staff)
    TopicFactory(municipality=municipality, team=team, name="Byggetilladelse")
    Company.objects.create(cvr_number="29403473", name="Albertslund Lys A/S")

    # The business, on a phone.
    phone = browser.new_page(viewport={"width": 375, "height": 812})
    phone.goto(f"{live_server.url}/k/165/erhverv/henvendelse/")
    phone.click("button:has-text('Send henvendelsen')")
    phone.wait_for_selector("#error-summary")
    assert "Henvendelsen er ikke sendt" in phone.locator("#error-summary").inner_text()
    phone.screenshot(path=ARTIFACTS / "inquiry-form-errors-phone.png", full_page=True)

    phone.fill("#id_cvr_number", "29 40 34 73")
    phone.press("#id_cvr_number", "Tab")
    phone.wait_for_selector("text=Fundet i CVR-registeret")
    assert phone.input_value("#id_company_name") == "Albertslund Lys A/S"
    phone.check("text=Byggetilladelse")
    phone.fill("#id_message", "Vi vil bygge en ny lagerhal og har brug for en byggetilladelse.")
    phone.fill("#id_contact_name", "Karin Jensen")
    phone.fill("#id_email", "karin@albertslundlys.example")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.screenshot(path=ARTIFACTS / "inquiry-form-phone.png", full_page=True)
    phone.click("button:has-text('Send henvendelsen')")
    phone.wait_for_selector("text=Tak for din henvendelse")
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in phone.locator("main").inner_text()
    assert "Lars Holm" in phone.locator("main").inner_text()
    phone.screenshot(path=ARTIFACTS / "inquiry-thanks-phone.png", full_page=True)

    # Staff, at a desk.
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "medarbejder")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")
    page.click("nav >> text=Henvendelser")
    page.wait_for_selector(f"text={inquiry.reference}")
    assert "Første svar:" in page.locator(".kurs-queue").inner_text()
    page.screenshot(path=ARTIFACTS / "inquiry-queue.png", full_page=True)

    page.click(f"text={inquiry.reference}")
    page.click(f"button:has-text('{BUTTONS[Action.TAKEN]}')")
    page.wait_for_selector(".alert-success")
    assert page.locator("#inquiry-state").inner_text() == State.RUNNING.label
    page.click(f"button:has-text('{BUTTONS[Action.RESPONDED]}')")
    page.wait_for_selector(".alert-success")
    assert "Afgørelse:" in page.locator(".kurs-clock").inner_text()

    page.fill("#reason-paused", "Mangler tegninger af facaden")
    page.click(f"button:has-text('{BUTTONS[Action.PAUSED]}')")
    page.wait_for_selector(".alert-success")
    assert page.locator("#inquiry-state").inner_text() == State.WAITING.label
    assert "på pause" in page.locator(".kurs-clock").inner_text()
    page.screenshot(path=ARTIFACTS / "inquiry-paused.png", full_page=True)

    page.click(f"button:has-text('{BUTTONS[Action.RESUMED]}')")
    page.wait_for_selector(".alert-success")
    page.fill("#reason-closed", "Byggetilladelse givet")
    page.click(f"button:has-text('{BUTTONS[Action.CLOSED]}')")
    page.wait_for_selector(".alert-success")
    assert page.locator("#inquiry-state").inner_text() == State.CLOSED.label
    assert "Mangler tegninger af facaden" in page.locator(".kurs-log").inner_text()
    page.screenshot(path=ARTIFACTS / "inquiry-closed.png", full_page=True)

    inquiry.refresh_from_db()
    assert list(inquiry.events.values_list("action", flat=True)) == [
        Action.RECEIVED,
        Action.TAKEN,
        Action.RESPONDED,
        Action.PAUSED,
        Action.RESUMED,
        Action.CLOSED,
    ]
    assert inquiry.company.name == "Albertslund Lys A/S"

    # The company page holds the inquiry in the firm's timeline, linking to the case.
    page.goto(f"{live_server.url}/k/165/virksomheder/{inquiry.company.pk}/")
    timeline = page.locator("#company-timeline")
    assert f"{inquiry.reference} {inquiry.topic.name}" in timeline.inner_text()
    timeline.locator(f"a:has-text('{inquiry.reference}')").click()
    page.wait_for_selector("#inquiry-state")
    assert page.locator("#inquiry-state").inner_text() == State.CLOSED.label
    page.goto(f"{live_server.url}/k/165/virksomheder/{inquiry.company.pk}/")
    page.screenshot(path=ARTIFACTS / "inquiry-company-page.png", full_page=True)

    # The business clicks "satisfied" in the e-mail: the page sends the answer by itself.
    phone.goto(f"{live_server.url}{satisfaction.path_for(inquiry, True)}")
    phone.wait_for_selector("text=Tak for dit svar")
    phone.screenshot(path=ARTIFACTS / "inquiry-satisfied-phone.png", full_page=True)
    assert SatisfactionAnswer.objects.get(inquiry=inquiry).satisfied is True
