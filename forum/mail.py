"""The forum's e-mails, from `templates/emails/forum/`, always in Danish: the mail to a meeting's
participants, the confirm link to someone who wants to follow an idea, and the notice to its
followers when the idea moves.

Links in them are signed (`django.core.signing`, salted per purpose): a confirm link is valid for
`CONFIRM_DAYS`, an unsubscribe link for as long as the follower exists. Every mail to a follower
carries `List-Unsubscribe` (https and mailto) and `List-Unsubscribe-Post` (RFC 8058), so a mail
client's "unsubscribe" button unfollows with one POST.
"""

from __future__ import annotations

import logging
import smtplib
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)

CONFIRM_SALT = "forum.follow.confirm"
UNSUBSCRIBE_SALT = "forum.follow.unsubscribe"
CONFIRM_DAYS = 7


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def render(name: str, context: dict) -> tuple[str, str]:
    """The subject (on one line) and body of `emails/forum/<name>`, in Danish."""
    with translation.override("da"):
        subject = render_to_string(f"emails/forum/{name}-subject.txt", context)
        body = render_to_string(f"emails/forum/{name}.txt", context)
    return " ".join(subject.split()), body


# Signed links


def token_for(follower_id: int, salt: str) -> str:
    return signing.dumps(follower_id, salt=salt)


def read_token(token: str, salt: str, max_age=None) -> int | None:
    """The follower id a token was signed for, or None when forged, changed or too old."""
    try:
        value = signing.loads(token or "", salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def confirm_url(follower) -> str:
    path = reverse("forum:follow_confirm", kwargs={"code": follower.idea.municipality.code})
    return f"{site_url()}{path}?{urlencode({'t': token_for(follower.pk, CONFIRM_SALT)})}"


def unsubscribe_url(follower) -> str:
    path = reverse("forum:follow_unsubscribe", kwargs={"code": follower.idea.municipality.code})
    return f"{site_url()}{path}?{urlencode({'t': token_for(follower.pk, UNSUBSCRIBE_SALT)})}"


def chain_url(idea) -> str:
    path = reverse("forum:chain", kwargs={"code": idea.municipality.code, "idea_id": idea.pk})
    return f"{site_url()}{path}"


def unsubscribe_headers(follower) -> dict:
    """RFC 2369 and RFC 8058: the https link takes a one-click POST; the mailto is the fallback."""
    mailto = f"mailto:{settings.DEFAULT_FROM_EMAIL}?subject={quote('afmeld ' + str(follower.pk))}"
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(follower)}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# Sending


def send_participants_mail(follow_up, recipients: list[str]) -> int:
    """Send the follow-up's text to each address on its own (no one sees the others'), over one
    SMTP connection. Raises smtplib.SMTPException or OSError when the server refuses."""
    messages = [
        EmailMessage(follow_up.subject, follow_up.body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in recipients
    ]
    with get_connection(fail_silently=False) as connection:
        return connection.send_messages(messages)


def send_confirmation(follower) -> None:
    """E-mail the confirm link to someone who asked to follow an idea (double opt-in)."""
    subject, body = render(
        "follow-confirm",
        {"idea": follower.idea, "confirm_url": confirm_url(follower), "days": CONFIRM_DAYS},
    )
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [follower.email]).send()


def notify_followers(event_id: int) -> int:
    """E-mail each confirmed follower of the event's idea what happened; returns how many were
    sent. A refusal is logged with the follower's id only (the address is personal data) and the
    others are still sent."""
    from forum.models import IdeaEvent

    event = IdeaEvent.objects.select_related("idea__municipality").get(pk=event_id)
    idea = event.idea
    if not idea.is_public:
        return 0
    sent = 0
    for follower in idea.followers.filter(confirmed_at__isnull=False).order_by("pk"):
        follower.idea = idea
        subject, body = render(
            "follow-notice",
            {
                "idea": idea,
                "event": event,
                "chain_url": chain_url(idea),
                "unsubscribe_url": unsubscribe_url(follower),
            },
        )
        message = EmailMessage(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [follower.email],
            headers=unsubscribe_headers(follower),
        )
        try:
            message.send(fail_silently=False)
        except (smtplib.SMTPException, OSError) as error:
            logger.error(
                "Forum notice %s to follower %s was not sent: %s",
                event_id,
                follower.pk,
                type(error).__name__,
            )
            continue
        sent += 1
    return sent
