"""CVR and P-numbers as the register writes them.

A CVR number has 8 digits whose weighted sum (weights 2, 7, 6, 5, 4, 3, 2, 1) is divisible by 11
(modulus 11); the last digit is the check digit. A P-number (production unit) has 10 digits; its
check is not documented, so only the form is checked.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def _weighted_sum(digits: str) -> int:
    return sum(int(digit) * weight for digit, weight in zip(digits, CVR_WEIGHTS, strict=False))


def is_valid_cvr(value: str) -> bool:
    """Whether `value` is 8 digits passing the modulus-11 check."""
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        return False
    return _weighted_sum(value) % 11 == 0


def cvr_check_digit(first_seven: str) -> int | None:
    """The digit that makes `first_seven` a valid CVR number, or None when none does
    (a remainder that would need the check digit 10)."""
    digit = -_weighted_sum(first_seven) % 11
    return digit if digit < 10 else None


def normalise_number(raw: str | int) -> str:
    """'12 34 56 78', 'DK12345678' or 12345678 as the bare digits '12345678'."""
    text = str(raw).strip().upper().removeprefix("DK")
    return "".join(ch for ch in text if ch not in " -.")


def validate_cvr(value: str) -> None:
    if not is_valid_cvr(value):
        raise ValidationError(
            _("%(value)s er ikke et gyldigt CVR-nummer (8 cifre med korrekt kontrolciffer)."),
            code="invalid_cvr",
            params={"value": value},
        )


def validate_p_number(value: str) -> None:
    if len(value) != 10 or not value.isascii() or not value.isdigit():
        raise ValidationError(
            _("%(value)s er ikke et gyldigt P-nummer (10 cifre)."),
            code="invalid_p_number",
            params={"value": value},
        )
