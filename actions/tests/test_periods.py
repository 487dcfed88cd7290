"""Periods as the documents write them, and activities ordered by the dates they cover."""

from datetime import date

import pytest

from actions.models import Activity
from actions.periods import Period, PeriodError, parse_period, period_dates
from actions.queries import in_period_order, period_sort_key
from actions.tests.factories import ActionPlanFactory, ActivityFactory


@pytest.mark.parametrize(
    ("text", "starts_on", "ends_on"),
    [
        # dates
        ("10. september 2013", date(2013, 9, 10), date(2013, 9, 10)),
        ("1. okt. 2014", date(2014, 10, 1), date(2014, 10, 1)),
        ("31.12.2016", date(2016, 12, 31), date(2016, 12, 31)),
        ("2016-02-29", date(2016, 2, 29), date(2016, 2, 29)),
        # months
        ("oktober 2014", date(2014, 10, 1), date(2014, 10, 31)),
        ("okt. 2014", date(2014, 10, 1), date(2014, 10, 31)),
        ("Februar 2016", date(2016, 2, 1), date(2016, 2, 29)),
        ("maj 2015", date(2015, 5, 1), date(2015, 5, 31)),
        # quarters
        ("4. kvartal 2008", date(2008, 10, 1), date(2008, 12, 31)),
        ("1. kvartal 2009", date(2009, 1, 1), date(2009, 3, 31)),
        ("2008K4", date(2008, 10, 1), date(2008, 12, 31)),
        ("2008 k2", date(2008, 4, 1), date(2008, 6, 30)),
        ("K3 2015", date(2015, 7, 1), date(2015, 9, 30)),
        # half years
        ("1. halvår 2009", date(2009, 1, 1), date(2009, 6, 30)),
        ("2. halvår 2016", date(2016, 7, 1), date(2016, 12, 31)),
        # seasons
        ("foråret 2009", date(2009, 3, 1), date(2009, 5, 31)),
        ("Efteråret 2014", date(2014, 9, 1), date(2014, 11, 30)),
        ("sommeren 2015", date(2015, 6, 1), date(2015, 8, 31)),
        # years and spans
        ("2015", date(2015, 1, 1), date(2015, 12, 31)),
        ("2007-09", date(2007, 1, 1), date(2009, 12, 31)),
        ("2016-2017", date(2016, 1, 1), date(2017, 12, 31)),
        ("2016 – 2017", date(2016, 1, 1), date(2017, 12, 31)),
        ("  2013  ", date(2013, 1, 1), date(2013, 12, 31)),
    ],
)
def test_parse_period_reads_the_documents_periods(text, starts_on, ends_on):
    assert parse_period(text) == Period(starts_on, ends_on)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("blah", "kan ikke læses"),
        ("", "Angiv en periode"),
        ("   ", "Angiv en periode"),
        ("31. februar 2015", "findes ikke"),
        ("30.02.2016", "findes ikke"),
        ("2015-13-01", "findes ikke"),
        ("smarch 2014", "Ukendt måned"),
        ("2009-07", "slutter før"),
        ("5. kvartal 2008", "kvartal"),
        ("1850", "ikke gyldigt"),
    ],
)
def test_parse_period_refuses_what_it_cannot_read_with_a_message(text, message):
    with pytest.raises(PeriodError) as error:
        parse_period(text)
    assert message in str(error.value)


def test_period_contains_its_first_and_last_day():
    period = parse_period("4. kvartal 2008")
    assert date(2008, 10, 1) in period
    assert date(2008, 12, 31) in period
    assert date(2009, 1, 1) not in period


# The period-to-dates rule, shared by the activity form and the Excel import

STORED = Activity(
    period_text="1. halvår 2016", starts_on=date(2016, 1, 1), ends_on=date(2016, 6, 30)
)
KEPT_AS_WRITTEN = Activity(period_text="løbende", starts_on=None, ends_on=None)


@pytest.mark.parametrize(
    ("text", "starts_on", "ends_on", "current", "expected"),
    [
        # a new activity: the period gives both dates, unless a date is typed
        ("4. kvartal 2008", None, None, None, (date(2008, 10, 1), date(2008, 12, 31))),
        ("2017", date(2017, 4, 20), None, None, (date(2017, 4, 20), date(2017, 12, 31))),
        ("", date(2017, 4, 20), None, None, (date(2017, 4, 20), None)),
        # a changed period replaces the stored dates, but not dates typed anew
        ("2. halvår 2016", date(2016, 1, 1), date(2016, 6, 30), STORED,
         (date(2016, 7, 1), date(2016, 12, 31))),
        ("2. halvår 2016", date(2016, 8, 15), date(2016, 6, 30), STORED,
         (date(2016, 8, 15), date(2016, 12, 31))),
        ("2. halvår 2016", None, None, STORED, (date(2016, 7, 1), date(2016, 12, 31))),
        # an unchanged period leaves the typed dates alone
        ("1. halvår 2016", date(2016, 2, 1), None, STORED, (date(2016, 2, 1), None)),
        (" 1. halvår 2016 ", date(2016, 1, 1), date(2016, 6, 30), STORED,
         (date(2016, 1, 1), date(2016, 6, 30))),
        # a text kept as the document wrote it is not read while nobody changes it
        ("løbende", None, None, KEPT_AS_WRITTEN, (None, None)),
        ("", None, None, STORED, (None, None)),
    ],
)  # fmt: skip
def test_period_dates_follow_the_period_unless_dates_are_typed(
    text, starts_on, ends_on, current, expected
):
    assert period_dates(text, starts_on, ends_on, current=current) == expected


def test_period_dates_refuse_a_new_period_that_cannot_be_read():
    with pytest.raises(PeriodError) as error:
        period_dates("løbende", None, None, current=STORED)

    assert str(error.value).startswith("Perioden 'løbende' kan ikke læses.")


@pytest.mark.django_db
def test_activities_are_ordered_by_start_then_end_then_order_with_undated_last():
    plan = ActionPlanFactory()

    def make(title, period, order=0):
        dates = parse_period(period) if period else None
        return ActivityFactory(
            plan=plan,
            title=title,
            period_text=period,
            starts_on=dates.starts_on if dates else None,
            ends_on=dates.ends_on if dates else None,
            order=order,
        )

    undated = make("Løbende dialog", "", order=0)
    span = make("Hele perioden", "2007-09", order=5)
    year = make("Hele 2007", "2007", order=9)
    year_first = make("Også hele 2007, men først i planen", "2007", order=1)
    quarter = make("Fjerde kvartal", "4. kvartal 2008")
    spring = make("Evaluering", "foråret 2009")

    expected = [year_first, year, span, quarter, spring, undated]
    assert list(in_period_order(plan.activities.all())) == expected
    assert sorted(plan.activities.all(), key=period_sort_key) == expected
