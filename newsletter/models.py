"""Newsletters: the people who signed up for a list, what they agreed to, the issues written in
Kurs and one delivery row per issue and recipient.

The lists are `contacts.MailingList` (one list concept): a list's contact persons
(`contacts.Subscription`, under the advertising-protection rule) and the people who signed up
themselves (`Subscriber`) both receive its issues. A contact person is given a `Subscriber` row
(linked by `contact`) when an issue is sent, so every recipient has one state, one unsubscribe
key and one delivery row; erasing the contact person (`contacts.services.erase_contact`) removes
it with them.

- `ConsentText`: the exact words shown beside the sign-up button, versioned per list; a subscriber
  points at the version they saw (texts are never changed, only superseded).
- `Subscriber`: an e-mail address on a list, with its state (pending until the person confirms,
  confirmed, unsubscribed, bounced) and where the consent came from (time, text, address, page).
- `ConfirmationMail`: that a confirmation mail went to an address (known only by a keyed hash),
  so that at most `CONFIRMATION_MAILS_PER_DAY` go to one address, whatever is typed in the form.
- `Issue`: an issue of a list's newsletter (subject, sanitised HTML body) and its sending state.
- `Delivery`: one per issue and recipient (unique), created when sending starts and claimed by
  the workers that send (`newsletter.sending`); it ends sent, bounced or failed with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from contacts.models import ContactPerson, MailingList
from core.bounds import LongTextField
from core.models import Municipality, ScopedQuerySet
from newsletter.enums import DeliveryState, IssueState, SubscriberState

NAME_MAX_LENGTH = 200
SUBJECT_MAX_LENGTH = 200
REASON_MAX_LENGTH = 500
BODY_MAX_LENGTH = 50_000


class ConsentText(models.Model):
    """One version of the consent text shown on a list's sign-up page (never edited)."""

    municipality_path = "mailing_list__municipality"

    mailing_list = models.ForeignKey(
        MailingList,
        on_delete=models.CASCADE,
        related_name="consent_texts",
        verbose_name=_("liste"),
    )
    version = models.PositiveIntegerField(_("version"))
    text = LongTextField(_("samtykketekst"), max_length=2_000)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("samtykketekst")
        verbose_name_plural = _("samtykketekster")
        ordering = ["mailing_list", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "version"],
                name="consent_text_version_once",
                violation_error_message=_("Listen har allerede en samtykketekst med det nummer."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.mailing_list} v{self.version}"


class Subscriber(models.Model):
    """An e-mail address on a list, with its consent and state."""

    municipality_path = "mailing_list__municipality"

    mailing_list = models.ForeignKey(
        MailingList,
        on_delete=models.CASCADE,
        related_name="subscribers",
        verbose_name=_("liste"),
    )
    # Stored lower-cased (`services.normalise_email`): one row per address and list.
    email = models.EmailField(_("e-mail"), max_length=254)
    name = models.CharField(_("navn"), max_length=NAME_MAX_LENGTH, blank=True)
    company_name = models.CharField(_("virksomhed"), max_length=NAME_MAX_LENGTH, blank=True)
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="newsletter_subscribers",
        verbose_name=_("kontaktperson"),
        help_text=_("Sat, når modtageren er en kontaktperson på listen (contacts)."),
    )
    state = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberState.choices,
        default=SubscriberState.PENDING,
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    # Consent: what was shown, when and from where it was asked for and given.
    consent_text = models.ForeignKey(
        ConsentText,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("samtykketekst"),
    )
    signed_up_at = models.DateTimeField(_("tilmeldt på siden"), null=True, blank=True)
    signup_ip = models.GenericIPAddressField(_("tilmeldt fra adressen"), null=True, blank=True)
    signup_page = models.CharField(_("tilmeldt fra siden"), max_length=500, blank=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    confirm_ip = models.GenericIPAddressField(_("bekræftet fra adressen"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("afmeldt"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("afvist"), null=True, blank=True)
    bounce_reason = models.CharField(
        _("afvisningens grund"), max_length=REASON_MAX_LENGTH, blank=True
    )
    # A SHA-256 of the confirmation link's secret: the link works once, and the database alone
    # does not give the link.
    confirm_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(
        _("bekræftelsesmail sendt"), null=True, blank=True, editable=False
    )
    # In every mail's unsubscribe link; long-lived, so kept (and random), not derived.
    unsubscribe_key = models.CharField(max_length=64, unique=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnent")
        verbose_name_plural = _("abonnenter")
        ordering = ["mailing_list", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "email"],
                name="subscriber_once_per_list",
                violation_error_message=_("Adressen står allerede på listen."),
            ),
        ]
        indexes = [
            models.Index(fields=["confirm_token_hash"], name="subscriber_confirm_token"),
            models.Index(fields=["mailing_list", "state"], name="subscriber_list_state"),
        ]

    def __str__(self) -> str:
        return self.email


class ConfirmationMail(models.Model):
    """That a confirmation mail was sent to an address, known only by a keyed hash of it."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    address_digest = models.CharField(max_length=64)
    sent_at = models.DateTimeField(_("sendt"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("bekræftelsesmail")
        verbose_name_plural = _("bekræftelsesmails")
        indexes = [
            models.Index(fields=["municipality", "address_digest", "sent_at"], name="confirm_mails")
        ]

    def __str__(self) -> str:
        return f"{self.sent_at:%Y-%m-%d %H:%M}"


class Issue(models.Model):
    """An issue of a list's newsletter, written in Kurs and sent in the background."""

    municipality_path = "mailing_list__municipality"

    mailing_list = models.ForeignKey(
        MailingList, on_delete=models.CASCADE, related_name="issues", verbose_name=_("liste")
    )
    subject = models.CharField(_("emne"), max_length=SUBJECT_MAX_LENGTH)
    # Sanitised by `core.richtext.clean_typed` on every save; never shown unsanitised.
    body = LongTextField(_("tekst"), max_length=BODY_MAX_LENGTH)
    state = models.CharField(
        _("status"), max_length=20, choices=IssueState.choices, default=IssueState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skrevet af"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    send_started_at = models.DateTimeField(_("afsendelse startet"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sendt af"),
    )
    finished_at = models.DateTimeField(_("afsendelse færdig"), null=True, blank=True)
    # Failures in a row across all workers; reset by each success. At the limit the send pauses.
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    pause_reason = models.CharField(_("årsag til pause"), max_length=REASON_MAX_LENGTH, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("udgave")
        verbose_name_plural = _("udgaver")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_draft(self) -> bool:
        return self.state == IssueState.DRAFT


class Delivery(models.Model):
    """One issue to one recipient: claimed by one worker at a time, sent at most once."""

    municipality_path = "issue__mailing_list__municipality"

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("udgave")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("modtager"),
    )
    state = models.CharField(
        _("status"), max_length=20, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    attempts = models.PositiveIntegerField(_("forsøg"), default=0)
    next_attempt_at = models.DateTimeField(_("næste forsøg"))
    claimed_by = models.CharField(max_length=40, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    last_error = models.CharField(_("seneste fejl"), max_length=REASON_MAX_LENGTH, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("forsendelse")
        verbose_name_plural = _("forsendelser")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"],
                name="delivery_once_per_recipient",
                violation_error_message=_("Modtageren har allerede en forsendelse af udgaven."),
            ),
        ]
        indexes = [
            models.Index(fields=["issue", "state", "next_attempt_at"], name="delivery_due"),
            models.Index(fields=["claimed_by"], name="delivery_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}"
