"""A municipality's logo is checked by its content and goes into its reports."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reports.logos import MAX_BYTES, validate_logo
from reports.models import ReportLook


def _png(width=120, height=40) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0059b3").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_png_logo_is_accepted():
    validate_logo(SimpleUploadedFile("logo.png", _png()))


@pytest.mark.parametrize(
    "content",
    [b"<svg onload='alert(1)'></svg>", b"\x89PNG\r\n\x1a\nnot really", b"%PDF-1.7"],
)
def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(content):
    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.png", content))
    assert error.value.code == "not_image"


def test_a_logo_too_large_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * MAX_BYTES))
    assert error.value.code == "too_large"


def test_a_logo_of_too_many_pixels_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_logo(SimpleUploadedFile("logo.png", _png(2001, 10)))
    assert error.value.code == "too_many_pixels"


def test_the_logo_is_in_the_report_as_it_was_when_rendered(municipality, plan, staff, build):
    look = ReportLook(municipality=municipality, logo=SimpleUploadedFile("logo.png", _png()))
    look.full_clean()
    look.save()

    report = build(plan, staff)

    assert '<img class="logo" src="data:image/png;base64,' in report.version.html
