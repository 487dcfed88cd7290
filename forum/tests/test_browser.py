"""End to end in headless Chromium. Staff record a forum meeting (a theme proposed on the
public page and accepted, participants, one from a registered firm, attendance and minutes),
close it and complete its three follow-ups, sending the participants' mail through SMTP; the
firm's company page shows the meeting. A business on a phone proposes a theme (refused first,
empty), which staff accept, and follows it by e-mail, confirming with the link; the public pages
pass axe's WCAG 2.1 AA rules. Screenshots go to test-artifacts/."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from businesses.models import Company
from conftest import ARTIFACTS
from core.enums import Role
from core.tests.axe import axe_violations
from core.tests.factories import MembershipFactory, MunicipalityFactory
from core.tests.mail import body_of, subject_of
from forum import services
from forum.enums import IdeaStatus
from forum.models import Follower, FollowUp, Idea, Meeting
from forum.tests.factories import ForumFactory, IdeaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_record_a_forum_meeting_close_it_and_complete_its_follow_ups(
    live_server, browser, smtp
):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    MembershipFactory(
        municipality=municipality,
        role=Role.STAFF,
        user__username="medarbejder",
        user__first_name="Lars",
        user__last_name="Holm",
    )
    ForumFactory(municipality=municipality)
    IdeaFactory(municipality=municipality, title="Nye muligheder med Letbanen")
    company = Company.objects.create(cvr_number="29403473", name="Albertslund Lys A/S")
    held_on = timezone.localdate() - timedelta(days=1)

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "medarbejder")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")

    # The meeting: date, theme picked among the accepted ones, agenda and minutes.
    page.goto(f"{live_server.url}/k/165/erhvervsforum/")
    page.click("text=Nyt møde")
    page.fill("#id_planned", "januar 2015")
    page.fill("#id_held_on", held_on.isoformat())
    page.fill("#id_title", "Letbanen og erhvervsområderne")
    page.check("text=Nye muligheder med Letbanen")
    page.fill("#id_agenda", "1. Velkomst ved borgmesteren\n2. Letbanens stationer")
    page.fill(
        "#id_minutes",
        "<p>Virksomhederne ønsker <strong>bedre busforbindelser</strong> til stationerne.</p>",
    )
    page.screenshot(path=ARTIFACTS / "forum-meeting-form.png", full_page=True)
    page.click("button:has-text('Gem mødet')")
    page.wait_for_selector("#meeting-facts")
    assert "bedre busforbindelser" in page.locator("#meeting-minutes").inner_text()

    # Participants: one from a registered firm (by CVR number), one without.
    page.fill("#id_name", "Karin Jensen")
    page.fill("#id_email", "karin@lys.example")
    page.fill("#id_cvr_number", "29 40 34 73")
    page.click("#participant-form button[type=submit]")
    page.wait_for_selector("text=Deltageren er tilføjet")
    page.fill("#id_name", "Ole Hansen")
    page.fill("#id_email", "ole@bryg.example")
    page.fill("#id_organisation", "Vestskov Bryghus")
    page.click("#participant-form button[type=submit]")
    page.wait_for_selector("text=Ole Hansen")
    for checkbox in page.locator("#meeting-participants input[type=checkbox]").all():
        checkbox.check()
    page.click("button:has-text('Gem fremmøde')")
    page.wait_for_selector("text=Fremmødet er gemt")
    assert "Albertslund Lys A/S" in page.locator("#meeting-participants").inner_text()

    page.click("button:has-text('Afslut mødet og opret opfølgning')")
    page.wait_for_selector("text=De tre opfølgninger er oprettet")
    assert page.locator("#meeting-state").inner_text().startswith("Afholdt")
    page.screenshot(path=ARTIFACTS / "forum-meeting-closed.png", full_page=True)

    # The briefing to the committee: its draft is prefilled; mark it done.
    page.click("#follow-ups >> text=Skriftlig orientering til udvalget")
    body = page.input_value("#id_body")
    assert "Deltagere: 2 fra 2 virksomheder og organisationer." in body
    assert "bedre busforbindelser" in body
    page.screenshot(path=ARTIFACTS / "forum-follow-up-briefing.png", full_page=True)
    page.click("button:has-text('Markér som udført')")
    page.wait_for_selector("text=Opfølgningen er markeret som udført")
    assert "Lars Holm" in page.locator("#follow-up-done").inner_text()

    # The mail to the participants: sent through SMTP, one to each.
    page.click("text=Letbanen og erhvervsområderne")
    page.click("#follow-ups >> text=Mail til deltagerne")
    page.click("button:has-text('Send mailen til deltagerne')")
    page.wait_for_selector("text=Mailen er sendt til 2 deltagere")
    assert sorted(m.envelope_recipients[0] for m in smtp.messages) == [
        "karin@lys.example",
        "ole@bryg.example",
    ]
    assert subject_of(smtp.messages[0]).startswith("Tak for deltagelsen i Strategisk")

    # The article: edited, then done.
    page.click("text=Letbanen og erhvervsområderne")
    page.click("#follow-ups >> text=Artikel på erhvervshjemmesiden")
    page.fill("#id_subject", "Letbanen skal give nye job")
    page.click("button:has-text('Gem udkastet')")
    page.wait_for_selector("text=Udkastet er gemt")
    page.click("button:has-text('Markér som udført')")
    page.wait_for_selector("text=Opfølgningen er markeret som udført")

    page.click("text=Letbanen og erhvervsområderne")
    page.wait_for_selector("#follow-ups")
    assert page.locator("#follow-ups").inner_text().count("overskredet") == 0
    page.screenshot(path=ARTIFACTS / "forum-follow-ups-done.png", full_page=True)
    meeting = Meeting.objects.get()
    assert FollowUp.objects.filter(meeting=meeting, done_at__isnull=False).count() == 3

    # The firm's company page shows the meeting on its timeline.
    page.goto(f"{live_server.url}/k/165/virksomheder/{company.pk}/")
    assert (
        "Letbanen og erhvervsområderne (deltog)" in page.locator("#company-timeline").inner_text()
    )


def test_a_business_proposes_a_theme_and_follows_what_came_of_it(live_server, browser, smtp):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    ForumFactory(municipality=municipality)
    IdeaFactory(
        municipality=municipality, title="Lysregionen, innovation og internationale markeder"
    )
    context = browser.new_context(viewport={"width": 375, "height": 812}, bypass_csp=True)
    phone = context.new_page()

    phone.goto(f"{live_server.url}/k/165/erhverv/erhvervsforum/temaer/")
    assert axe_violations(phone) == []
    phone.click("button:has-text('Send forslaget')")
    phone.wait_for_selector("#error-summary")
    phone.fill("#id_title", "Erhvervsudvikling i Hersted Industripark")
    phone.fill("#id_proposer_name", "Karin Jensen")
    phone.fill("#id_proposer_email", "karin@lys.example")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.click("button:has-text('Send forslaget')")
    phone.wait_for_selector("#proposal-thanks")
    assert "Hersted" not in phone.locator("#public-themes").inner_text()
    phone.screenshot(path=ARTIFACTS / "forum-theme-proposed-phone.png", full_page=True)

    # Accepted by staff, the theme is public and can be followed.
    idea = Idea.objects.get(title="Erhvervsudvikling i Hersted Industripark")
    services.review_idea(idea=idea, status=IdeaStatus.ACCEPTED, expected_version=1)
    phone.goto(f"{live_server.url}/k/165/erhverv/erhvervsforum/temaer/")
    phone.click("text=Erhvervsudvikling i Hersted Industripark")
    phone.wait_for_selector("#follow-form")
    assert axe_violations(phone) == []
    phone.fill("#follow-form input[type=email]", "karin@lys.example")
    phone.click("button:has-text('Følg')")
    phone.wait_for_selector("text=Tjek din mail")
    (confirmation,) = smtp.messages
    link = re.search(r"https://kurs\.example(\S+)", body_of(confirmation))[1]
    phone.goto(f"{live_server.url}{link}")
    phone.click("button:has-text('Bekræft, at jeg vil følge forløbet')")
    phone.wait_for_selector("text=Du følger nu")
    phone.screenshot(path=ARTIFACTS / "forum-follow-confirmed-phone.png", full_page=True)
    assert Follower.objects.get().confirmed_at is not None
