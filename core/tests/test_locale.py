"""Numbers and dates as people write them (`core.locale`): strict parsing, one formatter."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils.translation import override

from core.locale import NumberError, format_date, format_number, month_abbreviations, parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("1234,5", Decimal("1234.5")),
        ("1.234", Decimal("1234")),
        ("1,5", Decimal("1.5")),
        ("-3,25", Decimal("-3.25")),
        ("\u22123,25", Decimal("-3.25")),
        ("1 234 567,89", Decimal("1234567.89")),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("  42 ", Decimal("42")),
    ],
)
def test_parse_decimal_reads_danish_forms(text, expected):
    assert parse_decimal(text, "da") == expected


@pytest.mark.parametrize(
    ("text", "options"),
    [("1.5", "15 eller 1,5"), ("12,5.3", "12,53 eller 125,3"), ("12.34", "1.234 eller 12,34")],
)
def test_parse_decimal_refuses_ambiguous_danish_with_what_was_meant(text, options):
    with override("da"), pytest.raises(NumberError) as error:
        parse_decimal(text)

    assert str(error.value) == (
        f"'{text}' kan læses på flere måder. Mente du {options}? Skriv tal som fx 1.234,5."
    )


@pytest.mark.parametrize("text", ["1e5", "NaN", "Infinity", "abc", "-", "12 kr", "0x10", ""])
def test_parse_decimal_refuses_what_is_not_a_typed_number(text):
    with override("da"), pytest.raises(NumberError) as error:
        parse_decimal(text)

    assert str(error.value) == f"'{text}' er ikke et tal. Skriv fx 1.234,5."


def test_parse_decimal_reads_english_in_english():
    assert parse_decimal("1,234.5", "en") == Decimal("1234.5")
    with pytest.raises(NumberError):
        parse_decimal("1,5", "en")


def test_format_number_groups_and_drops_trailing_zeros():
    assert format_number(Decimal("21369.0000"), code="da") == "21.369"
    assert format_number(Decimal("-1234.5"), code="da") == "-1.234,5"
    assert format_number(Decimal("1234.5"), code="en") == "1,234.5"


def test_format_number_rounds_half_up_to_fixed_places():
    assert format_number(Decimal("1999.9"), 0, code="da") == "2.000"
    assert format_number(Decimal("1234.25"), 1, code="da") == "1.234,3"
    assert format_number(Decimal("0.5"), 2, code="da") == "0,50"


def test_format_then_parse_gives_the_same_number():
    for value in [Decimal("99999999999.9999"), Decimal("-0.0001"), Decimal("1234567.5")]:
        assert parse_decimal(format_number(value, code="da"), "da") == value


def test_format_date_in_danish_and_english():
    assert format_date(date(2013, 9, 10), "da") == "10. sep. 2013"
    assert format_date(date(2017, 5, 1), "da") == "1. maj 2017"
    assert format_date(date(2013, 9, 10), "en") == "10 Sep 2013"


def test_month_abbreviations_follow_the_language():
    assert month_abbreviations("da")[4:6] == ["maj", "jun."]
    assert month_abbreviations("en")[0] == "Jan"
