"""End to end in headless Chromium: a member of the public signs up for the newsletter on a
phone (first with a mistyped address), opens the confirmation link from the mail the local SMTP
server received and confirms with one button; then staff write an issue, preview it and send it,
and the subscriber's mail arrives with its unsubscribe headers. The public pages are checked
with axe-core against WCAG 2.1 A and AA. Screenshots go to test-artifacts/."""

import re

import pytest

from conftest import ARTIFACTS
from contacts.tests.factories import MailingListFactory
from core.enums import Role
from core.tests.axe import axe_violations
from core.tests.factories import MembershipFactory, MunicipalityFactory
from core.tests.mail import body_of
from newsletter.enums import SubscriberState
from newsletter.models import Subscriber

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_public_signs_up_and_confirms_and_staff_send_an_issue(live_server, browser, smtp):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    MembershipFactory(municipality=municipality, role=Role.STAFF, user__username="medarbejder")
    MailingListFactory(
        municipality=municipality,
        name="Jobcentrets nyhedsbrev",
        slug="jobcenter",
        public_signup=True,
        description="Nyhedsbrev på de relevante samarbejdsområder",
    )

    # bypass_csp: axe-core is injected as a script (core/tests/axe.py).
    phone = browser.new_page(viewport={"width": 375, "height": 812}, bypass_csp=True)
    phone.goto(f"{live_server.url}/k/165/erhverv/nyhedsbrev/?liste=jobcenter")
    phone.fill("#id_email", "karin@albertslundlys")
    phone.click("button:has-text('Tilmeld mig')")
    phone.wait_for_selector("#error-summary")
    assert "Skriv en gyldig e-mail-adresse" in phone.locator("#error-summary").inner_text()
    phone.screenshot(path=ARTIFACTS / "newsletter-signup-error-phone.png", full_page=True)
    assert axe_violations(phone) == []

    phone.fill("#id_email", "karin@albertslundlys.example")
    phone.fill("#id_name", "Karin Jensen")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.screenshot(path=ARTIFACTS / "newsletter-signup-phone.png", full_page=True)
    phone.click("button:has-text('Tilmeld mig')")
    phone.wait_for_selector("text=Tjek din e-mail")
    phone.screenshot(path=ARTIFACTS / "newsletter-check-mail-phone.png", full_page=True)

    [mail] = smtp.to("karin@albertslundlys.example")
    path = re.search(r"https://kurs\.example(\S+)", body_of(mail)).group(1)
    phone.goto(f"{live_server.url}{path}")
    assert Subscriber.objects.get().state == SubscriberState.PENDING  # opening is not confirming
    phone.screenshot(path=ARTIFACTS / "newsletter-confirm-phone.png", full_page=True)
    assert axe_violations(phone) == []
    phone.click("button:has-text('Bekræft tilmeldingen')")
    phone.wait_for_selector("text=Du er tilmeldt")
    phone.screenshot(path=ARTIFACTS / "newsletter-confirmed-phone.png", full_page=True)
    assert Subscriber.objects.get().state == SubscriberState.CONFIRMED

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "medarbejder")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")
    page.goto(f"{live_server.url}/k/165/nyhedsbrev/ny/")
    page.fill("#id_subject", "Nyt fra Jobcentret")
    page.fill("#id_body", "Jobcentret tilbyder kandidater inden for 72 timer.\n\nVenlig hilsen")
    page.click("button:has-text('Gem og se forhåndsvisning')")
    page.wait_for_selector("text=Forhåndsvisning")
    page.screenshot(path=ARTIFACTS / "newsletter-issue-preview.png", full_page=True)
    page.click("button:has-text('Send udgaven')")
    page.wait_for_selector("#count-sent")
    assert page.locator("#count-sent").inner_text() == "1"
    page.screenshot(path=ARTIFACTS / "newsletter-issue-sent.png", full_page=True)

    [issue_mail] = [m for m in smtp.to("karin@albertslundlys.example") if "List-Unsubscribe" in m]
    assert "Jobcentret tilbyder kandidater inden for 72 timer." in body_of(issue_mail)
