"""Business rules of the newsletter: sign up, confirm, unsubscribe; write and send an issue;
export and erase what is held on an e-mail address. Each function owns its transaction.

Sign-up (double opt-in): the form records a pending subscriber with the consent text shown, the
time, the address it came from and the page; a confirmation mail with a one-time link follows. The
person is on the list only once they press the button the link opens (`confirm`). Whatever is
typed, the page after a sign-up is the same, so it never tells whether an address is on a list;
and at most `settings.NEWSLETTER_CONFIRMATION_MAILS_PER_DAY` confirmation mails go to one address
in 24 hours, however many sign-ups name it (`ConfirmationMail`; sign-ups of one address on one
list wait for each other on its row, so the limit holds under concurrency there; two lists signed
up for at the very same moment could each pass the count once). An address already confirmed
gets no mail at all.

Sending: `start_send` turns a draft into a send (once), gives each recipient one `Delivery` row
and queues the workers (`newsletter.sending`), which do the rest; `resume_send` restarts a send
that paused after a run of failures.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from contacts.models import MailingList, Subscription
from core import richtext
from core.concurrency import claim_next_version
from newsletter import mail
from newsletter.enums import DeliveryState, IssueState, SubscriberState
from newsletter.models import ConfirmationMail, ConsentText, Delivery, Issue, Subscriber

CONFIRM_LINK_DAYS = 7


def normalise_email(raw: str) -> str:
    """One spelling per address, so that one address is one row: trimmed and lower-cased (the
    providers Danish firms use treat the part before @ without regard to case)."""
    return raw.strip().lower()


def address_digest(email: str) -> str:
    """A keyed hash of the address, for counting confirmation mails without keeping it."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalise_email(email).encode(), hashlib.sha256).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_unsubscribe_key() -> str:
    return secrets.token_urlsafe(24)


# Consent


def default_consent_text(mailing_list: MailingList) -> str:
    with translation.override("da"):
        return _(
            "Ja tak, send mig nyhedsbrevet »%(list)s« fra %(municipality)s Kommune på e-mail. "
            "Kommunen gemmer min e-mail-adresse, det navn og den virksomhed, jeg skriver, og "
            "hvornår og hvorfra jeg tilmeldte mig, så længe jeg er tilmeldt. Jeg kan altid "
            "afmelde mig med linket nederst i hvert nyhedsbrev."
        ) % {"list": mailing_list.name, "municipality": mailing_list.municipality.name}


def current_consent(mailing_list: MailingList) -> ConsentText:
    """The consent text the sign-up page shows now: the list's newest version, or the standard
    text as version 1 for a list that has none."""
    latest = mailing_list.consent_texts.order_by("-version").first()
    if latest is not None:
        return latest
    try:
        with transaction.atomic():
            return ConsentText.objects.create(
                mailing_list=mailing_list, version=1, text=default_consent_text(mailing_list)
            )
    except IntegrityError:  # two first visitors at once
        return mailing_list.consent_texts.get(version=1)


def new_consent_version(*, mailing_list: MailingList, text: str) -> ConsentText:
    """A new version of the list's consent text; earlier sign-ups keep the version they saw."""
    with transaction.atomic():
        MailingList.objects.select_for_update().get(pk=mailing_list.pk)
        latest = mailing_list.consent_texts.order_by("-version").first()
        consent = ConsentText(
            mailing_list=mailing_list, version=(latest.version + 1) if latest else 1, text=text
        )
        consent.full_clean()
        consent.save()
    return consent


# Sign-up, confirmation, unsubscribing


@dataclass(frozen=True)
class SignUpResult:
    """What a sign-up did; for tests and logs only: the page never shows it."""

    subscriber: Subscriber
    mail_sent: bool


def confirmation_mails_left(municipality, email: str, now=None) -> int:
    now = now or timezone.now()
    sent = ConfirmationMail.objects.filter(
        municipality=municipality,
        address_digest=address_digest(email),
        sent_at__gt=now - timedelta(hours=24),
    ).count()
    return max(settings.NEWSLETTER_CONFIRMATION_MAILS_PER_DAY - sent, 0)


