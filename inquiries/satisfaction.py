"""The one-click satisfaction links in the e-mail sent when an inquiry is closed.

Each link carries the inquiry's id and the answer, signed with the installation's SECRET_KEY
(`django.core.signing`, salted for this purpose only), so a link can be neither forged nor
turned into the other answer or another inquiry; it stays valid for `VALID_DAYS`.
"""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

SALT = "inquiries.satisfaction"
VALID_DAYS = 90


def token_for(inquiry_id: int, satisfied: bool) -> str:
    return signing.dumps({"i": inquiry_id, "s": satisfied}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, bool] | None:
    """The (inquiry id, answer) a token was signed for, or None when forged, changed or old."""
    try:
        data = signing.loads(token, salt=SALT, max_age=VALID_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        return None
    if not isinstance(data.get("s"), bool):
        return None
    return data["i"], data["s"]


def path_for(inquiry, satisfied: bool) -> str:
    return reverse(
        "inquiries:satisfaction",
        kwargs={"code": inquiry.municipality.code, "answer": token_for(inquiry.pk, satisfied)},
    )
