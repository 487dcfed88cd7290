"""The newsletter's e-mails, from `templates/newsletter/emails/`, always in Danish: the
confirmation mail of a sign-up, and an issue to one recipient.

An issue is rendered once per run (`render_issue`) with a placeholder where each recipient's
unsubscribe address goes, and each recipient's message is that text with the address put in
(`issue_message`): rendering the templates 10,000 times would cost more than sending. For the
same reason a batch serialises one message with marks for the address, the unsubscribe key and
the Message-ID, and each recipient's message is those bytes with the marks replaced
(`PreparedIssue`): building a MIME message costs more than sending it. The marks are checked to
have come through serialisation whole (a quoted-printable body could break one); if not, or for
an address that is not plain ASCII, the message is built the ordinary way.

Every issue mail says how to leave the list in the headers mail programs show as an
"unsubscribe" button (RFC 2369 `List-Unsubscribe`, an https address and a mailto address) and that
a POST to the https address unsubscribes at once, without a page (RFC 8058 `List-Unsubscribe-Post`).
"""

from __future__ import annotations

import logging
import re
import smtplib
from dataclasses import dataclass
from email.utils import make_msgid
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core import richtext

logger = logging.getLogger(__name__)
PLACEHOLDER = "@@KURS-UNSUBSCRIBE@@"


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def unsubscribe_url(municipality_code: str, key: str) -> str:
    path = reverse("newsletter:unsubscribe", kwargs={"code": municipality_code})
    return f"{site_url()}{path}?t={key}"


def confirm_url(municipality_code: str, token: str) -> str:
    return (
        f"{site_url()}{reverse('newsletter:confirm', kwargs={'code': municipality_code})}?t={token}"
    )


def unsubscribe_mailto(key: str) -> str:
    mailbox = settings.NEWSLETTER_UNSUBSCRIBE_MAILTO or settings.DEFAULT_FROM_EMAIL
    return f"mailto:{mailbox}?subject={quote('afmeld ' + key)}"


def send_confirmation(*, subscriber, token: str) -> None:
    """E-mail `subscriber` the link that confirms the sign-up. A failure is logged without the
    address (personal data); the person can sign up again."""
    mailing_list = subscriber.mailing_list
    context = {
        "subscriber": subscriber,
        "mailing_list": mailing_list,
        "municipality": mailing_list.municipality,
        "confirm_url": confirm_url(mailing_list.municipality.code, token),
    }
    with translation.override("da"):
        subject = render_to_string("newsletter/emails/confirm-subject.txt", context)
        body = render_to_string("newsletter/emails/confirm.txt", context)
    message = EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [subscriber.email]
    )
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        logger.error(
            "Confirmation mail for subscriber %s was not sent: %s",
            subscriber.pk,
            type(error).__name__,
        )


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    text: str
    html: str
    list_id: str
    from_email: str


def render_issue(issue) -> RenderedIssue:
    """The issue's subject and bodies, with `PLACEHOLDER` for the unsubscribe address."""
    mailing_list = issue.mailing_list
    municipality = mailing_list.municipality
    context = {
        "issue": issue,
        "mailing_list": mailing_list,
        "municipality": municipality,
        "body_text": richtext.to_text(issue.body),
        "unsubscribe_url": PLACEHOLDER,
    }
    with translation.override("da"):
        text = render_to_string("newsletter/emails/issue.txt", context)
        html = render_to_string("newsletter/emails/issue.html", context)
    host = site_url().split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return RenderedIssue(
        subject=" ".join(issue.subject.split()),
        text=text,
        html=html,
        list_id=f"<list-{mailing_list.pk}.{municipality.code}.{host}>",
        from_email=settings.DEFAULT_FROM_EMAIL,
    )


def issue_message(
    rendered: RenderedIssue, *, code: str, email: str, key: str, connection, message_id=None
):
    """One recipient's message of a rendered issue, on `connection`."""
    url = unsubscribe_url(code, key)
    headers = {
        "List-Unsubscribe": f"<{url}>, <{unsubscribe_mailto(key)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": rendered.list_id,
        "Precedence": "bulk",
        "Auto-Submitted": "auto-generated",
    }
    if message_id:
        headers["Message-ID"] = message_id
    message = EmailMultiAlternatives(
        rendered.subject,
        rendered.text.replace(PLACEHOLDER, url),
        rendered.from_email,
        [email],
        connection=connection,
        headers=headers,
    )
    message.attach_alternative(rendered.html.replace(PLACEHOLDER, url), "text/html")
    return message


# Marks that no real address, key or id contains, and that no encoding changes.
KEY_MARK = "KURSKEYMARK7f3a9c2e51d84b6aa0e1"
ADDRESS_MARK = "kurs-recipient-mark-5d2e@example.invalid"
MESSAGE_ID_MARK = "<kurs-message-id-mark-8b41@example.invalid>"
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+")
PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


class _Serialised:
    """What `EmailMessage.message()` returns, for bytes made already (the SMTP backend asks for
    nothing but `as_bytes`)."""

    def __init__(self, raw: bytes):
        self.raw = raw

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.raw if linesep == "\r\n" else self.raw.replace(b"\r\n", linesep.encode())


class _PreparedMessage(EmailMessage):
    def __init__(self, raw: bytes, *, from_email: str, to: str, connection):
        super().__init__(from_email=from_email, to=[to], connection=connection)
        self._raw = raw

    def message(self):
        return _Serialised(self._raw)


class PreparedIssue:
    """A rendered issue serialised once with marks, for one batch (see the module doc)."""

    def __init__(self, rendered: RenderedIssue, code: str):
        self.rendered, self.code = rendered, code
        sample = issue_message(
            rendered,
            code=code,
            email=ADDRESS_MARK,
            key=KEY_MARK,
            connection=None,
            message_id=MESSAGE_ID_MARK,
        )
        self.raw = sample.message().as_bytes(linesep="\r\n")
        # The key stands in the header twice (https and mailto) and once per unsubscribe link.
        keys = 2 + (rendered.text.count(PLACEHOLDER) + rendered.html.count(PLACEHOLDER))
        self.usable = (
            self.raw.count(KEY_MARK.encode()) == keys
            and self.raw.count(ADDRESS_MARK.encode()) == 1
            and self.raw.count(MESSAGE_ID_MARK.encode()) == 1
        )

    def message_for(self, *, email: str, key: str, connection) -> EmailMessage:
        plain = PLAIN_ADDRESS.fullmatch(email) and PLAIN_KEY.fullmatch(key)
        if not (self.usable and plain):
            return issue_message(
                self.rendered, code=self.code, email=email, key=key, connection=connection
            )
        raw = (
            self.raw.replace(KEY_MARK.encode(), key.encode())
            .replace(ADDRESS_MARK.encode(), email.encode())
            .replace(MESSAGE_ID_MARK.encode(), make_msgid(domain=DNS_NAME).encode())
        )
        return _PreparedMessage(
            raw, from_email=self.rendered.from_email, to=email, connection=connection
        )