def sign_up(
    *,
    mailing_list: MailingList,
    email: str,
    consent: ConsentText,
    name: str = "",
    company_name: str = "",
    ip: str | None = None,
    page: str = "",
) -> SignUpResult:
    """Record a sign-up for `mailing_list` and (within the daily limit) mail the confirmation
    link once the transaction commits. Raises ValidationError for bad input."""
    if consent.mailing_list_id != mailing_list.pk:
        raise ValidationError(_("Samtykketeksten hører til en anden liste."))
    email = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        subscriber = _locked_subscriber(mailing_list, email)
        if subscriber.state == SubscriberState.CONFIRMED:
            # Already on the list: nothing to do, and nothing that tells the visitor so.
            return SignUpResult(subscriber, mail_sent=False)
        subscriber.state = SubscriberState.PENDING
        subscriber.name = name
        subscriber.company_name = company_name
        subscriber.consent_text = consent
        subscriber.signed_up_at = now
        subscriber.signup_ip = ip
        subscriber.signup_page = page[:500]
        token = None
        if confirmation_mails_left(mailing_list.municipality, email, now) > 0:
            token = secrets.token_urlsafe(32)
            subscriber.confirm_token_hash = _token_hash(token)
            subscriber.confirmation_sent_at = now
            ConfirmationMail.objects.create(
                municipality=mailing_list.municipality,
                address_digest=address_digest(email),
                sent_at=now,
            )
        subscriber.full_clean()
        subscriber.save()
        if token is not None:
            transaction.on_commit(
                lambda: mail.send_confirmation(subscriber=subscriber, token=token)
            )
    return SignUpResult(subscriber, mail_sent=token is not None)


def _locked_subscriber(mailing_list: MailingList, email: str) -> Subscriber:
    """The list's row for `email`, locked for this transaction; a new, unsaved-state pending row
    if there is none (saved here, so that a second sign-up at the same moment waits for it)."""
    rows = Subscriber.objects.select_for_update().filter(mailing_list=mailing_list, email=email)
    subscriber = rows.first()
    if subscriber is not None:
        return subscriber
    candidate = Subscriber(
        mailing_list=mailing_list, email=email, unsubscribe_key=new_unsubscribe_key()
    )
    candidate.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            candidate.save()
        return candidate
    except IntegrityError:  # another sign-up of the same address won the race
        return rows.get()


def pending_by_token(municipality, token: str) -> Subscriber | None:
    """The pending subscriber whose confirmation link carries `token`, if it is still valid."""
    if not token or len(token) > 100:
        return None
    return (
        Subscriber.objects.of_municipality(municipality)
        .select_related("mailing_list__municipality")
        .filter(
            confirm_token_hash=_token_hash(token),
            state=SubscriberState.PENDING,
            confirmation_sent_at__gt=timezone.now() - timedelta(days=CONFIRM_LINK_DAYS),
        )
        .first()
    )


def confirm(*, municipality, token: str, ip: str | None = None) -> Subscriber | None:
    """Confirm the sign-up of the link's `token` (once: the token is forgotten); None when the
    link is unknown, used or expired."""
    subscriber = pending_by_token(municipality, token)
    if subscriber is None:
        return None
    now = timezone.now()
    with transaction.atomic():
        confirmed = Subscriber.objects.filter(
            pk=subscriber.pk,
            state=SubscriberState.PENDING,
            confirm_token_hash=subscriber.confirm_token_hash,
        ).update(
            state=SubscriberState.CONFIRMED,
            confirmed_at=now,
            confirm_ip=ip,
            confirm_token_hash="",
            # The figure counts from this confirmation (newsletter.figures).
            unsubscribed_at=None,
            bounced_at=None,
            bounce_reason="",
        )
    if not confirmed:
        return None
    subscriber.refresh_from_db()
    return subscriber


def subscriber_by_key(municipality, key: str) -> Subscriber | None:
    if not key or len(key) > 64:
        return None
    return (
        Subscriber.objects.of_municipality(municipality)
        .select_related("mailing_list")
        .filter(unsubscribe_key=key)
        .first()
    )


def unsubscribe(*, subscriber: Subscriber) -> None:
    """Take `subscriber` off the list at once (idempotent). A contact person's subscription in
    contacts goes too, so that staff see that the person left."""
    with transaction.atomic():
        Subscriber.objects.filter(
            pk=subscriber.pk, state__in=[SubscriberState.CONFIRMED, SubscriberState.PENDING]
        ).update(
            state=SubscriberState.UNSUBSCRIBED,
            unsubscribed_at=timezone.now(),
            confirm_token_hash="",
        )
        if subscriber.contact_id:
            Subscription.objects.filter(
                mailing_list_id=subscriber.mailing_list_id, contact_id=subscriber.contact_id
            ).delete()


