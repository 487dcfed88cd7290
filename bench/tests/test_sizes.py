"""What a scale asks for, and the exact splitting of totals."""

import random

import pytest

from bench.sizes import Sizes, fill, split


def test_scale_one_asks_for_the_national_figures():
    sizes = Sizes.at(1.0)

    assert sizes == Sizes(
        scale=1.0,
        municipalities=98,
        goals=6_421,
        measurements=731_784,
        activities=32_100,
        status_updates=128_400,
        albertslund_goals=601,
        big_plan_goals=330,
        albertslund_activities=3_000,
        typical_goals=60,
    )


def test_a_tiny_scale_keeps_the_rows_a_plans_structure_needs():
    sizes = Sizes.at(0.001)

    assert (sizes.municipalities, sizes.big_plan_goals, sizes.albertslund_goals) == (3, 14, 18)
    assert (sizes.typical_goals, sizes.goals, sizes.measurements) == (3, 24, 732)
    assert (sizes.activities, sizes.albertslund_activities, sizes.status_updates) == (32, 3, 128)


@pytest.mark.parametrize("scale", [0, -1, 1.5])
def test_a_scale_outside_zero_to_one_is_refused(scale):
    with pytest.raises(ValueError, match="scale must be above 0 and at most 1"):
        Sizes.at(scale)


def test_split_adds_up_exactly_in_proportion_with_each_part_at_least_the_minimum():
    parts = split(100, [1, 1, 2], minimum=10)

    assert parts == [28, 27, 45]
    assert split(10, [1, 1, 1]) == [4, 3, 3]


def test_split_refuses_a_total_below_the_minimums():
    with pytest.raises(ValueError):
        split(5, [1, 1, 1], minimum=2)


def test_fill_adds_up_exactly_between_minimums_and_capacities():
    capacities = [167, 155, 143, 8, 60]
    minimums = [12, 12, 12, 8, 12]

    counts = fill(400, capacities, minimums, random.Random(1))

    assert sum(counts) == 400
    assert all(
        least <= count <= most
        for count, least, most in zip(counts, minimums, capacities, strict=True)
    )
    assert counts[3] == 8


def test_fill_refuses_a_total_that_does_not_fit():
    with pytest.raises(ValueError):
        fill(1_000, [100, 100], [10, 10], random.Random(1))
