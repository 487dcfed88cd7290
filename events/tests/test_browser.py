"""End to end in headless Chromium, as a member of the public on a phone: the form refuses a bad
e-mail address and keeps what was typed; registering for a full event puts the person on the
waiting list. Screenshots go to test-artifacts/."""

import pytest

from conftest import ARTIFACTS
from core.tests.factories import MunicipalityFactory
from events.enums import RegistrationState
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_of_the_public_registers_for_a_full_event_and_waits(live_server, browser):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    event = EventFactory(
        municipality=municipality,
        title="Netværksmøde om grøn omstilling",
        capacity=2,
        description="<p>Mød andre virksomheder i <strong>Albertslund</strong>.</p>",
    )
    RegistrationFactory.create_batch(2, event=event)

    phone = browser.new_page(viewport={"width": 375, "height": 812})
    phone.goto(f"{live_server.url}/k/165/erhverv/arrangementer/")
    phone.click("text=Netværksmøde om grøn omstilling")
    assert "Arrangementet er fuldt" in phone.locator("#full-notice").inner_text()
    phone.fill("#id_name", "Karin Hansen")
    phone.fill("#id_email", "karin@")
    phone.fill("#id_company_name", "Albertslund Lys A/S")
    phone.check("#id_consent")
    phone.click("button:has-text('Skriv mig på ventelisten')")
    phone.wait_for_selector("#error-summary")
    assert "E-mail" in phone.locator("#error-summary").inner_text()
    assert phone.input_value("#id_company_name") == "Albertslund Lys A/S"
    phone.screenshot(path=str(ARTIFACTS / "events-public-error.png"), full_page=True)

    phone.fill("#id_email", "karin@example.com")
    phone.check("#id_consent")
    phone.click("button:has-text('Skriv mig på ventelisten')")
    phone.wait_for_selector("#registration-result")
    assert "Du er nummer 1 på ventelisten" in phone.locator("#registration-result").inner_text()
    phone.screenshot(path=str(ARTIFACTS / "events-public-waiting-list.png"), full_page=True)

    registration = Registration.objects.get(email="karin@example.com")
    assert registration.state == RegistrationState.WAITING
    # The link in the receipt: the self-service page says where the person stands.
    phone.goto(f"{live_server.url}/k/165/erhverv/arrangementer/tilmelding/{registration.token}/")
    assert "nummer 1 på ventelisten" in phone.locator("#registration-state").inner_text()
    phone.click("#cancel")
    phone.wait_for_selector("#registration-state:has-text('Afmeldt')")
    phone.screenshot(path=str(ARTIFACTS / "events-public-left-the-list.png"), full_page=True)
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CANCELLED
