"""How much data a scale asks for, and how a total is split exactly among many parts.

Scale 1.0 is "Kurs serving every municipality": 98 municipalities, 6,421 goals with 731,784
monthly measurements, 32,100 activities with 128,400 status updates; Albertslund scaled up to
601 goals with a 330-goal strategy and a 3,000-activity action plan, and one typical
municipality with 60 goals. A smaller scale shrinks every figure in proportion, down to the few
rows that the structure of a plan needs (tests run at 0.01).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

NATIONAL = {
    "municipalities": 98,
    "goals": 6_421,
    "measurements": 731_784,
    "activities": 32_100,
    "status_updates": 128_400,
    "albertslund_goals": 601,
    "big_plan_goals": 330,
    "albertslund_activities": 3_000,
    "typical_goals": 60,
}

# The smallest plans that still have their structure: Albertslund's strategy has an overall
# jobs goal whose track goals add up to it, a parent with children, a yearly target, a
# qualitative goal and a milestone; every municipality has a strategy goal and an action plan
# goal; every action plan has an activity.
MIN_BIG_PLAN_GOALS = 14
MIN_ALBERTSLUND_OTHER_GOALS = 4
MIN_GOALS_PER_MUNICIPALITY = 3
MIN_MUNICIPALITIES = 3


@dataclass(frozen=True)
class Sizes:
    scale: float
    municipalities: int
    goals: int
    measurements: int
    activities: int
    status_updates: int
    albertslund_goals: int
    big_plan_goals: int
    albertslund_activities: int
    typical_goals: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        if not 0 < scale <= 1:
            raise ValueError(f"scale must be above 0 and at most 1, not {scale}")

        def scaled(name: str, minimum: int = 1) -> int:
            return max(round(NATIONAL[name] * scale), minimum)

        municipalities = min(scaled("municipalities", MIN_MUNICIPALITIES), 98)
        big_plan = scaled("big_plan_goals", MIN_BIG_PLAN_GOALS)
        albertslund = scaled("albertslund_goals", big_plan + MIN_ALBERTSLUND_OTHER_GOALS)
        typical = scaled("typical_goals", MIN_GOALS_PER_MUNICIPALITY)
        others = municipalities - 2
        goals = scaled("goals", albertslund + typical + others * MIN_GOALS_PER_MUNICIPALITY)
        albertslund_activities = scaled("albertslund_activities")
        activities = scaled("activities", albertslund_activities + municipalities - 1)
        return cls(
            scale=scale,
            municipalities=municipalities,
            goals=goals,
            measurements=scaled("measurements", goals),
            activities=activities,
            status_updates=scaled("status_updates", activities),
            albertslund_goals=albertslund,
            big_plan_goals=big_plan,
            albertslund_activities=albertslund_activities,
            typical_goals=typical,
        )


def split(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """`total` split into whole parts in proportion to `weights`, each at least `minimum`,
    adding up to `total` exactly (largest remainders get the odd units)."""
    if total < minimum * len(weights):
        raise ValueError(f"{total} cannot give {len(weights)} parts at least {minimum} each")
    spare = total - minimum * len(weights)
    weight_sum = sum(weights)
    shares = [spare * weight / weight_sum for weight in weights]
    parts = [int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: (parts[i] - shares[i], i))
    for index in by_remainder[: spare - sum(parts)]:
        parts[index] += 1
    return [minimum + part for part in parts]


def fill(total: int, capacities: list[int], minimums: list[int], rng: random.Random) -> list[int]:
    """Counts between `minimums` and `capacities` adding up to `total` exactly.

    Every part starts at its capacity; the surplus is taken off in proportion to random
    weights (so some series are much shorter than others), never below a part's minimum."""
    surplus = sum(capacities) - total
    room = [capacity - least for capacity, least in zip(capacities, minimums, strict=True)]
    if surplus < 0 or surplus > sum(room):
        raise ValueError(f"{total} does not fit between {sum(minimums)} and {sum(capacities)}")
    counts = list(capacities)
    while surplus:
        open_parts = [i for i, spare in enumerate(room) if spare]
        weights = [rng.random() * room[i] for i in open_parts]
        cuts = split(surplus, weights) if sum(weights) else [0] * len(open_parts)
        for i, cut in zip(open_parts, cuts, strict=True):
            cut = min(cut, room[i], surplus)
            counts[i] -= cut
            room[i] -= cut
            surplus -= cut
        if surplus and not any(cuts):
            counts[open_parts[0]] -= 1
            room[open_parts[0]] -= 1
            surplus -= 1
    return counts
