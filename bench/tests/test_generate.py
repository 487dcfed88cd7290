"""The generator at a tiny scale: the counts its scale asks for, Albertslund's structure, rows
that pass the models' validation, dates within the plans' periods, history only where pages read
it, and the record that lets the runner reuse the data."""

from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.db.models import Count, Max, Min, Sum

from actions.models import Activity, Milestone, StatusUpdate
from bench.dates import DATA_END
from bench.generate import (
    GENERATOR_VERSION,
    ensure,
    generate,
    recorded_dataset,
)
from bench.sizes import Sizes
from bench.tests.conftest import SCALE, SEED
from core.bounds import MEASURE_DIGITS, largest_value
from core.models import Municipality
from strategy.checks import status_differences
from strategy.enums import GoalKind, PlanKind, Recurrence, TrackKind
from strategy.models import Goal, Measurement, Plan

SIZES = Sizes.at(SCALE)

GENERATED_MODELS = [
    "core.Municipality",
    "core.User",
    "core.Membership",
    "strategy.Plan",
    "strategy.Track",
    "strategy.Theme",
    "strategy.Goal",
    "strategy.Measurement",
    "strategy.KeyFigure",
    "strategy.Commitment",
    "actions.Partner",
    "actions.Committee",
    "actions.CommitteeMember",
    "actions.PlanSteering",
    "actions.ServicePromise",
    "actions.Activity",
    "actions.Milestone",
    "actions.StatusUpdate",
]


def test_generator_writes_the_counts_its_scale_asks_for(national):
    albertslund_plans = Plan.objects.filter(municipality__code="165")

    assert Municipality.objects.count() == SIZES.municipalities
    assert Goal.objects.count() == SIZES.goals
    assert Measurement.objects.count() == SIZES.measurements
    assert Activity.objects.count() == SIZES.activities
    assert StatusUpdate.objects.count() == SIZES.status_updates
    assert Goal.objects.filter(plan__municipality__code="165").count() == SIZES.albertslund_goals
    assert Goal.objects.filter(plan__municipality__code="151").count() == SIZES.typical_goals
    assert albertslund_plans.get(kind=PlanKind.STRATEGY).goals.count() == SIZES.big_plan_goals
    assert (
        albertslund_plans.get(kind=PlanKind.ACTION_PLAN).activities.count()
        == SIZES.albertslund_activities
    )
    assert national.counts["measurements"] == SIZES.measurements


def test_albertslund_strategy_is_shaped_like_the_real_one(national):
    strategy = Plan.objects.get(municipality__code="165", kind=PlanKind.STRATEGY)
    goals = strategy.goals.all()
    jobs = goals.get(parent=None, title__startswith="Vi vil skabe", kind=GoalKind.QUANTIFIED)

    assert (
        list(strategy.tracks.values_list("kind", flat=True))
        == [TrackKind.STRATEGIC] * 3 + [TrackKind.CROSS_CUTTING] * 4
    )
    assert jobs.baseline_value == Decimal(19369)
    assert jobs.target_value == Decimal(21369)
    assert sorted(jobs.children.values_list("target_value", flat=True)) == [
        Decimal(n) for n in (100, 100, 100, 100, 200, 400, 1000)
    ]
    assert goals.filter(recurrence=Recurrence.YEARLY).exists()
    assert goals.filter(kind=GoalKind.QUALITATIVE).exists()
    assert goals.filter(kind=GoalKind.MILESTONE).exists()
    assert goals.exclude(pk=jobs.pk).filter(children__isnull=False).exists()
    assert goals.filter(theme__isnull=False).exists()


def test_every_generated_row_passes_the_models_validation(national):
    # Field bounds (digits, dates, lengths) and each model's clean(). Foreign keys, unique and
    # check constraints are the database's, which accepted every row.
    failures = []
    for label in GENERATED_MODELS:
        model = apps.get_model(label)
        relations = [f.name for f in model._meta.fields if f.is_relation]
        for row in model.objects.all():
            try:
                row.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
            except Exception as error:  # noqa: BLE001 - collected and shown together
                failures.append((label, row.pk, error))

    assert failures == []


def test_measured_values_fit_the_measure_digits(national):
    bounds = Measurement.objects.aggregate(low=Min("value"), high=Max("value"))

    assert bounds["low"] >= 0
    assert bounds["high"] < largest_value(**MEASURE_DIGITS)


def test_dates_lie_within_the_plans_periods_and_not_after_the_data_end(national):
    for measurement in Measurement.objects.select_related("goal__plan"):
        plan = measurement.goal.plan
        assert date(plan.period_start, 1, 1) <= measurement.measured_on <= DATA_END
        assert measurement.measured_on <= date(plan.period_end, 12, 31)
    for activity in Activity.objects.select_related("plan").exclude(starts_on=None):
        plan = activity.plan
        assert date(plan.period_start, 1, 1) <= activity.starts_on <= activity.ends_on
        assert activity.ends_on <= date(plan.period_end, 12, 31)
    for milestone in Milestone.objects.select_related("activity"):
        assert milestone.activity.starts_on <= milestone.due_on <= milestone.activity.ends_on
    for update in StatusUpdate.objects.select_related("activity__plan"):
        assert update.activity.plan.adopted_on <= update.reported_on <= DATA_END
        assert update.created_at.date() <= DATA_END


def test_history_is_written_where_pages_read_it_and_only_there(national):
    activity_history = Activity.history.values("history_type").annotate(n=Count("history_id"))
    by_type = {row["history_type"]: row["n"] for row in activity_history}

    assert Goal.history.count() == SIZES.goals
    assert Measurement.history.count() == SIZES.measurements
    assert by_type["+"] == SIZES.activities
    assert by_type["~"] >= 1
    assert Milestone.history.filter(history_type="+").count() == Milestone.objects.count()
    assert Plan.history.count() == 0
    assert StatusUpdate.history.count() == 0


def test_recent_changes_show_up_as_changed_history_in_the_last_months(national):
    changed = Activity.history.filter(history_type="~")
    first = changed.aggregate(first=Min("history_date"))["first"].date()

    assert DATA_END - timedelta(days=100) <= first <= DATA_END


def test_budgets_are_spent_plausibly(national):
    totals = Activity.objects.aggregate(budget=Sum("budget"), spent=Sum("spent"))

    assert 0 < totals["spent"] < totals["budget"] * Decimal("1.2")
    assert not Activity.objects.filter(budget__isnull=True, spent__isnull=False).exists()


def test_generator_refuses_a_database_that_holds_data(national):
    with pytest.raises(RuntimeError, match="needs an empty, migrated database"):
        generate(seed=SEED, scale=SCALE, stream=StringIO())


def test_the_dataset_is_recorded_and_reused_at_the_same_seed_and_scale(national):
    recorded = recorded_dataset()
    dataset, reused = ensure(seed=SEED, scale=SCALE, replace=False, stream=StringIO())

    assert (recorded.seed, recorded.scale, recorded.version) == (SEED, SCALE, GENERATOR_VERSION)
    assert recorded.counts == national.counts
    assert reused is True
    assert dataset.counts == national.counts


def test_another_seed_is_not_generated_over_other_data_without_replace(national):
    with pytest.raises(RuntimeError, match="--replace"):
        ensure(seed=SEED + 1, scale=SCALE, replace=False, stream=StringIO())


def test_generated_goals_store_the_status_the_rules_compute(national):
    """The post-load step stores every generated goal's status, equal to a fresh computation."""
    assert status_differences() == []
