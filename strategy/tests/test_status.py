"""One test per case of the status specification in `strategy.status` (no database)."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils.translation import override

from strategy.enums import Comparator, GoalKind, GoalStatus, Recurrence
from strategy.status import GoalFacts, Observation, Point, evaluate, forecast_at

# A quantified goal over exactly 730 days: 2014-01-01 is halfway (365/730 = 0.5).
START = date(2013, 1, 1)
HALFWAY = date(2014, 1, 1)
DEADLINE = date(2015, 1, 1)


def jobs_goal(**overrides) -> GoalFacts:
    """At least 1.000 new jobs by 2015-01-01, from 0 on 2013-01-01."""
    facts = {
        "kind": GoalKind.QUANTIFIED,
        "deadline": DEADLINE,
        "comparator": Comparator.AT_LEAST,
        "target": Decimal(1000),
        "baseline": Point(START, Decimal(0)),
    }
    facts.update(overrides)
    return GoalFacts(**facts)


def rank_goal() -> GoalFacts:
    """A rank, lower is better: at most 10 by 2015-01-01, from 37 on 2013-01-01."""
    return GoalFacts(
        kind=GoalKind.QUANTIFIED,
        deadline=DEADLINE,
        comparator=Comparator.AT_MOST,
        target=Decimal(10),
        baseline=Point(START, Decimal(37)),
    )


def milestone(deadline=date(2013, 12, 31)) -> GoalFacts:
    """A business website by the end of 2013."""
    return GoalFacts(kind=GoalKind.MILESTONE, deadline=deadline)


def qualitative(deadline=date(2017, 12, 31), has_stated_deadline=True) -> GoalFacts:
    return GoalFacts(
        kind=GoalKind.QUALITATIVE, deadline=deadline, has_stated_deadline=has_stated_deadline
    )


def yearly_goal(**overrides) -> GoalFacts:
    """At least 50 a year from 2013; the plan's period ends with 2017 (no stated deadline)."""
    facts = {
        "kind": GoalKind.QUANTIFIED,
        "deadline": date(2017, 12, 31),
        "has_stated_deadline": False,
        "comparator": Comparator.AT_LEAST,
        "target": Decimal(50),
        "recurrence": Recurrence.YEARLY,
        "recurrence_from_year": 2013,
    }
    facts.update(overrides)
    return GoalFacts(**facts)


def value(on: date, amount) -> Observation:
    return Observation(on, Decimal(amount))


# Qualitative goals


def test_qualitative_without_assessment_is_not_measured():
    result = evaluate(qualitative(), [], today=date(2015, 6, 1))

    assert result.status == GoalStatus.NOT_MEASURED
    assert result.progress is None


def test_qualitative_latest_assessment_wins():
    observations = [
        Observation(date(2015, 3, 1), assessment=GoalStatus.OFF_TRACK),
        Observation(date(2014, 3, 1), assessment=GoalStatus.ON_TRACK),
    ]

    result = evaluate(qualitative(), observations, today=date(2015, 6, 1))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.latest == Observation(date(2015, 3, 1), assessment=GoalStatus.OFF_TRACK)


def test_qualitative_assessed_achieved_has_full_progress():
    observations = [Observation(date(2015, 3, 1), assessment=GoalStatus.ACHIEVED)]

    result = evaluate(qualitative(), observations, today=date(2015, 6, 1))

    assert result.status == GoalStatus.ACHIEVED
    assert result.progress == 1.0


def test_qualitative_without_assessment_after_stated_deadline_is_not_measurable():
    result = evaluate(qualitative(deadline=date(2017, 12, 31)), [], today=date(2018, 1, 1))

    assert result.status == GoalStatus.NOT_MEASURABLE


def test_qualitative_without_assessment_after_the_plan_period_is_not_measurable():
    facts = qualitative(deadline=date(2017, 12, 31), has_stated_deadline=False)

    result = evaluate(facts, [], today=date(2018, 1, 1))

    assert result.status == GoalStatus.NOT_MEASURABLE