# Issues


def create_issue(*, mailing_list: MailingList, subject: str, body: str, user=None) -> Issue:
    """A draft issue of `mailing_list`; the body is sanitised (`core.richtext.clean_typed`)."""
    issue = Issue(
        mailing_list=mailing_list,
        subject=subject,
        body=richtext.clean_typed(body),
        created_by=user,
    )
    issue.full_clean()
    issue.save()
    return issue


def update_issue(*, issue: Issue, expected_version: int, subject: str, body: str) -> Issue:
    """Change a draft; refused once sending has started, or if someone saved it meanwhile."""
    issue.subject = subject
    issue.body = richtext.clean_typed(body)
    issue.full_clean()
    with transaction.atomic():
        if not Issue.objects.filter(pk=issue.pk, state=IssueState.DRAFT).exists():
            raise ValidationError(_("Udgaven er sendt og kan ikke ændres."))
        claim_next_version(
            issue,
            expected_version=expected_version,
            message=_("Udgaven er ændret af en anden. Se den nye udgave og prøv igen."),
        )
        issue.save()
    return issue


def enrol_contact_persons(mailing_list: MailingList) -> int:
    """Give each contact person on the list (contacts) a subscriber row, so they receive the
    issue like everyone else. The advertising-protection rule is read again here: a firm that
    became protected since the person was put on the list is skipped without an opt-in."""
    subscriptions = (
        Subscription.objects.filter(mailing_list=mailing_list)
        .exclude(contact__email="")
        .select_related("contact__company")
    )
    known_contacts = set(
        Subscriber.objects.filter(mailing_list=mailing_list, contact__isnull=False).values_list(
            "contact_id", flat=True
        )
    )
    known_emails = set(
        Subscriber.objects.filter(mailing_list=mailing_list).values_list("email", flat=True)
    )
    added = 0
    for subscription in subscriptions:
        contact = subscription.contact
        email = normalise_email(contact.email)
        if contact.pk in known_contacts or email in known_emails:
            continue
        if contact.company.advertising_protected and subscription.opted_in_at is None:
            continue
        row = Subscriber(
            mailing_list=mailing_list,
            email=email,
            name=contact.name,
            company_name=contact.company.name,
            contact=contact,
            state=SubscriberState.CONFIRMED,
            confirmed_at=subscription.opted_in_at or subscription.subscribed_at,
            unsubscribe_key=new_unsubscribe_key(),
        )
        row.full_clean(validate_unique=False)
        row.save()
        known_emails.add(email)
        added += 1
    return added


def start_send(*, issue: Issue, user=None) -> int:
    """Start sending a draft: once only (a second press or a second tab is refused). One
    delivery row per confirmed recipient; the workers are queued when the transaction commits.
    Returns the number of recipients."""
    from newsletter import sending

    now = timezone.now()
    with transaction.atomic():
        started = Issue.objects.filter(pk=issue.pk, state=IssueState.DRAFT).update(
            state=IssueState.SENDING,
            send_started_at=now,
            sent_by=user,
            version=F("version") + 1,
        )
        if not started:
            raise ValidationError(_("Udgaven er allerede sendt eller ved at blive sendt."))
        enrol_contact_persons(issue.mailing_list)
        recipients = Subscriber.objects.filter(
            mailing_list=issue.mailing_list_id, state=SubscriberState.CONFIRMED
        ).values_list("pk", flat=True)
        rows = Delivery.objects.bulk_create(
            [
                Delivery(issue_id=issue.pk, subscriber_id=pk, next_attempt_at=now)
                for pk in recipients.iterator()
            ],
            batch_size=1000,
        )
        transaction.on_commit(lambda: sending.enqueue(issue.pk))
    issue.refresh_from_db()
    return len(rows)


