import pytest
from django.core.exceptions import ValidationError

from businesses.cvr.numbers import (
    cvr_check_digit,
    is_valid_cvr,
    normalise_number,
    validate_cvr,
    validate_p_number,
)
from businesses.tests.factories import CompanyFactory


@pytest.mark.parametrize("number", ["99990015", "99990023", "10000009"])
def test_cvr_with_weighted_sum_divisible_by_eleven_is_valid(number):
    assert is_valid_cvr(number) is True


@pytest.mark.parametrize(
    "number", ["99990016", "9999001", "999900150", "9999001a", "", "１２３４５６７８"]
)
def test_cvr_with_wrong_check_digit_or_form_is_invalid(number):
    assert is_valid_cvr(number) is False


def test_check_digit_completes_seven_digits_to_a_valid_number():
    assert cvr_check_digit("9999001") == 5
    assert is_valid_cvr("9999001" + str(cvr_check_digit("9999001"))) is True


def test_seven_digits_needing_check_digit_ten_have_none():
    # 1*2 + 5*2 = 12: only a check digit of 10 would make the sum divisible by 11, and the
    # register never issues such a number.
    assert cvr_check_digit("1000005") is None


def test_numbers_are_normalised_from_how_people_write_them():
    assert normalise_number("DK 9999 0015") == "99990015"
    assert normalise_number(99990015) == "99990015"
    assert normalise_number("9999-0015") == "99990015"


def test_validators_name_the_wrong_number():
    with pytest.raises(ValidationError) as error:
        validate_cvr("12345678")
    assert error.value.messages == [
        "12345678 er ikke et gyldigt CVR-nummer (8 cifre med korrekt kontrolciffer)."
    ]
    with pytest.raises(ValidationError):
        validate_p_number("123")
    validate_p_number("9990000011")


def test_company_with_invalid_cvr_is_refused_by_full_clean(db):
    company = CompanyFactory.build(cvr_number="12345678")
    with pytest.raises(ValidationError) as error:
        company.full_clean()
    assert list(error.value.message_dict) == ["cvr_number"]
