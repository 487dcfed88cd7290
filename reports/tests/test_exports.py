"""Exports: a plan's goals, measurements and activities as Excel and CSV, and its charts as SVG
and PNG; for members only, numbers as numbers, no formulas."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PIL import Image

from actions.models import Activity
from officialstats.models import OfficialSeries
from officialstats.tests.factories import OfficialSeriesFactory
from strategy.models import Goal, Measurement
from strategy.tests.factories import MeasurementFactory


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Danish Excel needs for æøå
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def logged_in(client, staff):
    client.force_login(staff)
    return client


def test_goals_export_to_excel_with_numbers_as_numbers(logged_in, plan):
    response = logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/maal.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    by_title = {row[header.index("Mål")]: dict(zip(header, row, strict=True)) for row in body}
    assert set(by_title) == set(
        Goal.objects.filter(pk__in=[row[0] for row in body]).values_list("title", flat=True)
    )
    employment = by_title["Flere arbejdspladser i grøn teknologi"]
    goal = Goal.objects.get(title="Flere arbejdspladser i grøn teknologi")
    assert employment["Måltal"] == 1000
    assert employment["Seneste måling"] == 150
    assert employment["Fremdrift"] == goal.progress
    assert employment["Status"] == goal.get_status_display()
    assert response["Content-Disposition"] == (
        'attachment; filename="maal-handleplan-for-vaekst.xlsx"'
    )


def test_measurements_export_to_csv_the_danish_excel_way(logged_in, plan):
    response = logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/maalinger.csv")

    rows = _csv_rows(response.content)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0][:4] == ["Mål-ID", "Mål", "Dato", "Værdi"]
    assert (
        len(rows) - 1
        == Measurement.objects.filter(
            goal__in=Goal.objects.filter(pk__in={int(row[0]) for row in rows[1:]})
        ).count()
    )
    values = {row[3] for row in rows[1:]}
    assert "4321,0000" in values


def test_activities_export_keeps_decimals_and_dates(logged_in, plan):
    rows = _csv_rows(logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/aktiviteter.csv").content)

    header = rows[0]
    festival = dict(
        zip(header, next(r for r in rows if r[1] == "Lysfestival i bymidten"), strict=True)
    )
    activity = Activity.objects.get(title="Lysfestival i bymidten")
    assert festival["Forbrug (kr.)"] == "120000,50"
    assert festival["Start"] == activity.starts_on.isoformat()
    assert festival["Forsinket"] == "ja"
    assert len(rows) - 1 == Activity.objects.filter(plan=plan).count()


def test_text_that_looks_like_a_formula_stays_text(logged_in, plan):
    Activity.objects.filter(title="Jobmesse for ledige").update(title='=HYPERLINK("x","y")')

    csv_rows = _csv_rows(logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/aktiviteter.csv").content)
    sheet = load_workbook(
        io.BytesIO(logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/aktiviteter.xlsx").content)
    ).active

    assert '\'=HYPERLINK("x","y")' in [row[1] for row in csv_rows]
    cell = next(row[1] for row in sheet.iter_rows() if row[1].value == '=HYPERLINK("x","y")')
    assert cell.data_type == "s"


def test_exports_are_for_members_only(client, plan, committee_reader, outsider):
    urls = [
        f"/k/165/rapporter/plan/{plan.pk}/aktiviteter.csv",
        f"/k/165/rapporter/plan/{plan.pk}/tidslinje.svg",
    ]
    client.force_login(committee_reader)
    assert [client.get(url).status_code for url in urls] == [200, 200]
    client.force_login(outsider)
    assert [client.get(url).status_code for url in urls] == [404, 404]


def test_goal_chart_as_svg_is_styled_and_as_png_is_an_image(logged_in, plan):
    goal = Goal.objects.get(title="Flere arbejdspladser i grøn teknologi")

    svg = logged_in.get(f"/k/165/rapporter/maal/{goal.pk}/diagram.svg")
    png = logged_in.get(f"/k/165/rapporter/maal/{goal.pk}/diagram.png")

    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(
        b'<svg width="720" height="300" xmlns="http://www.w3.org/2000/svg"'
    )
    assert b"<style>" in svg.content and b"<script" not in svg.content
    assert Image.open(io.BytesIO(png.content)).size == (1440, 600)


def test_goal_without_a_chart_has_no_chart_to_download(logged_in, plan):
    goal = Goal.objects.get(title="En god dialog med virksomhederne")

    assert logged_in.get(f"/k/165/rapporter/maal/{goal.pk}/diagram.png").status_code == 404


@pytest.mark.parametrize("chart", ["tidslinje", "ressourcer"])
def test_plan_charts_as_svg_and_png(logged_in, plan, chart):
    svg = logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/{chart}.svg")
    png = logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/{chart}.png")

    assert svg.status_code == 200
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = Image.open(io.BytesIO(png.content)).size
    assert (width, height) == tuple(2 * int(n) for n in _view_box(svg.content))


def test_gantt_export_holds_every_activity_not_a_page(logged_in, plan):
    svg = logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/tidslinje.svg").content.decode()

    for activity in Activity.objects.filter(plan=plan):
        assert activity.title in svg


@pytest.mark.parametrize("count", [1, 3])
def test_measurements_export_costs_the_same_queries_for_one_or_three(
    logged_in, plan, count, django_assert_num_queries
):
    goal = Goal.objects.get(title="Flere arbejdspladser i grøn teknologi")
    for number in range(count):
        MeasurementFactory(goal=goal, measured_on=date(2020, 1, number + 1), value=Decimal(number))
    logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/maalinger.csv")

    with django_assert_num_queries(6):
        logged_in.get(f"/k/165/rapporter/plan/{plan.pk}/maalinger.csv")


def _view_box(svg: bytes) -> tuple[str, str]:
    match = re.search(rb'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg)
    return match.group(1).decode(), match.group(2).decode()


def test_an_official_figure_compared_between_areas_as_svg_and_png(logged_in, benchmarks):
    jobs = benchmarks[0]

    svg = logged_in.get(f"/k/165/rapporter/statistik/{jobs.pk}/diagram.svg")
    png = logged_in.get(f"/k/165/rapporter/statistik/{jobs.pk}/diagram.png")

    assert svg["Content-Type"] == "image/svg+xml"
    text = svg.content.decode()
    assert "<style>" in text and "<script" not in text
    for name in ("Albertslund", "Region Hovedstaden", "Hele landet"):
        assert name in text
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(png.content)).size == tuple(
        2 * int(n) for n in _view_box(svg.content)
    )


def test_a_series_without_areas_or_of_another_municipality_has_no_chart(
    logged_in, benchmarks, municipality
):
    alone = OfficialSeries.objects.get(title="Ledige i kommunen")
    empty = OfficialSeriesFactory(municipality=municipality, area_variable="OMRÅDE")
    foreign = OfficialSeries.objects.get(title="Job i Ballerup")

    for series in (alone, empty, foreign):
        url = f"/k/165/rapporter/statistik/{series.pk}/diagram.svg"
        assert logged_in.get(url).status_code == 404, series.title
