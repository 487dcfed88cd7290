"""Fetching official figures from Statistics Denmark and storing them: the rules.

`fetch_series` reads a series' table (`tableinfo`) first and refuses, writing nothing, when the
table no longer has a variable or a value the selection names: a changed table must be looked at
by a person, not guessed at. It then asks for every period (`Tid=*`) and keeps, per area and
period, the sum of the selected values (`OfficialSeries`' doc), with the population of the
period's first quarter from FOLK1A when the series is shown per capita.

All or nothing per series: the figures and the goal's measurements are written in one
transaction, after every answer has been read and every value checked against the bounds Kurs
stores (`core.bounds`), so an error of any kind (network, error code, malformed answer, changed
table, a value out of bounds) leaves the series as it was. A rerun is idempotent: a figure already
stored with the same value is left alone, a revised one is updated (and its measurement revised
through `strategy.services.revise_measurement`), a new period is added (its measurement through
`strategy.services.record_measurement`), so the goal's stored status is refreshed the same way
as for a measurement typed by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import pagecache
from core.bounds import MEASURE_DIGITS, largest_value
from officialstats.client import (
    StatBankClient,
    StatBankError,
    StatBankNotFound,
    TableInfo,
)
from officialstats.models import OfficialFigure, OfficialSeries
from officialstats.periods import PeriodError, period_start
from strategy.enums import DataSource
from strategy.services import record_measurement, revise_measurement, update_goal

POPULATION_TABLE = "FOLK1A"
# FOLK1A's whole population of an area: both sexes, every age and marital status.
POPULATION_SELECTION = {"KØN": ["TOT"], "ALDER": ["IALT"], "CIVILSTAND": ["TOT"]}
LARGEST = largest_value(**MEASURE_DIGITS)


class TableChanged(StatBankError):
    """The table no longer has what the series' selection names."""


@dataclass
class Change:
    area: str
    period: str
    old: Decimal | None
    new: Decimal


@dataclass
class FetchReport:
    """What a fetch of one series found: new periods, revised figures and unchanged ones."""

    series: OfficialSeries
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0


def check_selection(info: TableInfo, selection: dict[str, list[str]]) -> None:
    """TableChanged naming the first variable or value of `selection` that `info` lacks."""
    for variable_id, values in selection.items():
        variable = info.variable(variable_id)
        if variable is None or variable.is_time:
            raise TableChanged(
                f"Tabellen {info.id} har ikke længere variablen {variable_id}. "
                "Tabellen er ændret: vælg værdierne igen."
            )
        missing = [value for value in values if value not in variable.value_ids()]
        if missing:
            raise TableChanged(
                f"Variablen {variable_id} i tabellen {info.id} har ikke længere værdien "
                f"{missing[0]}. Tabellen er ændret: vælg værdierne igen."
            )
    if info.time_variable is None:
        raise TableChanged(f"Tabellen {info.id} har ikke længere en tidsvariabel.")


def create_series(
    *,
    municipality,
    user,
    info: TableInfo,
    title: str,
    selection: dict[str, list[str]],
    area_variable: str = "",
    per_capita: bool = False,
    goal=None,
) -> OfficialSeries:
    """Link `selection` of the table `info` to the municipality (and to `goal`'s indicator).

    Raises ValidationError for a selection the table does not offer or a rule of the series.
    Side effects: the goal's data source becomes Statistics Denmark (a history row naming
    `user`). The figures come with the next fetch."""
    try:
        check_selection(info, selection)
    except TableChanged as error:
        raise ValidationError(str(error)) from error
    series = OfficialSeries(
        municipality=municipality,
        title=title,
        unit=info.unit[:50],
        table_id=info.id,
        table_text=info.text[:300],
        selection=selection,
        area_variable=area_variable,
        per_capita=per_capita,
        goal=goal,
        created_by=user,
    )
    series.full_clean()
    with transaction.atomic():
        series.save()
        if goal is not None and goal.data_source != DataSource.STATBANK:
            update_goal(
                goal=goal,
                user=user,
                expected_version=goal.version,
                changes={"data_source": DataSource.STATBANK},
            )
    return series


def _table_info(client: StatBankClient, table_id: str) -> TableInfo:
    try:
        return client.table_info(table_id)
    except StatBankNotFound as error:
        raise TableChanged(
            f"Tabellen {table_id} findes ikke (længere) hos Danmarks Statistik."
        ) from error


def _checked(value: Decimal, what: str) -> Decimal:
    if abs(value) > LARGEST:
        raise StatBankError(f"{what}: tallet {value} er større, end Kurs kan gemme.")
    return value.quantize(Decimal("0.0001"))


