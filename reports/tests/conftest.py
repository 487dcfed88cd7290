"""A small action plan to report on, the municipality's figures from Statistics Denmark compared
with other areas, and a way to build its report as the worker would."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from actions.enums import ActivityStatus, TrafficLight
from actions.models import StatusUpdate
from actions.tests.factories import ActionPlanFactory, ActivityFactory
from officialstats.models import OfficialFigure
from officialstats.tests.factories import OfficialSeriesFactory
from reports.services import request_report
from strategy.enums import Assessment, GoalKind, Recurrence
from strategy.tests.factories import (
    GoalFactory,
    MeasurementFactory,
    PlanFactory,
    ThemeFactory,
    TrackFactory,
)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def plan(municipality, today):
    """An action plan with two tracks carrying out a strategy: four goals (one of the plan's
    own, three of the strategy's served by its activities), three activities (one late, one
    with a status update) with budgets."""
    year = today.year
    strategy = PlanFactory(
        municipality=municipality,
        title="Erhvervsstrategi",
        period_start=year - 1,
        period_end=year + 1,
    )
    plan = ActionPlanFactory(
        municipality=municipality,
        title="Handleplan for vækst",
        implements=strategy,
        period_start=year - 1,
        period_end=year + 1,
    )
    green = TrackFactory(plan=plan, title="Grøn vækst", order=1)
    jobs = TrackFactory(plan=plan, title="Rekruttering", order=2)
    light = ThemeFactory(plan=plan, track=green, title="Lys og lysteknologi")
    recruiting = ThemeFactory(plan=plan, track=jobs, title="Rekruttering og jobskabelse")

    start = date(year - 1, 1, 1)
    employment = GoalFactory(
        plan=strategy,
        title="Flere arbejdspladser i grøn teknologi",
        baseline_value=Decimal(0),
        baseline_date=start,
        target_value=Decimal(1000),
        deadline=date(year + 1, 12, 31),
    )
    MeasurementFactory(goal=employment, measured_on=today - timedelta(days=30), value=Decimal(150))
    events = GoalFactory(
        plan=strategy,
        title="Mindst 10 erhvervsarrangementer om året",
        unit="arrangementer",
        target_value=Decimal(10),
        baseline_value=None,
        baseline_date=None,
        recurrence=Recurrence.YEARLY,
        recurrence_from_year=year - 1,
        deadline=date(year + 1, 12, 31),
    )
    MeasurementFactory(goal=events, measured_on=date(year - 1, 12, 31), value=Decimal(4321))
    MeasurementFactory(goal=events, measured_on=today - timedelta(days=1), value=Decimal(3))
    dialogue = GoalFactory(
        plan=strategy,
        title="En god dialog med virksomhederne",
        kind=GoalKind.QUALITATIVE,
        comparator="",
        target_value=None,
        unit="",
        baseline_value=None,
        baseline_date=None,
    )
    MeasurementFactory(
        goal=dialogue,
        measured_on=today - timedelta(days=10),
        value=None,
        assessment=Assessment.ON_TRACK,
    )
    GoalFactory(
        plan=plan,
        track=jobs,
        title="Kandidater tilbudt inden for 72 timer",
        kind=GoalKind.MILESTONE,
        comparator="",
        target_value=None,
        baseline_value=None,
        baseline_date=None,
        deadline=date(year + 1, 6, 30),
    )

    late = ActivityFactory(
        plan=plan,
        title="Lysfestival i bymidten",
        starts_on=start,
        ends_on=today - timedelta(days=5),
        status=ActivityStatus.IN_PROGRESS,
        budget=Decimal("250000.00"),
        spent=Decimal("120000.50"),
        hours=Decimal("300.0"),
        order=1,
    )
    late.themes.set([light])
    late.goals.set([employment])
    fair = ActivityFactory(
        plan=plan,
        title="Jobmesse for ledige",
        starts_on=start,
        ends_on=date(year + 1, 12, 31),
        budget=Decimal("100000.00"),
        spent=Decimal("20000.00"),
        order=2,
    )
    fair.themes.set([recruiting])
    fair.goals.set([events])
    StatusUpdate.objects.create(
        activity=fair,
        reported_on=today - timedelta(days=3),
        light=TrafficLight.YELLOW,
        comment="Færre tilmeldte end ventet.",
    )
    loose = ActivityFactory(
        plan=plan,
        title="Morgenmøder med erhvervslivet",
        starts_on=start,
        ends_on=date(year + 1, 12, 31),
        order=3,
    )
    loose.goals.set([dialogue])
    return plan


# Jobs in the municipality, the region and the country, and the population (FOLK1A) of each.
JOBS = {
    "165": ("Albertslund", Decimal(19369), Decimal(27750)),
    "084": ("Region Hovedstaden", Decimal(868142), Decimal(1807404)),
    "000": ("Hele landet", Decimal(2704188), Decimal(5822763)),
}


def _figures(series, areas: dict, years: range, skip=()):
    """A figure a year for each area, growing 2 % a year up to its value in the last year."""
    for area, (name, value, population) in areas.items():
        for year in years:
            if (area, year) in skip:
                continue
            growth = Decimal("1.02") ** (years[-1] - year)
            OfficialFigure.objects.create(
                series=series,
                area_code=area,
                area_name=name,
                period=str(year),
                period_start=date(year, 1, 1),
                value=(value / growth).quantize(Decimal("0.1")),
                population=population,
            )


@pytest.fixture
def benchmarks(municipality, other_municipality):
    """The municipality's figures from Statistics Denmark: jobs per 1,000 inhabitants in it, the
    region and the country 2015-2022 (the country's 2022 figure not out yet, so 2021 is compared
    with 2016), and firms in it and a neighbour in 2022 alone (no change shown); besides them, a
    series without areas and another municipality's series, which the report leaves out."""
    jobs = OfficialSeriesFactory(
        municipality=municipality,
        title="Job pr. 1.000 indbyggere",
        selection={"OMRÅDE": list(JOBS), "BRANCHEDB0710": ["TOT"], "TAL": ["ANSATTE"]},
        area_variable="OMRÅDE",
        per_capita=True,
        order=1,
    )
    _figures(jobs, JOBS, range(2015, 2023), skip={("000", 2022)})
    firms = OfficialSeriesFactory(
        municipality=municipality,
        title="Virksomheder i kommunen",
        unit="virksomheder",
        table_id="GF02",
        selection={"KOMK": ["165", "151"]},
        area_variable="KOMK",
        order=2,
    )
    _figures(
        firms,
        {"165": ("Albertslund", Decimal(1712), None), "151": ("Ballerup", Decimal(2950), None)},
        range(2022, 2023),
    )
    alone = OfficialSeriesFactory(municipality=municipality, title="Ledige i kommunen", order=3)
    _figures(alone, {"": ("", Decimal(812), None)}, range(2018, 2023))
    elsewhere = OfficialSeriesFactory(
        municipality=other_municipality,
        title="Job i Ballerup",
        selection={"OMRÅDE": ["151", "000"], "TAL": ["ANSATTE"]},
        area_variable="OMRÅDE",
    )
    _figures(elsewhere, {"151": ("Ballerup", Decimal(30500), None)}, range(2022, 2023))
    return [jobs, firms]


@pytest.fixture
def build(django_capture_on_commit_callbacks):
    """Ask for a report and run its job, as the worker does (jobs are synchronous in tests)."""

    def build_report(plan, user, **fields):
        fields.setdefault("title", f"Status for {plan.title}")
        fields.setdefault("recommendation", "Udvalget bedes tage orienteringen til efterretning.")
        with django_capture_on_commit_callbacks(execute=True):
            report = request_report(plan=plan, user=user, **fields)
        report.refresh_from_db()
        return report

    return build_report
