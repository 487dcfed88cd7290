"""Upload, review, decide and create: who may do what, the marked document, the kept decisions,
the refusal of a stale decision, and the plan created all or nothing."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.concurrency import ConcurrentEditError
from imports import services
from imports.models import Decision, DocumentImport, Proposal
from imports.queries import decision_counts
from strategy.enums import GoalKind, PlanStatus
from strategy.models import Goal, Plan, Track

pytestmark = pytest.mark.django_db

SEED_001 = (
    Path(__file__).resolve().parents[1]
    / "evaluation"
    / "documents"
    / "seed_001_albertslund_erhvervsstrategi_2013_2017.txt"
)
SMALL = (
    "Erhvervsstrategi 2020-2024\n\n"
    "Strategisk spor: Grøn vækst\n\nMål\n\n"
    "- At skabe mindst 300 nye arbejdspladser inden 2024\n"
    "- At fremme grønne iværksættere\n\n"
    "Tværgående spor: Erhvervsservice\n\nMål\n\n"
    "- At kommunen placeres i top 10 på Dansk Industris måling inden 2023\n"
)


def upload_of(text=SMALL, name="strategi.txt"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def imported(municipality, staff, text=SMALL):
    return services.import_document(municipality=municipality, user=staff, upload=upload_of(text))


def review_url(document_import, code="165"):
    return reverse(
        "imports:review", kwargs={"code": code, "document_import_id": document_import.pk}
    )


def decide_url(proposal, code="165"):
    return reverse(
        "imports:decide",
        kwargs={
            "code": code,
            "document_import_id": proposal.document_import_id,
            "proposal_id": proposal.pk,
        },
    )


def test_upload_reads_the_document_and_shows_the_review(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("imports:upload", kwargs={"code": "165"}), {"document": upload_of()}
    )
    document_import = DocumentImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == review_url(document_import)
    assert document_import.title == "Erhvervsstrategi 2020-2024"
    assert document_import.proposals.count() == 3
    page = client.get(review_url(document_import)).content.decode()
    first = document_import.proposals.order_by("order").first()
    assert f'<mark class="kurs-mark kurs-mark--pending" id="p-{first.pk}">' in page
    assert f'href="#p-{first.pk}"' in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_an_upload_whose_content_is_not_its_extension_is_refused_with_the_form_kept(client, staff):
    client.force_login(staff)
    fake = SimpleUploadedFile("strategi.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(reverse("imports:upload", kwargs={"code": "165"}), {"document": fake})
    assert response.status_code == 400
    assert "er ikke et PDF-dokument" in response.content.decode()
    assert not DocumentImport.objects.exists()


def test_a_scanned_pdf_is_refused_with_a_clear_message(client, staff):
    from weasyprint import HTML

    client.force_login(staff)
    scan = HTML(string='<svg width="10" height="10"><rect width="10" height="10"/></svg>')
    upload = SimpleUploadedFile("scan.pdf", scan.write_pdf(), content_type="application/pdf")
    response = client.post(reverse("imports:upload", kwargs={"code": "165"}), {"document": upload})
    assert response.status_code == 400
    assert "scanning" in response.content.decode()


def test_a_committee_reader_may_read_the_review_but_not_decide(
    client, municipality, staff, committee_reader
):
    document_import = imported(municipality, staff)
    proposal = document_import.proposals.first()
    client.force_login(committee_reader)
    assert client.get(review_url(document_import)).status_code == 200
    response = client.post(decide_url(proposal), {"decision": "accepted", "version": 1})
    assert response.status_code == 403
    assert Proposal.objects.get(pk=proposal.pk).decision == Decision.PENDING


def test_an_outsider_gets_404(client, municipality, staff, outsider):
    document_import = imported(municipality, staff)
    client.force_login(outsider)
    assert client.get(review_url(document_import)).status_code == 404


def test_decisions_are_kept_with_the_original_and_counted_as_mistakes(client, municipality, staff):
    document_import = imported(municipality, staff)
    jobs, qualitative, rank = document_import.proposals.order_by("order")
    client.force_login(staff)
    client.post(decide_url(jobs), {"decision": "accepted", "version": 1})
    client.post(decide_url(qualitative), {"decision": "rejected", "version": 1})
    edit = client.get(decide_url(rank))
    assert edit.status_code == 200
    response = client.post(
        decide_url(rank),
        {
            "decision": "edited",
            "version": 1,
            "title": "Top 5 i Dansk Industris måling",
            "kind": "quantified",
            "metric": "Placering i Dansk Industris måling",
            "comparator": "at_most",
            "target": "5",
            "unit": "placering",
            "deadline_year": "2023",
        },
    )
    assert response.status_code == 302
    rank.refresh_from_db()
    assert rank.decision == Decision.EDITED
    assert rank.target == Decimal(5)
    assert rank.original["target"] == 10  # what the extractor read stays
    counts = decision_counts(document_import.proposals.all())
    assert (counts.accepted, counts.edited, counts.rejected, counts.mistakes) == (1, 1, 1, 2)
    page = client.get(review_url(document_import)).content.decode()
    assert "fejl: 2" in page


def test_an_edit_that_changes_nothing_counts_as_accepted(municipality, staff):
    document_import = imported(municipality, staff)
    proposal = document_import.proposals.first()
    services.decide(
        proposal=proposal,
        user=staff,
        expected_version=1,
        decision=Decision.EDITED,
        changes={"title": proposal.title},
    )
    assert proposal.decision == Decision.ACCEPTED


def test_a_decision_based_on_a_stale_version_is_refused_and_nothing_is_overwritten(
    client, municipality, staff, administrator
):
    document_import = imported(municipality, staff)
    proposal = document_import.proposals.first()
    client.force_login(staff)
    client.post(decide_url(proposal), {"decision": "rejected", "version": 1})
    client.force_login(administrator)
    response = client.post(decide_url(proposal), {"decision": "accepted", "version": 1})
    assert response.status_code == 409
    assert "besluttet af en anden" in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.decision, proposal.decided_by) == (Decision.REJECTED, staff)


def test_the_service_refuses_a_stale_version(municipality, staff):
    proposal = imported(municipality, staff).proposals.first()
    services.decide(proposal=proposal, user=staff, expected_version=1, decision="accepted")
    stale = Proposal.objects.get(pk=proposal.pk)
    stale.version = 1
    with pytest.raises(ConcurrentEditError):
        services.decide(proposal=stale, user=staff, expected_version=1, decision="rejected")


def test_create_plan_writes_tracks_themes_and_kept_goals(client, municipality, staff):
    document_import = imported(municipality, staff)
    jobs, qualitative, rank = document_import.proposals.order_by("order")
    services.decide(proposal=qualitative, user=staff, expected_version=1, decision="rejected")
    client.force_login(staff)
    client.post(
        reverse(
            "imports:accept_remaining",
            kwargs={"code": "165", "document_import_id": document_import.pk},
        )
    )
    response = client.post(
        reverse(
            "imports:create_plan", kwargs={"code": "165", "document_import_id": document_import.pk}
        ),
        {
            "title": "Erhvervsstrategi 2020-2024",
            "kind": "strategy",
            "period_start": 2020,
            "period_end": 2024,
        },
    )
    plan = Plan.objects.get(title="Erhvervsstrategi 2020-2024")
    assert response.status_code == 302
    assert plan.status == PlanStatus.DRAFT
    assert list(plan.tracks.values_list("title", "kind")) == [
        ("Grøn vækst", "strategic"),
        ("Erhvervsservice", "cross_cutting"),
    ]
    goals = {goal.title: goal for goal in plan.goals.all()}
    assert len(goals) == 2
    job_goal = goals["At skabe mindst 300 nye arbejdspladser inden 2024"]
    assert (job_goal.kind, job_goal.target_value, job_goal.deadline.year) == (
        GoalKind.QUANTIFIED,
        Decimal(300),
        2024,
    )
    assert job_goal.track.title == "Grøn vækst"
    rank_goal = next(goal for goal in goals.values() if goal.unit == "placering")
    assert (rank_goal.comparator, rank_goal.direction) == ("at_most", "lower_is_better")
    document_import.refresh_from_db()
    assert document_import.plan == plan
    jobs.refresh_from_db()
    assert jobs.goal == job_goal


def test_create_plan_is_refused_while_proposals_are_pending(municipality, staff):
    document_import = imported(municipality, staff)
    with pytest.raises(ValidationError, match="ikke besluttet"):
        services.create_plan(
            document_import=document_import,
            user=staff,
            title="Strategi",
            kind="strategy",
            period_start=2020,
            period_end=2024,
        )
    assert not Plan.objects.filter(title="Strategi").exists()


def test_create_plan_is_all_or_nothing_when_one_goal_is_refused(client, municipality, staff):
    document_import = imported(municipality, staff)
    services.accept_remaining(document_import=document_import, user=staff)
    # A goal the strategy rules refuse: a baseline later than the deadline.
    broken = document_import.proposals.order_by("order").last()
    Proposal.objects.filter(pk=broken.pk).update(
        decision=Decision.EDITED, baseline_value=Decimal(20), baseline_year=2030
    )
    plans, tracks, goals = Plan.objects.count(), Track.objects.count(), Goal.objects.count()
    client.force_login(staff)
    response = client.post(
        reverse(
            "imports:create_plan", kwargs={"code": "165", "document_import_id": document_import.pk}
        ),
        {"title": "Strategi", "kind": "strategy", "period_start": 2020, "period_end": 2024},
    )
    assert response.status_code == 400
    assert "kan ikke blive et mål" in response.content.decode()
    assert (Plan.objects.count(), Track.objects.count(), Goal.objects.count()) == (
        plans,
        tracks,
        goals,
    )
    document_import.refresh_from_db()
    assert document_import.plan is None


def test_a_plan_is_created_once(municipality, staff):
    document_import = imported(municipality, staff)
    services.accept_remaining(document_import=document_import, user=staff)
    arguments = dict(user=staff, kind="strategy", period_start=2020, period_end=2024)
    services.create_plan(document_import=document_import, title="Første", **arguments)
    with pytest.raises(ValidationError, match="allerede oprettet"):
        services.create_plan(document_import=document_import, title="Anden", **arguments)


def test_seed_001_becomes_a_plan_with_every_goal(municipality, staff):
    document_import = imported(municipality, staff, SEED_001.read_text(encoding="utf-8"))
    services.accept_remaining(document_import=document_import, user=staff)
    plan = services.create_plan(
        document_import=document_import,
        user=staff,
        title="Erhvervsstrategi 2013-2017",
        kind="strategy",
        period_start=2013,
        period_end=2017,
    )
    assert plan.goals.count() == document_import.proposals.count() == 33
    assert plan.tracks.count() == 7
    assert plan.goals.filter(kind=GoalKind.QUANTIFIED).count() >= 15


def test_the_library_finds_jobs_targets_of_adopted_plans_for_anyone(
    client, municipality, other_municipality, staff, outsider
):
    adopted = imported(municipality, staff)
    services.accept_remaining(document_import=adopted, user=staff)
    plan = services.create_plan(
        document_import=adopted,
        user=staff,
        title="Vedtaget",
        kind="strategy",
        period_start=2020,
        period_end=2024,
    )
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ADOPTED)
    draft = services.import_document(
        municipality=other_municipality,
        user=outsider,
        upload=upload_of(SMALL.replace("300 nye arbejdspladser", "77 hemmelige arbejdspladser")),
    )
    url = reverse("library:search") + "?q=arbejdspladser"
    page = client.get(url).content.decode()
    assert "mindst 300" in page
    assert municipality.name in page
    assert "hemmelige" not in page
    client.force_login(outsider)
    page = client.get(url).content.decode()
    assert "hemmelige" in page  # the outsider's own draft
    client.logout()
    document = reverse("library:document", kwargs={"code": "165", "document_import_id": adopted.pk})
    assert client.get(document).status_code == 200
    draft_document = reverse(
        "library:document",
        kwargs={"code": other_municipality.code, "document_import_id": draft.pk},
    )
    assert client.get(draft_document).status_code == 404
