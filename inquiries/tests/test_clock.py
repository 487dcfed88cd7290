"""The clock engine (`inquiries.clock`): deadlines and time used across weekends, Danish holidays,
pauses and the changes to and from summer time, with exact expected instants."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from inquiries.clock import (
    Change,
    NoDeadline,
    Reading,
    Unit,
    WorkCalendar,
    danish_holidays,
    deadline,
    holiday_names,
    net_days,
    read_log,
    share_used,
    used,
)

CPH = ZoneInfo("Europe/Copenhagen")
OFFICE = WorkCalendar(
    {day: (time(8), time(16)) for day in range(4)} | {4: (time(8), time(14))}
)  # Monday-Thursday 8-16, Friday 8-14: 38 hours a week


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=CPH)


def real(instant: datetime) -> datetime:
    """The instant in UTC: Python subtracts two times of one zone on their wall clock."""
    return instant.astimezone(UTC)


def hours(n) -> timedelta:
    return timedelta(hours=n)


def days(n) -> timedelta:
    return timedelta(days=n)


# Calendar time


def test_calendar_hours_run_through_the_weekend():
    friday_10 = at(2026, 1, 9, 10)
    assert deadline(OFFICE, friday_10, hours(72), Unit.CALENDAR_HOURS) == at(2026, 1, 12, 10)


def test_calendar_days_end_at_the_same_wall_clock_time():
    assert deadline(OFFICE, at(2026, 1, 5, 9, 30), days(40), Unit.CALENDAR_DAYS) == at(
        2026, 2, 14, 9, 30
    )


def test_forty_days_across_the_change_to_summer_time_end_at_the_same_hour():
    start = at(2026, 3, 20, 10)
    due = deadline(OFFICE, start, days(40), Unit.CALENDAR_DAYS)
    assert due == at(2026, 4, 29, 10)
    assert real(due) - real(start) == days(40) - hours(1)  # one hour less really passed


def test_sixty_days_across_the_change_back_to_winter_time_end_at_the_same_hour():
    start = at(2026, 10, 1, 10)
    due = deadline(OFFICE, start, days(60), Unit.CALENDAR_DAYS)
    assert due == at(2026, 11, 30, 10)
    assert real(due) - real(start) == days(60) + hours(1)


def test_seventy_two_hours_over_the_spring_night_end_at_the_same_wall_clock_time():
    friday_10 = at(2026, 3, 27, 10)
    assert deadline(OFFICE, friday_10, hours(72), Unit.CALENDAR_HOURS) == at(2026, 3, 30, 10)


def test_deadline_in_the_skipped_hour_is_the_first_instant_that_exists():
    due = deadline(OFFICE, at(2026, 3, 29, 1), hours(1.5), Unit.CALENDAR_HOURS)
    assert (due.hour, due.minute, due.utcoffset()) == (3, 30, hours(2))


def test_the_repeated_october_hour_is_counted_once():
    start = at(2026, 10, 25, 0)
    assert used(OFFICE, start, at(2026, 10, 25, 4), Unit.CALENDAR_HOURS) == hours(4)
    assert real(at(2026, 10, 25, 4)) - real(start) == hours(5)


def test_instants_in_another_zone_are_read_on_the_copenhagen_clock():
    utc_start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)  # 09:00 in Copenhagen
    assert deadline(OFFICE, utc_start, hours(2), Unit.WORKING_HOURS) == at(2026, 1, 5, 11)


# Working time


def test_working_hours_skip_the_evening_and_the_weekend():
    thursday_15 = at(2026, 1, 8, 15)
    # 1 hour on Thursday, 6 on Friday, 1 on Monday.
    assert deadline(OFFICE, thursday_15, hours(8), Unit.WORKING_HOURS) == at(2026, 1, 12, 9)


def test_working_hours_started_outside_working_time_start_at_the_next_opening():
    saturday = at(2026, 1, 10, 11)
    assert deadline(OFFICE, saturday, hours(3), Unit.WORKING_HOURS) == at(2026, 1, 12, 11)


def test_working_hours_ending_at_closing_time_are_due_at_closing():
    assert deadline(OFFICE, at(2026, 1, 5, 8), hours(8), Unit.WORKING_HOURS) == at(2026, 1, 5, 16)


def test_easter_closes_thursday_to_monday():
    wednesday_before = at(2026, 4, 1, 15)
    # 1 hour on Wednesday 1 April; Maundy Thursday, Good Friday, the weekend and Easter Monday
    # are closed; 1 hour on Tuesday 7 April.
    assert deadline(OFFICE, wednesday_before, hours(2), Unit.WORKING_HOURS) == at(2026, 4, 7, 9)


def test_easter_moves_with_the_year():
    assert deadline(OFFICE, at(2025, 4, 16, 15), hours(2), Unit.WORKING_HOURS) == at(2025, 4, 22, 9)


def test_store_bededag_is_a_holiday_until_2023():
    thursday = at(2023, 5, 4, 15)
    assert deadline(OFFICE, thursday, hours(2), Unit.WORKING_HOURS) == at(2023, 5, 8, 9)


def test_store_bededag_is_a_working_day_from_2024():
    thursday = at(2024, 4, 25, 15)
    assert deadline(OFFICE, thursday, hours(2), Unit.WORKING_HOURS) == at(2024, 4, 26, 9)
    assert "Store bededag" not in {name for _, name in danish_holidays(2024).values()}


def test_ascension_and_whit_monday_are_closed():
    wednesday = at(2026, 5, 13, 15)
    # Ascension Day Thursday 14 May closed, Friday 15 May open 8-14.
    assert deadline(OFFICE, wednesday, hours(2), Unit.WORKING_HOURS) == at(2026, 5, 15, 9)
    friday = at(2026, 5, 22, 13)
    assert deadline(OFFICE, friday, hours(2), Unit.WORKING_HOURS) == at(2026, 5, 26, 9)


def test_christmas_eve_and_new_years_eve_are_closed_too():
    # Thursday 24 and Friday 25 December are closed, and Thursday 31 December and 1 January.
    assert deadline(OFFICE, at(2026, 12, 23, 15), hours(2), Unit.WORKING_HOURS) == at(
        2026, 12, 28, 9
    )
    assert deadline(OFFICE, at(2026, 12, 30, 15), hours(2), Unit.WORKING_HOURS) == at(2027, 1, 4, 9)


def test_a_holiday_switched_off_is_a_working_day():
    open_on_labour_day = WorkCalendar(OFFICE.hours, frozenset({"Workers' Day"}))
    thursday = at(2026, 4, 30, 15)
    assert deadline(OFFICE, thursday, hours(2), Unit.WORKING_HOURS) == at(2026, 5, 4, 9)
    assert deadline(open_on_labour_day, thursday, hours(2), Unit.WORKING_HOURS) == at(2026, 5, 1, 9)


def test_holiday_names_list_every_holiday_once_with_its_danish_name():
    names = dict(holiday_names())
    assert names["Great Prayer Day"] == "Store bededag"
    assert names["Constitution Day"] == "Grundlovsdag"
    assert names["Christmas Eve"] == "Juleaftensdag"
    assert len(names) == 15  # 10 public days, Store bededag until 2023, 4 optional days


def test_working_time_over_the_summer_time_night_is_still_eight_hours_a_day():
    friday_13 = at(2026, 3, 27, 13)
    assert deadline(OFFICE, friday_13, hours(3), Unit.WORKING_HOURS) == at(2026, 3, 30, 10)


def test_working_time_in_a_calendar_without_hours_is_never_due():
    with pytest.raises(NoDeadline):
        deadline(WorkCalendar({}), at(2026, 1, 5, 9), hours(1), Unit.WORKING_HOURS)


def test_working_time_used_in_a_calendar_without_hours_is_nothing():
    assert used(WorkCalendar({}), at(2026, 1, 5, 9), at(2026, 1, 9, 9), Unit.WORKING_HOURS) == (
        timedelta(0)
    )


def test_a_duration_of_nothing_is_due_at_the_start():
    assert deadline(OFFICE, at(2026, 1, 10, 11), hours(0), Unit.WORKING_HOURS) == at(
        2026, 1, 10, 11
    )


def test_is_working_time_on_a_weekday_a_holiday_and_at_closing():
    assert OFFICE.is_working_time(at(2026, 1, 5, 9))
    assert not OFFICE.is_working_time(at(2026, 1, 5, 16))
    assert not OFFICE.is_working_time(at(2026, 1, 10, 10))
    assert not OFFICE.is_working_time(at(2026, 4, 6, 10))  # Easter Monday


# Pauses


def test_a_pause_over_a_weekend_moves_a_calendar_deadline_by_its_length():
    pause = (at(2026, 1, 9, 12), at(2026, 1, 12, 9))  # Friday noon to Monday 9: 69 hours
    due = deadline(OFFICE, at(2026, 1, 5, 10), days(10), Unit.CALENDAR_DAYS, [pause])
    assert due == at(2026, 1, 15, 10) + hours(69)


def test_a_pause_over_nights_and_a_weekend_costs_only_the_working_hours_inside_it():
    # Paused Thursday 14:00 to Tuesday 10:00: 2 h Thursday, 6 h Friday, 2 h Monday of work.
    pause = (at(2026, 1, 8, 14), at(2026, 1, 13, 10))
    start = at(2026, 1, 8, 8)
    due = deadline(OFFICE, start, hours(10), Unit.WORKING_HOURS, [pause])
    # 6 hours Thursday 8-14, then 4 more from Tuesday 10:00.
    assert due == at(2026, 1, 13, 14)


def test_overlapping_pauses_count_once():
    pauses = [(at(2026, 1, 5, 12), at(2026, 1, 5, 18)), (at(2026, 1, 5, 15), at(2026, 1, 6, 0))]
    assert used(OFFICE, at(2026, 1, 5, 0), at(2026, 1, 7, 0), Unit.CALENDAR_HOURS, pauses) == hours(
        36
    )


def test_a_pause_that_ends_before_it_starts_counts_nothing():
    backwards = [(at(2026, 1, 5, 14), at(2026, 1, 5, 12))]
    assert used(OFFICE, at(2026, 1, 5, 8), at(2026, 1, 5, 16), Unit.WORKING_HOURS, backwards) == (
        hours(8)
    )


def test_used_working_hours_from_monday_to_the_next_monday():
    assert used(OFFICE, at(2026, 1, 5, 8), at(2026, 1, 12, 8), Unit.WORKING_HOURS) == hours(38)


def test_used_before_the_start_is_nothing():
    assert used(OFFICE, at(2026, 1, 5, 8), at(2026, 1, 4, 8), Unit.CALENDAR_DAYS) == timedelta(0)


def test_used_up_to_the_deadline_is_the_whole_duration():
    start, pauses = at(2026, 3, 25, 11), [(at(2026, 3, 27, 9), at(2026, 3, 31, 13))]
    due = deadline(OFFICE, start, hours(30), Unit.WORKING_HOURS, pauses)
    assert used(OFFICE, start, due, Unit.WORKING_HOURS, pauses) == hours(30)


def test_share_used_is_the_fraction_of_the_duration():
    assert share_used(hours(36), hours(72)) == 0.5
    assert share_used(hours(90), hours(72)) == 1.25
    assert share_used(hours(1), hours(0)) == 1.0


# The state log


def test_the_clock_has_not_started_while_the_case_is_incomplete():
    log = [Change(at(2026, 1, 5, 9), running=False)]
    assert read_log(log, now=at(2026, 1, 6, 9)) is None


def test_the_clock_starts_when_the_case_is_complete_and_pauses_while_it_waits():
    log = [
        Change(at(2026, 1, 5, 9), running=False),  # received without papers
        Change(at(2026, 1, 6, 9), running=True),  # complete
        Change(at(2026, 1, 7, 9), running=False),  # waits for the business
        Change(at(2026, 1, 9, 9), running=True),
        Change(at(2026, 1, 12, 9), running=False, stops=True),
    ]
    reading = read_log(log, now=at(2026, 2, 1))
    assert reading == Reading(
        start=at(2026, 1, 6, 9),
        pauses=((at(2026, 1, 7, 9), at(2026, 1, 9, 9)),),
        stopped_at=at(2026, 1, 12, 9),
    )
    assert net_days(reading, reading.stopped_at) == 4.0


def test_a_pause_still_going_on_is_counted_up_to_now():
    log = [Change(at(2026, 1, 5, 9), running=True), Change(at(2026, 1, 6, 9), running=False)]
    reading = read_log(log, now=at(2026, 1, 8, 9))
    assert reading.pauses == ((at(2026, 1, 6, 9), at(2026, 1, 8, 9)),)
    assert deadline(OFFICE, reading.start, days(3), Unit.CALENDAR_DAYS, reading.pauses) == at(
        2026, 1, 10, 9
    )


def test_a_case_closed_while_paused_stops_the_clock_at_the_pause():
    log = [
        Change(at(2026, 1, 5, 9), running=True),
        Change(at(2026, 1, 6, 9), running=False),
        Change(at(2026, 1, 8, 9), running=False, stops=True),
    ]
    reading = read_log(log, now=at(2026, 2, 1))
    assert net_days(reading, reading.stopped_at) == 1.0


def test_repeated_running_changes_are_one_running_stretch():
    log = [
        Change(at(2026, 1, 5, 9), running=True),
        Change(at(2026, 1, 6, 9), running=True),  # reassigned, still running
        Change(at(2026, 1, 7, 9), running=False),
        Change(at(2026, 1, 7, 10), running=False),  # another waiting reason
    ]
    reading = read_log(log, now=at(2026, 1, 7, 12))
    assert reading.pauses == ((at(2026, 1, 7, 9), at(2026, 1, 7, 12)),)
