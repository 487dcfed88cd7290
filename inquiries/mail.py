"""The e-mails about inquiries, from `templates/emails/inquiry-*.txt`, always in Danish: the
receipt to the business, the satisfaction question when a case is closed, and the warning to
the owner and team lead when a promise's clock passes a threshold (`send_inquiry_warnings`).

Receipts and questions go to the business after the inquiry's transaction has committed. They
hold personal data, so a failure is logged with the inquiry's id and the error's kind only; the
inquiry stays stored and the team sees it in its queue.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from inquiries import satisfaction
from inquiries.models import Inquiry

logger = logging.getLogger(__name__)


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def render(name: str, context: dict) -> tuple[str, str]:
    """The subject (on one line) and body of `emails/inquiry-<name>`, in Danish."""
    with translation.override("da"):
        subject = render_to_string(f"emails/inquiry-{name}-subject.txt", context)
        body = render_to_string(f"emails/inquiry-{name}.txt", context)
    return " ".join(subject.split()), body


def _send_to_business(inquiry_pk: int, name: str, extra) -> None:
    inquiry = Inquiry.objects.select_related("municipality", "topic", "team__lead").get(
        pk=inquiry_pk
    )
    subject, body = render(name, {"inquiry": inquiry, "site_url": site_url(), **extra(inquiry)})
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [inquiry.email])
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        logger.error(
            "E-mail %s for inquiry %s was not sent: %s", name, inquiry_pk, type(error).__name__
        )


def send_receipt(inquiry_pk: int) -> None:
    """E-mail the business its receipt: reference, contact person and the promised times."""
    _send_to_business(inquiry_pk, "receipt", lambda inquiry: {})


def send_satisfaction_question(inquiry_pk: int) -> None:
    """E-mail the business of a closed inquiry the one-click satisfaction question."""
    _send_to_business(
        inquiry_pk,
        "satisfaction",
        lambda inquiry: {
            "yes_path": satisfaction.path_for(inquiry, True),
            "no_path": satisfaction.path_for(inquiry, False),
        },
    )
