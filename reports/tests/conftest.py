"""A small action plan to report on, and a way to build its report as the worker would."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from actions.enums import ActivityStatus, TrafficLight
from actions.models import StatusUpdate
from actions.tests.factories import ActionPlanFactory, ActivityFactory
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
