"""Danish number and date formats in templates (`core.templatetags.kurs`)."""

from datetime import date
from decimal import Decimal

from django.template import Context, Template
from django.utils.translation import override

from core.templatetags.kurs import num, percent, short_date


def test_num_groups_thousands_and_uses_decimal_comma_in_danish():
    with override("da"):
        assert num(Decimal("1234.5")) == "1.234,5"


def test_num_of_whole_number_has_no_decimals_in_danish():
    with override("da"):
        assert num(19369) == "19.369"


def test_num_drops_trailing_zeros_of_a_stored_decimal():
    with override("da"):
        assert num(Decimal("21369.0000")) == "21.369"


def test_num_of_round_thousands_is_not_written_as_exponent():
    with override("da"):
        assert num(Decimal("19000")) == "19.000"


def test_num_with_fixed_decimals_rounds_half_up():
    with override("da"):
        assert num(Decimal("1234.56"), 1) == "1.234,6"
        assert num(Decimal("1234.25"), 1) == "1.234,3"


def test_num_of_forecast_with_no_decimals_rounds_to_the_nearest_whole():
    with override("da"):
        assert num(Decimal("1999.9"), 0) == "2.000"
        assert num(Decimal("1999.4"), "0") == "1.999"


def test_num_uses_english_separators_in_english():
    with override("en"):
        assert num(Decimal("1234.5")) == "1,234.5"


def test_num_of_nothing_is_empty():
    assert num(None) == ""
    assert num("") == ""


def test_num_leaves_text_alone():
    assert num("ukendt") == "ukendt"


def test_short_date_in_danish():
    with override("da"):
        assert short_date(date(2013, 9, 10)) == "10. sep. 2013"


def test_short_date_of_may_has_no_abbreviation_point_in_danish():
    with override("da"):
        assert short_date(date(2017, 5, 1)) == "1. maj 2017"


def test_short_date_of_nothing_is_empty():
    assert short_date(None) == ""


def test_percent_is_a_whole_percentage():
    with override("da"):
        assert percent(0.26) == "26 %"


def test_percent_of_a_rank_goal_progress():
    with override("da"):
        assert percent(7 / 27) == "26 %"


def test_percent_of_a_decimal_share():
    with override("da"):
        assert percent(Decimal("0.875")) == "88 %"


def test_percent_of_a_large_share_groups_thousands():
    with override("da"):
        assert percent(12.5) == "1.250 %"


def test_percent_of_nothing_is_empty():
    assert percent(None) == ""
    assert percent("") == ""


def test_filters_in_a_template_with_a_missing_variable_render_empty():
    template = Template("{% load kurs %}[{{ missing|num }}|{{ missing|percent }}]")

    with override("da"):
        assert template.render(Context({})) == "[|]"


def test_filters_in_a_template():
    template = Template(
        "{% load kurs %}{{ value|num }} · {{ on|short_date }} · {{ share|percent }}"
    )

    with override("da"):
        rendered = template.render(
            Context({"value": Decimal("1234.5"), "on": date(2013, 9, 10), "share": 0.5})
        )

    assert rendered == "1.234,5 · 10. sep. 2013 · 50 %"


def test_percent_of_a_share_just_below_one_is_not_shown_as_done():
    with override("da"):
        assert percent(0.995) == "99 %"
        assert percent(0.9999) == "99 %"
        assert percent(1.0) == "100 %"
