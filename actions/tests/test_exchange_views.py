"""The Excel export download and the import page: who may use them, and what they show."""

import io
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from openpyxl import load_workbook

from actions import exchange
from actions.models import Activity
from actions.services import update_activity
from actions.tests.factories import ActionPlanFactory, ActivityFactory
from core.scoping import member_context
from strategy.tests.factories import PlanFactory

XLSX = exchange.XLSX_CONTENT_TYPE


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality, title="Handleplan for vækst")


@pytest.fixture
def activities(plan):
    return [
        ActivityFactory(plan=plan, title="Iværksætterkaravane", order=1),
        ActivityFactory(plan=plan, title="Klimatjek", order=2),
    ]


def export_url(plan, code="165"):
    return f"/k/{code}/handleplaner/{plan.pk}/excel/"


def import_url(plan, code="165"):
    return f"/k/{code}/handleplaner/{plan.pk}/excel/import/"


def html(response) -> str:
    return unescape(response.content.decode())


def workbook_bytes(plan, edit=None) -> bytes:
    workbook = load_workbook(io.BytesIO(exchange.export_workbook(plan=plan)))
    if edit:
        edit(workbook["Aktiviteter"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name="aktiviteter.xlsx"):
    return {"file": SimpleUploadedFile(name, content, content_type=XLSX)}


def snapshot():
    return list(Activity.objects.order_by("pk").values()), Activity.history.count()


# Export


@pytest.mark.parametrize("user", ["staff", "administrator", "committee_reader"])
def test_members_download_the_sheet(client, request, plan, activities, user):
    client.force_login(request.getfixturevalue(user))

    response = client.get(export_url(plan))

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        'attachment; filename="aktiviteter-handleplan-for-vaekst.xlsx"'
    )
    assert "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(response.content))["Aktiviteter"]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "Iværksætterkaravane",
        "Klimatjek",
    ]


def test_outsider_gets_404_for_the_export(client, outsider, plan, activities):
    client.force_login(outsider)

    assert client.get(export_url(plan)).status_code == 404


def test_anonymous_is_sent_to_login_for_the_export(client, plan):
    response = client.get(export_url(plan))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_plan_of_another_municipality_is_404_under_ones_own_code(
    client, staff, other_municipality
):
    foreign = ActionPlanFactory(municipality=other_municipality)
    client.force_login(staff)

    assert client.get(export_url(foreign)).status_code == 404
    assert client.get(import_url(foreign)).status_code == 404


def test_a_strategy_has_no_excel_export(client, staff, municipality):
    strategy = PlanFactory(municipality=municipality)
    client.force_login(staff)

    assert client.get(export_url(strategy)).status_code == 404


# Import: permissions


@pytest.mark.parametrize("user", ["staff", "administrator"])
def test_editors_see_the_import_form(client, request, plan, user):
    client.force_login(request.getfixturevalue(user))

    response = client.get(import_url(plan))

    assert response.status_code == 200
    page = html(response)
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page
    assert export_url(plan) in page


def test_committee_reader_may_not_import(client, committee_reader, plan, activities):
    client.force_login(committee_reader)
    before = snapshot()

    assert client.get(import_url(plan)).status_code == 403
    response = client.post(import_url(plan), upload(workbook_bytes(plan)))

    assert response.status_code == 403
    assert snapshot() == before


def test_outsider_gets_404_for_the_import(client, outsider, plan, activities):
    client.force_login(outsider)
    before = snapshot()

    assert client.get(import_url(plan)).status_code == 404
    assert client.post(import_url(plan), upload(workbook_bytes(plan))).status_code == 404
    assert snapshot() == before


def test_anonymous_is_sent_to_login_for_the_import(client, plan):
    response = client.post(import_url(plan), upload(workbook_bytes(plan)))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


# Import: results