@pytest.mark.parametrize("assessment", [GoalStatus.ON_TRACK, GoalStatus.AT_RISK])
def test_qualitative_on_track_before_the_deadline_does_not_stay_on_track_after_it(assessment):
    """Assessed "on track" in 2014 with a 2015 deadline: in 2026 nobody knows if it was met."""
    observations = [Observation(date(2014, 6, 1), assessment=assessment)]

    before = evaluate(qualitative(deadline=date(2015, 12, 31)), observations, date(2015, 12, 31))
    after = evaluate(qualitative(deadline=date(2015, 12, 31)), observations, date(2026, 12, 1))

    assert before.status == assessment
    assert after.status == GoalStatus.NOT_MEASURABLE
    assert after.progress is None
    with override("da"):
        assert str(after.reason) == (
            "Fristen er passeret uden en endelig vurdering af, om målet er nået. "
            f"Seneste vurdering: {assessment.label}."
        )


@pytest.mark.parametrize("assessment", [GoalStatus.ACHIEVED, GoalStatus.OFF_TRACK])
def test_qualitative_final_assessment_stands_after_the_deadline(assessment):
    observations = [Observation(date(2015, 6, 1), assessment=assessment)]

    result = evaluate(qualitative(deadline=date(2015, 12, 31)), observations, date(2026, 12, 1))

    assert result.status == assessment


# Milestones


def test_milestone_done_is_achieved():
    observations = [value(date(2013, 5, 1), 0), value(date(2013, 11, 1), 1)]

    result = evaluate(milestone(), observations, today=date(2014, 2, 1))

    assert result.status == GoalStatus.ACHIEVED
    assert result.progress == 1.0


def test_milestone_done_stays_achieved_after_a_later_not_done_report():
    observations = [value(date(2013, 11, 1), 1), value(date(2013, 12, 1), 0)]

    result = evaluate(milestone(), observations, today=date(2013, 12, 15))

    assert result.status == GoalStatus.ACHIEVED


def test_milestone_not_done_after_deadline_is_off_track():
    observations = [value(date(2013, 11, 1), 0)]

    result = evaluate(milestone(), observations, today=date(2014, 1, 1))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.progress == 0.0


def test_milestone_without_report_after_deadline_is_not_measurable():
    result = evaluate(milestone(), [], today=date(2014, 1, 1))

    assert result.status == GoalStatus.NOT_MEASURABLE


def test_milestone_not_done_within_90_days_of_deadline_is_at_risk():
    observations = [value(date(2013, 9, 1), 0)]

    result = evaluate(milestone(), observations, today=date(2013, 10, 2))  # 90 days left

    assert result.status == GoalStatus.AT_RISK


def test_milestone_not_done_far_from_deadline_is_on_track():
    observations = [value(date(2013, 9, 1), 0)]

    result = evaluate(milestone(), observations, today=date(2013, 10, 1))  # 91 days left

    assert result.status == GoalStatus.ON_TRACK
    assert result.progress == 0.0


def test_milestone_without_report_before_deadline_is_not_measured():
    result = evaluate(milestone(), [], today=date(2013, 12, 1))

    assert result.status == GoalStatus.NOT_MEASURED


# Quantified goals with one target at a deadline


def test_quantified_without_measurements_before_deadline_is_not_measured():
    result = evaluate(jobs_goal(), [], today=date(2014, 6, 1))

    assert result.status == GoalStatus.NOT_MEASURED


def test_quantified_without_measurements_after_deadline_is_not_measurable():
    result = evaluate(jobs_goal(), [], today=date(2015, 1, 2))

    assert result.status == GoalStatus.NOT_MEASURABLE


def test_quantified_without_measurements_after_the_plan_period_is_not_measurable():
    facts = jobs_goal(has_stated_deadline=False)

    result = evaluate(facts, [], today=date(2015, 1, 2))

    assert result.status == GoalStatus.NOT_MEASURABLE


def test_quantified_target_met_before_deadline_is_achieved():
    result = evaluate(jobs_goal(), [value(HALFWAY, 1000)], today=date(2014, 6, 1))

    assert result.status == GoalStatus.ACHIEVED
    assert result.progress == 1.0


