"""What a person can type is bounded to what the database stores and reads back (`core.bounds`)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import override

from core.bounds import MEASURE_DIGITS, largest_value, validate_plausible_date
from core.forms import LocalizedDecimalField
from strategy.models import Measurement
from strategy.tests.factories import GoalFactory, MeasurementFactory


def test_largest_measure_value_has_fifteen_digits():
    assert largest_value(**MEASURE_DIGITS) == Decimal("99999999999.9999")


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1899, 12, 31), date(2101, 1, 1), date.max])
def test_implausible_dates_are_refused(day):
    with override("da"), pytest.raises(ValidationError) as error:
        validate_plausible_date(day)

    assert error.value.messages == ["Datoen skal ligge mellem 1900 og 2100."]


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2013, 9, 10), date(2100, 12, 31)])
def test_plausible_dates_pass(day):
    validate_plausible_date(day)


def test_decimal_field_refuses_a_value_the_database_cannot_read_back():
    field = LocalizedDecimalField(**MEASURE_DIGITS)

    with override("da"), pytest.raises(ValidationError) as error:
        field.clean("999.999.999.999,9999")

    assert error.value.messages == [
        "Tallet er for stort. Det største tal, der kan gemmes, er 99.999.999.999,9999."
    ]


def test_decimal_field_accepts_the_largest_value_and_refuses_a_fifth_decimal():
    field = LocalizedDecimalField(**MEASURE_DIGITS)

    with override("da"):
        assert field.clean("-99.999.999.999,9999") == Decimal("-99999999999.9999")
        with pytest.raises(ValidationError) as error:
            field.clean("1,23456")

    assert error.value.messages == ["Skriv højst 4 decimaler."]


@pytest.mark.django_db
def test_largest_value_reads_back_exactly():
    measurement = MeasurementFactory(value=Decimal("99999999999.9999"))

    assert Measurement.objects.get(pk=measurement.pk).value == Decimal("99999999999.9999")


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL's numeric(15, 4) cannot hold such a value"
)
def test_an_out_of_range_stored_value_is_read_not_raised():
    """A value stored before the bounds existed (or by hand) must not take pages down."""
    measurement = MeasurementFactory(value=Decimal(1))
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE strategy_measurement SET value = %s WHERE id = %s",
            ["999999999999.9999", measurement.pk],
        )

    assert Measurement.objects.get(pk=measurement.pk).value == Decimal("1.00000000000000E+12")


@pytest.mark.django_db
def test_goal_deadline_before_its_baseline_is_refused():
    goal = GoalFactory(baseline_date=date(2015, 1, 1), deadline=date(2015, 6, 30))
    goal.deadline = date(2014, 12, 31)

    with override("da"), pytest.raises(ValidationError) as error:
        goal.full_clean()

    assert error.value.message_dict["deadline"] == ["Fristen ligger før udgangspunktets dato."]


@pytest.mark.django_db
def test_a_note_longer_than_twenty_thousand_characters_is_refused_by_the_model():
    measurement = MeasurementFactory.build(goal=GoalFactory(), note="x" * 20_001)

    with override("da"), pytest.raises(ValidationError) as error:
        measurement.full_clean(exclude=["submission_token"])

    assert error.value.message_dict["note"] == [
        "Denne værdi må højst have 20000 tegn (den har 20001)."
    ]
