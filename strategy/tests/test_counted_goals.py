"""Goals that count themselves: a goal counted in Kurs keeps one measurement per period, counted
again each night (`collect_platform_figures`), says where and when it was counted, and refuses a
figure typed in by hand, which would silently compete with the counted one.

The sources here are registered for the test only and count from a dictionary the test fills:
the apps' own sources (inquiries, events, newsletter …) are tested in their apps."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from strategy import sources
from strategy.enums import Comparator, DataSource, GoalKind, Recurrence
from strategy.models import Measurement
from strategy.services import count_platform_figure, counting_periods, record_measurement
from strategy.tests.factories import GoalFactory, PlanFactory


class Counts:
    """Per source key, the dates of what it counts: a period's figure is how many fall in it."""

    def __init__(self):
        self.days: dict[str, list[date]] = {"test.meetings": [], "test.events": []}

    def source(self, key: str, label: str) -> sources.PlatformSource:
        def measure(municipality, first_day, last_day):
            found = [day for day in self.days[key] if first_day <= day <= last_day]
            return Decimal(len(found)) if found else None

        return sources.PlatformSource(key, label, f"Talt af testen ({label}).", measure)


@pytest.fixture
def counts(monkeypatch):
    counts = Counts()
    monkeypatch.setitem(sources._SOURCES, "test.meetings", counts.source("test.meetings", "Møder"))
    monkeypatch.setitem(
        sources._SOURCES, "test.events", counts.source("test.events", "Arrangementer")
    )
    return counts


@pytest.fixture
def yearly_goal(municipality, counts):
    return GoalFactory(
        plan=PlanFactory(municipality=municipality, period_start=2014, period_end=2030),
        title="Mindst 10 erhvervsmøder og konferencer om året fra 2014",
        kind=GoalKind.QUANTIFIED,
        unit="møder",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(10),
        recurrence=Recurrence.YEARLY,
        recurrence_from_year=2014,
        data_source=DataSource.PLATFORM,
        platform_source="test.meetings + test.events",
    )


def count(on: str, *args: str) -> str:
    out = StringIO()
    call_command("collect_platform_figures", "--date", on, *args, stdout=out)
    return out.getvalue()


def test_a_yearly_goal_is_counted_in_calendar_years_this_one_and_the_last(yearly_goal):
    assert counting_periods(yearly_goal, date(2026, 3, 5)) == [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ]


def test_any_other_goal_is_counted_in_months_and_since_reaches_back(yearly_goal):
    yearly_goal.recurrence = Recurrence.NONE
    assert counting_periods(yearly_goal, date(2026, 3, 5), since=date(2026, 1, 20)) == [
        (date(2026, 1, 1), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 31)),
    ]


def test_a_goal_naming_two_sources_counts_their_sum(yearly_goal, counts):
    counts.days["test.meetings"] += [date(2025, 3, 1), date(2025, 9, 1)]
    counts.days["test.events"] += [date(2025, 5, 1)]

    count("2026-01-15")

    (measurement,) = Measurement.objects.filter(goal=yearly_goal)
    assert (measurement.period_start, measurement.measured_on, measurement.value) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
        Decimal(3),
    )
    assert measurement.source == "Kurs: Møder + Arrangementer"
    assert measurement.counted_from == "test.meetings + test.events"


def test_counting_again_updates_the_periods_one_measurement_with_its_history(yearly_goal, counts):
    counts.days["test.meetings"] += [date(2026, 2, 1)]
    count("2026-03-01")
    first = Measurement.objects.get(goal=yearly_goal)
    assert (first.measured_on, first.value) == (date(2026, 3, 1), Decimal(1))

    counts.days["test.events"] += [date(2026, 3, 10), date(2026, 4, 2)]
    count("2026-04-20")
    count("2026-04-20")

    (measurement,) = Measurement.objects.filter(goal=yearly_goal)
    assert measurement.pk == first.pk
    assert (measurement.measured_on, measurement.value) == (date(2026, 4, 20), Decimal(3))
    assert [(row.value, row.history_change_reason) for row in measurement.history.all()] == [
        (Decimal(3), "Talt igen"),
        (Decimal(1), "Talt i Kurs"),
    ]
    assert measurement.counted_at > first.counted_at


def test_a_period_that_has_not_begun_or_has_nothing_to_count_records_nothing(yearly_goal):
    assert (
        count_platform_figure(
            goal=yearly_goal,
            first_day=date(2027, 1, 1),
            last_day=date(2027, 12, 31),
            today=date(2026, 6, 1),
        )
        is None
    )
    assert count("2026-06-01") == "Platform figures on 2026-06-01: 0 period(s) counted.\n"
    assert not Measurement.objects.exists()


def test_a_figure_typed_in_by_hand_is_refused_for_a_counted_goal(yearly_goal, staff):
    with pytest.raises(ValidationError) as error:
        record_measurement(
            goal=yearly_goal,
            user=staff,
            measured_on=date(2026, 1, 1),
            source="Min optælling",
            value=Decimal(12),
        )
    assert error.value.messages == [
        "Målets tal kommer fra Møder + Arrangementer og kan ikke indtastes i hånden. Skift "
        "målets datakilde til 'Indtastes manuelt', hvis tallene skal indtastes."
    ]


def test_the_goal_page_offers_no_form_and_says_when_it_was_counted(
    client, staff, yearly_goal, counts
):
    counts.days["test.meetings"] += [date(2026, 2, 1)]
    count("2026-03-01")
    client.force_login(staff)
    url = reverse("strategy:goal", kwargs={"code": "165", "goal_id": yearly_goal.pk})

    page = client.get(url).content.decode()

    assert "Gem måling" not in page
    assert "Målets tal tælles i Kurs hver nat og kan ikke indtastes i hånden." in page
    assert "Talt i Kurs " in page
    assert "Sidst talt " in page
    posted = client.post(
        reverse("strategy:measurement_create", kwargs={"code": "165", "goal_id": yearly_goal.pk}),
        {"measured_on": "01-03-2026", "value": "12", "source": "Min optælling"},
    )
    assert posted.status_code == 400
    assert Measurement.objects.filter(goal=yearly_goal).count() == 1


def test_a_goal_cannot_add_up_a_source_kurs_does_not_know(yearly_goal):
    yearly_goal.platform_source = "test.meetings + test.nothing"
    with pytest.raises(ValidationError) as error:
        yearly_goal.full_clean()
    assert error.value.message_dict["platform_source"] == [
        "Kurs kender ikke kilden 'test.nothing'."
    ]