def test_quantified_target_met_after_deadline_is_achieved():
    result = evaluate(jobs_goal(), [value(date(2014, 12, 1), 1200)], today=date(2015, 6, 1))

    assert result.status == GoalStatus.ACHIEVED
    assert result.progress == 1.0


def test_quantified_deadline_passed_target_not_met_is_off_track():
    result = evaluate(jobs_goal(), [value(date(2014, 12, 1), 900)], today=date(2015, 6, 1))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.progress == 0.9


def test_quantified_on_trajectory_is_on_track():
    result = evaluate(jobs_goal(), [value(HALFWAY, 500)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.ON_TRACK
    assert result.progress == 0.5
    assert result.expected_progress == 0.5


def test_quantified_slightly_below_trajectory_is_at_risk():
    result = evaluate(jobs_goal(), [value(HALFWAY, 450)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.AT_RISK
    assert result.progress == 0.45


def test_quantified_clearly_below_trajectory_is_off_track():
    result = evaluate(jobs_goal(), [value(HALFWAY, 300)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.progress == 0.3


def test_quantified_trajectory_uses_measurement_date_not_today():
    # A year-old measurement that was on track when taken stays on track.
    result = evaluate(jobs_goal(), [value(HALFWAY, 500)], today=date(2014, 12, 31))

    assert result.status == GoalStatus.ON_TRACK
    assert result.expected_progress == 0.5


def test_quantified_latest_measurement_decides():
    observations = [value(date(2013, 7, 2), 400), value(HALFWAY, 300)]

    result = evaluate(jobs_goal(), observations, today=date(2014, 1, 15))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.latest == value(HALFWAY, 300)


def test_quantified_without_baseline_first_measurement_is_the_start():
    facts = jobs_goal(baseline=None)
    observations = [value(START, 200), value(HALFWAY, 600)]

    result = evaluate(facts, observations, today=date(2014, 1, 15))

    assert result.status == GoalStatus.ON_TRACK
    assert result.progress == 0.5
    assert result.expected_progress == 0.5


def test_quantified_without_baseline_single_measurement_is_on_track_at_zero_progress():
    facts = jobs_goal(baseline=None)

    result = evaluate(facts, [value(START, 200)], today=date(2013, 6, 1))

    assert result.status == GoalStatus.ON_TRACK
    assert result.progress == 0.0
    assert result.expected_progress == 0.0


def test_quantified_target_equal_to_baseline_not_met_does_not_crash():
    facts = jobs_goal(target=Decimal(0))

    result = evaluate(facts, [value(HALFWAY, -10)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.progress == 0.0


def test_quantified_target_equal_to_baseline_met_is_achieved():
    facts = jobs_goal(target=Decimal(0))

    result = evaluate(facts, [value(HALFWAY, 0)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.ACHIEVED
    assert result.progress == 1.0


def test_rank_goal_reaching_30_halfway_is_behind_and_off_track():
    result = evaluate(rank_goal(), [value(HALFWAY, 30)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.progress == 7 / 27
    assert result.expected_progress == 0.5


def test_rank_goal_reaching_10_is_achieved():
    result = evaluate(rank_goal(), [value(HALFWAY, 10)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.ACHIEVED
    assert result.progress == 1.0


def test_rank_goal_reaching_8_is_achieved():
    result = evaluate(rank_goal(), [value(HALFWAY, 8)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.ACHIEVED
    assert result.progress == 1.0


def test_future_dated_observations_are_ignored():
    observations = [value(HALFWAY, 500), value(date(2014, 6, 1), 1000)]

    result = evaluate(jobs_goal(), observations, today=date(2014, 1, 15))

    assert result.status == GoalStatus.ON_TRACK
    assert result.latest == value(HALFWAY, 500)


def test_only_future_dated_observations_is_not_measured():
    result = evaluate(jobs_goal(), [value(date(2014, 6, 1), 1000)], today=date(2014, 1, 15))

    assert result.status == GoalStatus.NOT_MEASURED


def test_forecast_is_shown_beside_the_status():
    result = evaluate(jobs_goal(), [value(HALFWAY, 300)], today=date(2014, 1, 15))

    assert result.forecast == Decimal(600)


# Forecast


def test_forecast_at_on_a_straight_line_returns_the_expected_value():
    points = [
        Point(date(2013, 1, 1), Decimal(0)),
        Point(date(2013, 7, 2), Decimal(182)),
        Point(date(2014, 1, 1), Decimal(365)),
    ]

    assert forecast_at(points, date(2015, 1, 1)) == Decimal(730)


def test_forecast_at_with_one_point_is_none():
    assert forecast_at([Point(date(2013, 1, 1), Decimal(5))], date(2015, 1, 1)) is None


def test_forecast_at_with_two_points_on_the_same_date_is_none():
    points = [Point(date(2013, 1, 1), Decimal(5)), Point(date(2013, 1, 1), Decimal(7))]

    assert forecast_at(points, date(2015, 1, 1)) is None


def test_forecast_at_without_points_is_none():
    assert forecast_at([], date(2015, 1, 1)) is None


# Quantified goals with a yearly target


def test_yearly_figure_is_the_latest_measurement_of_the_year():
    observations = [value(date(2014, 6, 30), 20), value(date(2014, 12, 31), 55)]

    result = evaluate(yearly_goal(), observations, today=date(2015, 3, 1))

    assert [(y.year, y.value, y.met) for y in result.years] == [
        (2013, None, None),
        (2014, Decimal(55), True),
        (2015, None, None),
    ]


def test_yearly_completed_year_met_is_on_track():
    result = evaluate(yearly_goal(), [value(date(2014, 12, 31), 55)], today=date(2015, 3, 1))

    assert result.status == GoalStatus.ON_TRACK
    assert result.progress == 1.0


def test_yearly_completed_year_missed_is_off_track():
    result = evaluate(yearly_goal(), [value(date(2014, 12, 31), 40)], today=date(2015, 3, 1))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.progress == 0.8


def test_yearly_current_year_on_pro_rata_is_on_track():
    # 2014-07-02 is day 182 of the 364 days from 1 January to 31 December: half the year.
    result = evaluate(yearly_goal(), [value(date(2014, 7, 2), 25)], today=date(2014, 8, 1))

    assert result.status == GoalStatus.ON_TRACK
    assert result.expected_progress == 0.5
    assert result.progress == 0.5


def test_yearly_current_year_slightly_below_pro_rata_is_at_risk():
    result = evaluate(yearly_goal(), [value(date(2014, 7, 2), 21)], today=date(2014, 8, 1))

    assert result.status == GoalStatus.AT_RISK
    assert result.progress == 0.42


def test_yearly_current_year_clearly_below_pro_rata_is_off_track():
    result = evaluate(yearly_goal(), [value(date(2014, 7, 2), 10)], today=date(2014, 8, 1))

    assert result.status == GoalStatus.OFF_TRACK
    assert result.progress == 0.2


def test_yearly_current_year_target_already_met_is_on_track():
    result = evaluate(yearly_goal(), [value(date(2014, 3, 1), 60)], today=date(2014, 8, 1))

    assert result.status == GoalStatus.ON_TRACK
    assert result.progress == 1.0


def test_yearly_current_year_over_a_ceiling_is_off_track():
    facts = yearly_goal(comparator=Comparator.AT_MOST, target=Decimal(5))

    result = evaluate(facts, [value(date(2014, 3, 1), 6)], today=date(2014, 8, 1))

    assert result.status == GoalStatus.OFF_TRACK


def test_yearly_ceiling_exceeded_shows_the_ceilings_share_not_full_progress():
    """At most 10 a year, 30 measured: a third of the way, not 100 %."""
    facts = yearly_goal(comparator=Comparator.AT_MOST, target=Decimal(10))

    over = evaluate(facts, [value(date(2014, 3, 1), 30)], today=date(2014, 8, 1))
    none = evaluate(facts, [value(date(2014, 3, 1), 0)], today=date(2014, 8, 1))

    assert (over.status, over.progress) == (GoalStatus.OFF_TRACK, 1 / 3)
    assert (none.status, none.progress) == (GoalStatus.ON_TRACK, 1.0)


def test_yearly_ceiling_missed_in_a_completed_year_is_off_track_with_its_share():
    facts = yearly_goal(comparator=Comparator.AT_MOST, target=Decimal(10))

    result = evaluate(facts, [value(date(2014, 12, 31), 40)], today=date(2015, 3, 1))

    assert (result.status, result.progress) == (GoalStatus.OFF_TRACK, 0.25)


def test_yearly_negative_target_missed_is_off_track_not_on_track():
    """At least -5 a year (a decline of at most 5): -10 by midsummer misses it clearly."""
    facts = yearly_goal(target=Decimal(-5))

    missed = evaluate(facts, [value(date(2014, 7, 2), -10)], today=date(2014, 8, 1))
    met = evaluate(facts, [value(date(2014, 7, 2), -3)], today=date(2014, 8, 1))

    assert (missed.status, missed.progress) == (GoalStatus.OFF_TRACK, 0.0)
    assert (met.status, met.progress) == (GoalStatus.ON_TRACK, 1.0)


def test_yearly_current_year_below_zero_target_does_not_crash():
    facts = yearly_goal(target=Decimal(0))

    result = evaluate(facts, [value(date(2014, 7, 2), -3)], today=date(2014, 8, 1))

    assert result.status == GoalStatus.OFF_TRACK


def test_yearly_after_period_every_year_met_is_achieved():
    observations = [value(date(year, 12, 31), 50 + year - 2013) for year in range(2013, 2018)]

    result = evaluate(yearly_goal(), observations, today=date(2018, 3, 1))

    assert result.status == GoalStatus.ACHIEVED
    assert [y.met for y in result.years] == [True, True, True, True, True]


def test_yearly_after_period_any_year_missed_is_off_track():
    observations = [value(date(year, 12, 31), 60) for year in range(2013, 2018)]
    observations[2] = value(date(2015, 12, 31), 49)

    result = evaluate(yearly_goal(), observations, today=date(2018, 3, 1))

    assert result.status == GoalStatus.OFF_TRACK
    assert [y.met for y in result.years] == [True, True, False, True, True]


def test_yearly_after_period_without_any_figure_is_not_measurable():
    result = evaluate(yearly_goal(), [], today=date(2018, 3, 1))

    assert result.status == GoalStatus.NOT_MEASURABLE


def test_yearly_after_period_with_stated_deadline_without_any_figure_is_not_measurable():
    facts = yearly_goal(has_stated_deadline=True)

    result = evaluate(facts, [], today=date(2018, 3, 1))

    assert result.status == GoalStatus.NOT_MEASURABLE


def test_yearly_after_period_last_year_without_figure_is_not_measurable():
    observations = [value(date(year, 12, 31), 60) for year in range(2013, 2017)]

    result = evaluate(yearly_goal(), observations, today=date(2018, 3, 1))

    assert result.status == GoalStatus.NOT_MEASURABLE


def test_yearly_before_first_year_without_data_is_not_measured():
    result = evaluate(yearly_goal(), [], today=date(2012, 6, 1))

    assert result.status == GoalStatus.NOT_MEASURED
    assert result.years == []


def test_yearly_measurements_before_the_start_year_are_ignored():
    result = evaluate(yearly_goal(), [value(date(2012, 12, 31), 10)], today=date(2013, 3, 1))

    assert result.status == GoalStatus.NOT_MEASURED


def test_yearly_future_dated_observations_are_ignored():
    observations = [value(date(2014, 12, 31), 55), value(date(2015, 6, 1), 1)]

    result = evaluate(yearly_goal(), observations, today=date(2015, 3, 1))

    assert result.status == GoalStatus.ON_TRACK
    assert result.latest == value(date(2014, 12, 31), 55)