def resume_send(*, issue: Issue) -> None:
    """Restart a send that paused after a run of failures; rows waiting for a retry are due at
    once."""
    from newsletter import sending

    with transaction.atomic():
        resumed = Issue.objects.filter(pk=issue.pk, state=IssueState.PAUSED).update(
            state=IssueState.SENDING, consecutive_failures=0, pause_reason=""
        )
        if not resumed:
            raise ValidationError(_("Afsendelsen er ikke sat på pause."))
        Delivery.objects.filter(issue=issue, state=DeliveryState.QUEUED).update(
            next_attempt_at=timezone.now()
        )
        transaction.on_commit(lambda: sending.enqueue(issue.pk))
    issue.refresh_from_db()


# Personal data (GDPR art. 5, 15, 17 and 20)

UNCONFIRMED_DAYS = 30


@dataclass(frozen=True)
class Forgotten:
    subscribers: int
    confirmation_mails: int


def forget_unconfirmed(*, now=None) -> Forgotten:
    """Delete sign-ups never confirmed within `UNCONFIRMED_DAYS` days (their link died after 7)
    and the records of confirmation mails older than the 24 hours the limit looks at: neither
    serves a purpose any more (data minimisation). Run daily by `newsletter_forget_unconfirmed`."""
    now = now or timezone.now()
    with transaction.atomic():
        pending = Subscriber.objects.filter(
            state=SubscriberState.PENDING,
            confirmed_at__isnull=True,
            created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS),
        ).filter(
            # A re-signed-up address keeps its row while its newest link may still be used.
            models.Q(signed_up_at__isnull=True)
            | models.Q(signed_up_at__lt=now - timedelta(days=UNCONFIRMED_DAYS))
        )
        subscribers, _deleted = pending.delete()
        mails, _deleted = ConfirmationMail.objects.filter(
            sent_at__lt=now - timedelta(hours=24)
        ).delete()
    return Forgotten(subscribers=subscribers, confirmation_mails=mails)


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def person_data(municipality, email: str) -> dict:
    """Everything the newsletter holds on `email` in `municipality`: each list's subscription
    with its consent (the exact text), and each issue sent to it."""
    email = normalise_email(email)
    subscribers = (
        Subscriber.objects.of_municipality(municipality)
        .filter(email=email)
        .select_related("mailing_list", "consent_text")
        .prefetch_related("deliveries__issue")
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "controller": municipality.name,
        "email": email,
        "subscriptions": [
            {
                "list": subscriber.mailing_list.name,
                "state": subscriber.get_state_display(),
                "name": subscriber.name,
                "company_name": subscriber.company_name,
                "created_at": _value(subscriber.created_at),
                "signed_up_at": _value(subscriber.signed_up_at),
                "signup_ip": subscriber.signup_ip,
                "signup_page": subscriber.signup_page,
                "consent_text": subscriber.consent_text.text if subscriber.consent_text else None,
                "consent_version": (
                    subscriber.consent_text.version if subscriber.consent_text else None
                ),
                "confirmed_at": _value(subscriber.confirmed_at),
                "confirm_ip": subscriber.confirm_ip,
                "unsubscribed_at": _value(subscriber.unsubscribed_at),
                "bounced_at": _value(subscriber.bounced_at),
                "bounce_reason": subscriber.bounce_reason,
                "contact_person": subscriber.contact_id is not None,
                "issues": [
                    {
                        "subject": delivery.issue.subject,
                        "state": delivery.get_state_display(),
                        "sent_at": _value(delivery.sent_at),
                    }
                    for delivery in subscriber.deliveries.all()
                ],
            }
            for subscriber in subscribers
        ],
    }


@dataclass(frozen=True)
class Erasure:
    subscribers: int
    deliveries: int
    confirmation_mails: int


def erase_address(*, municipality, email: str) -> Erasure:
    """Erase every newsletter row of `email` in `municipality`: its subscriptions with their
    consent records, the deliveries to it and the count of confirmation mails. What was sent stays
    counted on each issue's page only as fewer rows. A contact person's own record is erased
    through contacts (`contacts.services.erase_contact`), which removes their row here too."""
    email = normalise_email(email)
    with transaction.atomic():
        subscribers = Subscriber.objects.of_municipality(municipality).filter(email=email)
        deliveries = Delivery.objects.filter(subscriber__in=subscribers).count()
        count = subscribers.count()
        subscribers.delete()
        mails, _deleted = ConfirmationMail.objects.filter(
            municipality=municipality, address_digest=address_digest(email)
        ).delete()
    return Erasure(subscribers=count, deliveries=deliveries, confirmation_mails=mails)
