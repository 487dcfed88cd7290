"""A municipality's logo for its reports: checked by its content, and embedded in the report.

Like plan documents (`strategy.documents`), a logo is what its bytes say, not its name: a PNG
starts with the PNG signature, a JPEG with FF D8 FF, and Pillow must be able to read the whole
image. At most `MAX_BYTES` and `MAX_SIDE` pixels a side, so that a logo cannot make every
report heavy. The logo is put into the report's HTML as a data: URI (`data_uri`), so that a sent
report keeps the logo it was sent with, whatever is uploaded later.
"""

from __future__ import annotations

import base64

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 500 * 1024
MAX_SIDE = 2000
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def content_type(head: bytes) -> str | None:
    """image/png or image/jpeg from the first bytes of a file, else None."""
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return None


def validate_logo(upload) -> None:
    if getattr(upload, "_committed", False):
        return  # checked when it was uploaded
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Logoet må højst fylde 500 kB."), code="too_large")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if content_type(head) is None:
        raise ValidationError(_("Logoet skal være et PNG- eller JPEG-billede."), code="not_image")
    try:
        with Image.open(upload) as image:
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("Logoet skal være et PNG- eller JPEG-billede."), code="not_image"
        ) from error
    finally:
        upload.seek(0)
    if width > MAX_SIDE or height > MAX_SIDE:
        raise ValidationError(
            _("Logoet må højst være 2.000 × 2.000 punkter."), code="too_many_pixels"
        )


def data_uri(logo_file) -> str:
    """The stored logo as a data: URI, or "" when there is none or storage has lost it."""
    if not logo_file:
        return ""
    try:
        with logo_file.storage.open(logo_file.name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return ""
    kind = content_type(data[:8])
    if kind is None or len(data) > MAX_BYTES:
        return ""
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
