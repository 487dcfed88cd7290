"""Fetching figures into goals: stored as measurements with source and period, idempotent,
revisions reported, and nothing written on any kind of failure."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from officialstats.client import StatBankClient, StatBankError, StatBankUnavailable
from officialstats.models import OfficialFigure
from officialstats.services import TableChanged, fetch_series
from officialstats.tests.factories import NEIGHBOURS, OfficialSeriesFactory, jobs_goal
from strategy.enums import GoalStatus
from strategy.models import Measurement

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(municipality):
    return OfficialSeriesFactory(municipality=municipality, goal=jobs_goal(municipality))


def fetch(**options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("fetch_statistics", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def stored(series) -> list[tuple]:
    return list(
        Measurement.objects.filter(goal=series.goal)
        .order_by("measured_on")
        .values_list("measured_on", "value", "source")
    )


def test_each_period_becomes_a_measurement_with_source_and_period(statbank, series):
    out, err = fetch()

    measurements = stored(series)
    assert len(measurements) == 13
    assert measurements[0] == (date(2011, 1, 1), Decimal(19369), "Danmarks Statistik, ERHV2, 2011")
    assert measurements[-1] == (
        date(2023, 1, 1),
        Decimal(20441),
        "Danmarks Statistik, ERHV2, 2023",
    )
    assert err == ""
    assert "Albertslund (165), målet" in out
    assert "tabel ERHV2: 13 nye, 0 rettede, 0 uændrede." in out
    assert "  Ny: 2011: 19.369" in out


def test_the_goal_status_is_refreshed_from_the_fetched_measurements(statbank, series):
    fetch()

    series.goal.refresh_from_db()
    assert series.goal.latest_measurement.value == Decimal(20441)
    assert series.goal.status != GoalStatus.NOT_MEASURED


def test_a_rerun_changes_nothing_and_says_so(statbank, series):
    fetch()
    before = stored(series)

    out, _err = fetch()

    assert stored(series) == before
    assert "0 nye, 0 rettede, 13 uændrede." in out


def test_a_revised_figure_updates_its_measurement_and_is_reported(statbank, series):
    fetch()
    data = statbank.folder / "data" / "ERHV2.csv"
    data.write_text(
        data.read_text("utf-8").replace("165;TOT;ANSATTE;2022;20350", "165;TOT;ANSATTE;2022;20400")
    )

    out, _err = fetch()

    assert "0 nye, 1 rettede, 12 uændrede." in out
    assert "  Rettet: 2022: 20.350 → 20.400" in out
    assert Measurement.objects.get(goal=series.goal, measured_on=date(2022, 1, 1)).value == 20400
    assert Measurement.objects.filter(goal=series.goal).count() == 13


def test_a_new_period_is_added_to_what_was_there(statbank, series):
    fetch()
    data = statbank.folder / "data" / "ERHV2.csv"
    data.write_text(data.read_text("utf-8") + "165;TOT;ANSATTE;2024;20600\n")
    statbank.change_table(
        "ERHV2", lambda info: info["variables"][-1]["values"].append({"id": "2024", "text": "2024"})
    )

    out, _err = fetch()

    assert "1 nye, 0 rettede, 13 uændrede." in out
    assert stored(series)[-1] == (
        date(2024, 1, 1),
        Decimal(20600),
        "Danmarks Statistik, ERHV2, 2024",
    )


@pytest.mark.parametrize("mode", ["down", "garbage", "slow"])
def test_a_failure_names_goal_and_table_and_changes_nothing(statbank, series, mode):
    fetch()
    before = stored(series)
    statbank.mode = mode

    with pytest.raises(CommandError, match="1 kunne ikke hentes"):
        fetch()

    assert stored(series) == before
    assert OfficialFigure.objects.count() == 13


def test_an_error_answer_is_reported_with_goal_table_and_code(statbank, series, capsys):
    series.table_id = "GONE1"
    series.save()
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("fetch_statistics", stdout=StringIO(), stderr=err)

    assert err.getvalue() == (
        f"FEJL Albertslund (165), målet '{series.goal}', tabel GONE1: Tabellen GONE1 findes ikke "
        "(længere) hos Danmarks Statistik. Intet er ændret.\n"
    )
    assert stored(series) == []


def test_a_changed_table_is_refused_before_anything_is_written(statbank, series):
    statbank.change_table(
        "ERHV2",
        lambda info: info["variables"][2]["values"].pop(),  # ANSATTE is gone
    )

    with pytest.raises(TableChanged, match="har ikke længere værdien ANSATTE"):
        fetch_series(series=series, client=StatBankClient())

    assert stored(series) == []
    assert not OfficialFigure.objects.exists()


def test_a_table_without_the_selected_variable_is_refused(statbank, series):
    statbank.change_table("ERHV2", lambda info: info["variables"].pop(1))

    with pytest.raises(TableChanged, match="har ikke længere variablen BRANCHEDB0710"):
        fetch_series(series=series, client=StatBankClient())


def test_one_failing_series_does_not_stop_the_others(statbank, series, other_municipality):
    broken = OfficialSeriesFactory(municipality=other_municipality, table_id="GONE1")

    with pytest.raises(CommandError, match="Ballerup"):
        fetch()

    assert len(stored(series)) == 13
    assert not broken.figures.exists()


def test_a_value_the_database_cannot_hold_writes_nothing(statbank, series):
    data = statbank.folder / "data" / "ERHV2.csv"
    data.write_text(
        data.read_text("utf-8").replace("165;TOT;ANSATTE;2023;20441", "165;TOT;ANSATTE;2023;1e20")
    )

    with pytest.raises(StatBankError, match="større, end Kurs kan gemme"):
        fetch_series(series=series, client=StatBankClient())

    assert stored(series) == []


def test_a_benchmark_keeps_one_figure_per_area_with_the_population(statbank, municipality):
    series = OfficialSeriesFactory(
        municipality=municipality,
        selection={"OMRÅDE": NEIGHBOURS, "BRANCHEDB0710": ["TOT"], "TAL": ["ANSATTE"]},
        area_variable="OMRÅDE",
        per_capita=True,
    )

    fetch_series(series=series, client=StatBankClient())

    albertslund = series.figures.get(area_code="165", period="2011")
    assert (albertslund.area_name, albertslund.value) == ("Albertslund", Decimal(19369))
    assert albertslund.population == Decimal(27750)
    assert round(albertslund.per_thousand, 1) == Decimal("698.0")
    assert series.figures.count() == 8 * 13
    assert not Measurement.objects.exists()


def test_no_network_at_all_is_reported_as_unavailable(series, settings):
    settings.STATBANK_URL = "http://127.0.0.1:9/v1/"

    with pytest.raises(StatBankUnavailable):
        fetch_series(series=series, client=StatBankClient())

    assert stored(series) == []
