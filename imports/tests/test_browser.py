"""End to end in headless Chromium: staff upload seed 001 as .txt, see each proposal's sentence
marked in the document, edit one, reject one, accept the rest and create the plan."""

from pathlib import Path

import pytest

from conftest import ARTIFACTS
from core.enums import Role
from core.tests.factories import MembershipFactory, MunicipalityFactory
from imports.models import Decision, DocumentImport
from strategy.models import Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_001 = (
    Path(__file__).resolve().parents[1]
    / "evaluation"
    / "documents"
    / "seed_001_albertslund_erhvervsstrategi_2013_2017.txt"
)


def test_staff_upload_seed_001_review_and_create_the_plan(live_server, browser_page, tmp_path):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    MembershipFactory(municipality=municipality, role=Role.STAFF, user__username="medarbejder")
    upload = tmp_path / "erhvervsstrategi-2013-2017.txt"
    upload.write_bytes(SEED_001.read_bytes())
    page = browser_page

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "medarbejder")
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/k/165/")

    page.goto(f"{live_server.url}/k/165/indlaesning/ny/")
    page.set_input_files("#id_document", str(upload))
    page.click("button:has-text('Læs dokumentet')")
    page.wait_for_selector("#document-text")
    document_import = DocumentImport.objects.get()
    assert page.locator("#document-text mark").count() == 33
    assert "33 forslag" in page.locator("#decision-counts").inner_text()

    # "Vis i dokumentet" jumps to the marked sentence (an anchor, no script).
    jobs = document_import.proposals.get(sentence__startswith="Vi vil skabe 2.000")
    page.click(f"#forslag-{jobs.pk} a:has-text('Vis i dokumentet')")
    assert page.evaluate("location.hash") == f"#p-{jobs.pk}"
    assert page.locator(f"#p-{jobs.pk}").inner_text().startswith("Vi vil skabe 2.000")
    page.screenshot(path=ARTIFACTS / "imports-review.png", full_page=False)

    # Edit the rank goal, reject a qualitative one, accept the rest.
    rank = document_import.proposals.get(unit="placering")
    page.click(f"#forslag-{rank.pk} a:has-text('Ret')")
    page.fill("#id_metric", "Placering i Dansk Industris lokale erhvervsklima")
    page.click("button:has-text('Gem rettelsen')")
    page.wait_for_selector("#document-text")
    qualitative = document_import.proposals.filter(kind="qualitative").first()
    page.click(f"#forslag-{qualitative.pk} button:has-text('Afvis')")
    page.wait_for_selector("#document-text")
    page.click("#accept-remaining button")
    page.wait_for_selector("#create-plan")
    counts = page.locator("#decision-counts").inner_text()
    assert "31 godkendt, 1 rettet, 1 afvist" in counts
    page.screenshot(path=ARTIFACTS / "imports-decided.png", full_page=False)

    page.click("#create-plan button[type=submit]")
    page.wait_for_selector(".alert-success")
    plan = Plan.objects.get()
    assert plan.title == "ERHVERVSSTRATEGI 2013-2017"
    assert (plan.period_start, plan.period_end) == (2013, 2017)
    assert plan.goals.count() == 32
    assert plan.tracks.count() == 7
    rank.refresh_from_db()
    assert rank.decision == Decision.EDITED
    assert rank.goal.metric == "Placering i Dansk Industris lokale erhvervsklima"
    page.screenshot(path=ARTIFACTS / "imports-plan-created.png", full_page=True)