def read_figures(
    client: StatBankClient, series: OfficialSeries, info: TableInfo
) -> dict[tuple[str, str], Decimal]:
    """{(area code, period): value} of `series` as Statistics Denmark publishes it now; the
    area is '' for a series without an area variable. Raises a StatBankError, writes nothing."""
    check_selection(info, series.selection)
    time_id = info.time_variable.id
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for observation in client.data(series.table_id, {**series.selection, time_id: ["*"]}):
        if observation.value is None:
            continue
        area = observation.codes.get(series.area_variable, "") if series.area_variable else ""
        sums[(area, observation.period)] += observation.value
    return {
        key: _checked(value, f"{series.table_id} {key[0]} {key[1]}") for key, value in sums.items()
    }


def _population_period(period: str) -> str:
    """FOLK1A's quarter in which `period` starts: 2023 and 2023M02 -> 2023K1."""
    start = period_start(period)
    return f"{start.year}K{(start.month - 1) // 3 + 1}"


def read_population(client: StatBankClient, areas: list[str]) -> dict[tuple[str, str], Decimal]:
    """{(area code, quarter): inhabitants} from FOLK1A for `areas`."""
    info = _table_info(client, POPULATION_TABLE)
    selection = {info.variables[0].id: areas, **POPULATION_SELECTION}
    check_selection(info, selection)
    observations = client.data(POPULATION_TABLE, {**selection, info.time_variable.id: ["*"]})
    return {
        (o.codes[info.variables[0].id], o.period): o.value
        for o in observations
        if o.value is not None
    }


def fetch_series(
    *,
    series: OfficialSeries,
    client: StatBankClient,
    user=None,
    is_illustrative: bool = False,
) -> FetchReport:
    """Fetch `series` and store what changed (module doc: all or nothing, idempotent).

    Raises StatBankError (TableChanged included) or ValidationError and writes nothing then.
    Side effects: the goal's measurements recorded or revised with a history row naming `user`
    (None for the nightly command) and its stored status refreshed; the municipality's cached
    pages are renewed (`core.pagecache.bump`)."""
    info = _table_info(client, series.table_id)
    values = read_figures(client, series, info)
    areas = info.variable(series.area_variable) if series.area_variable else None
    names = {value.id: value.text for value in areas.values} if areas else {}
    population = {}
    if series.per_capita and series.area_variable:
        population = read_population(client, sorted({area for area, _period in values}))
    try:
        starts = {period: period_start(period) for _area, period in values}
    except PeriodError as error:
        raise StatBankError(f"{series.table_id}: {error}") from error
    report = FetchReport(series)
    stored = {(f.area_code, f.period): f for f in series.figures.select_related("measurement")}
    new_figures, revised = [], []
    with transaction.atomic():
        for (area, period), value in sorted(values.items(), key=lambda item: starts[item[0][1]]):
            figure = stored.get((area, period))
            people = population.get((area, _population_period(period)))
            if figure is None:
                figure = OfficialFigure(series=series, area_code=area, period=period, value=value)
                new_figures.append(figure)
                report.added.append(Change(area, period, None, value))
            elif figure.value != value or figure.population != people:
                if figure.value != value:
                    report.changed.append(Change(area, period, figure.value, value))
                figure.value = value
                revised.append(figure)
            else:
                report.unchanged += 1
            figure.area_name = names.get(area, "")[:200]
            figure.period_start = starts[period]
            figure.population = people
            figure.clean_fields(exclude=["series", "measurement"])
            if series.goal_id and area == series.own_area:
                measured = _measure(series, figure, user=user, is_illustrative=is_illustrative)
                if measured and figure.pk and figure not in revised:
                    revised.append(figure)
        OfficialFigure.objects.bulk_create(new_figures)
        OfficialFigure.objects.bulk_update(
            revised, ["value", "population", "area_name", "period_start", "measurement"]
        )
        series.fetched_at = timezone.now()
        series.save(update_fields=["fetched_at"])
        # bulk writes send no signals: the pages that show these figures are told here.
        pagecache.bump([series.municipality_id])
    return report


def _measure(series: OfficialSeries, figure: OfficialFigure, *, user, is_illustrative) -> bool:
    """The goal's measurement of `figure`: recorded when there is none (a new period, or a goal
    linked after its figures were fetched), revised when the value moved. True when recorded."""
    source = f"{series.source}, {figure.period}"
    measurement = figure.measurement
    if measurement is None:
        figure.measurement = record_measurement(
            goal=series.goal,
            user=user,
            measured_on=figure.period_start,
            source=source,
            value=figure.value,
            is_illustrative=is_illustrative,
            by_hand=False,
        )
        return True
    if measurement.value != figure.value:
        revise_measurement(measurement=measurement, user=user, value=figure.value, source=source)
    return False