def test_a_good_sheet_is_saved_and_the_page_says_what_changed(client, staff, plan, activities):
    def edit(sheet):
        sheet["B2"] = "Iværksætterkaravane – ny runde"
        sheet.append([None, "Virksomhedsbesøg", None, None, "2017"])

    client.force_login(staff)

    response = client.post(import_url(plan), upload(workbook_bytes(plan, edit)))

    assert response.status_code == 302
    assert response["Location"] == import_url(plan)
    created = Activity.objects.get(title="Virksomhedsbesøg")
    page = html(client.get(response["Location"]))
    assert "Arket er importeret." in page
    assert "1 aktivitet oprettet, 1 ændret, 1 uændret." in page
    assert f'href="/k/165/handleplaner/aktiviteter/{created.pk}/">Virksomhedsbesøg</a>' in page
    assert (
        f'href="/k/165/handleplaner/aktiviteter/{activities[0].pk}/">'
        "Iværksætterkaravane – ny runde</a>"
    ) in page
    assert Activity.objects.get(pk=activities[0].pk).version == 2
    # The summary is shown once.
    assert "Arket er importeret." not in html(client.get(import_url(plan)))


def test_bad_rows_are_listed_in_a_table_and_nothing_is_saved(client, staff, plan, activities):
    def edit(sheet):
        sheet["B2"] = None
        sheet["H3"] = "Færdig"
        sheet.append([None, "Ny", None, None, "engang"])

    client.force_login(staff)
    before = snapshot()

    response = client.post(import_url(plan), upload(workbook_bytes(plan, edit)))

    assert response.status_code == 400
    assert snapshot() == before
    page = html(response)
    assert "Intet er gemt." in page
    assert "Arket har 3 rækker med aktiviteter; 3 af dem har fejl." in page
    table = page[page.index('id="import-errors"') :]
    assert "<tr><td>2</td><td>Titel</td><td>Titel skal udfyldes.</td></tr>" in table
    assert "<tr><td>3</td><td>Status</td><td>Ukendt status 'Færdig'." in table
    assert "<tr><td>4</td><td>Periode</td><td>Perioden 'engang' kan ikke læses." in table


def test_a_row_changed_in_kurs_since_the_export_is_listed_and_nothing_is_saved(
    client, staff, plan, activities
):
    def edit(sheet):
        sheet["B2"] = "Min titel"

    content = workbook_bytes(plan, edit)
    update_activity(
        activity=activities[0], user=staff, expected_version=1, changes={"title": "Kollegaens"}
    )
    client.force_login(staff)
    before = snapshot()

    response = client.post(import_url(plan), upload(content))

    assert response.status_code == 400
    assert snapshot() == before
    table = html(response)[html(response).index('id="import-errors"') :]
    assert f"<tr><td>2</td><td>ID</td><td>Aktiviteten er ændret i Kurs af {staff} den " in table


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "aktiviteter.xlsx",
            b"ID;Titel\n;Ny\n",
            "Filen kan ikke åbnes som et Excel-regneark.",
        ),
        (
            "aktiviteter.csv",
            b"ID;Titel\n;Ny\n",
            "Filen 'aktiviteter.csv' er ikke et Excel-regneark (.xlsx).",
        ),
        ("aktiviteter.xlsx", b"", "Filen er tom. Vælg det udfyldte regneark."),
        (
            "aktiviteter.xlsx",
            b"0" * (5 * 1024 * 1024 + 1),
            "Filen er for stor: den må højst fylde 5 MB.",
        ),
    ],
    ids=["renamed-text", "csv", "empty", "too-large"],
)
def test_a_wrong_file_gives_a_clear_error(client, staff, plan, activities, name, content, message):
    client.force_login(staff)
    before = snapshot()

    response = client.post(import_url(plan), upload(content, name))

    assert response.status_code == 400
    assert message in html(response)
    assert snapshot() == before


def test_posting_without_a_file_asks_for_one(client, staff, plan):
    client.force_login(staff)

    response = client.post(import_url(plan), {})

    assert response.status_code == 400
    assert "Vælg en fil." in html(response)


@pytest.mark.parametrize(("user", "shows_import"), [("staff", True), ("committee_reader", False)])
def test_the_export_links_partial_offers_excel_and_calendar(rf, request, plan, user, shows_import):
    viewer = request.getfixturevalue(user)
    page_request = rf.get("/")
    page_request.user = viewer
    context = {"plan": plan, "member": member_context(viewer, "165"), "request": page_request}

    links = render_to_string("actions/export_links.html", context, request=page_request)

    assert export_url(plan) in links
    assert f"webcal://testserver/k/165/handleplaner/{plan.pk}/kalender.ics" in links
    assert (import_url(plan) in links) is shows_import
