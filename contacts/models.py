"""Contact persons at companies, which are personal data (GDPR), and the mailing lists they may
be on.

- `ContactPerson` belongs to one municipality and names a company of the register; it records the
  legal basis of keeping it (GDPR art. 6) and when the municipality last had contact with the
  person, which the retention rule reads (`contacts.services.apply_retention`). Its changes are
  kept by django-simple-history; erasing the person removes those copies too.
- `MailingList` and `Subscription` are the minimum the advertising-protection rule needs: a
  contact of a firm that is `reklamebeskyttet` in the CVR register is never put on a list
  without an opt-in recorded on the subscription (`Subscription.clean`, checked on every save).
  A list is also the newsletter's list (`newsletter`): its public sign-up (`slug`,
  `public_signup`), its e-mail subscribers and its issues live in that app; a contact person
  subscribed here receives the list's issues too (`newsletter.services.start_send`).
- `ErasureLog` says that a person was erased, when, why and what was counted, without any
  personal data, so that the municipality can document the erasure and keep its figures.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from businesses.models import Company
from contacts.enums import ErasureCause, LegalBasis
from core.bounds import LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet

NOTE_MAX_LENGTH = 1_000
# What staff record about a person: the contact form's fields and what an export shows.
PERSONAL_FIELDS = [
    "name",
    "title",
    "email",
    "phone",
    "legal_basis",
    "legal_basis_note",
    "source",
    "last_contact_on",
]


class ContactPerson(models.Model):
    """A named person at a company, kept by one municipality with a legal basis."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.CASCADE,
        related_name="contact_persons",
        verbose_name=_("virksomhed"),
    )
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("stilling eller rolle"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    legal_basis = models.CharField(_("retsgrundlag"), max_length=30, choices=LegalBasis.choices)
    legal_basis_note = models.CharField(
        _("begrundelse for retsgrundlaget"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_("Fx hvornår og hvordan samtykket blev givet, eller hvilken opgave det tjener."),
    )
    source = models.CharField(
        _("kilde"),
        max_length=200,
        blank=True,
        help_text=_("Hvor oplysningerne kommer fra, fx 'visitkort ved besøg' eller 'CVR'."),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    last_contact_on = models.DateField(
        _("seneste kontakt"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_("Slettefristen regnes herfra (eller fra oprettelsen)."),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )

    history = HistoricalRecords(excluded_fields=["version", "submission_token"])
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["municipality", "company"], name="contact_of_company")]

    def __str__(self) -> str:
        return self.name


class MailingList(models.Model):
    """A list the municipality mails: a newsletter, with contact persons (`Subscription`) and
    people who signed up themselves (`newsletter.Subscriber`)."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(
        _("kort navn i adressen"),
        max_length=50,
        blank=True,
        help_text=_("Fx 'jobcenter': tilmeldingssiden er …/erhverv/nyhedsbrev/?liste=jobcenter."),
    )
    public_signup = models.BooleanField(
        _("offentlig tilmelding"),
        default=False,
        help_text=_("Alle kan tilmelde sig listen på kommunens offentlige side."),
    )
    description = models.CharField(
        _("beskrivelse"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_("Vises på tilmeldingssiden: hvad nyhedsbrevet handler om."),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("postliste")
        verbose_name_plural = _("postlister")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"],
                condition=~models.Q(slug=""),
                name="mailing_list_slug_once",
                violation_error_message=_("Kommunen har allerede en liste med det korte navn."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Subscription(models.Model):
    """A contact person on a mailing list; for an advertising-protected firm, only with an
    opt-in recorded here."""

    municipality_path = "mailing_list__municipality"

    mailing_list = models.ForeignKey(
        MailingList,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("postliste"),
    )
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("kontaktperson"),
    )
    subscribed_at = models.DateTimeField(_("tilmeldt"), auto_now_add=True)
    opted_in_at = models.DateTimeField(_("tilmeldt af personen selv"), null=True, blank=True)
    opt_in_note = models.CharField(
        _("hvordan tilmeldingen blev givet"), max_length=NOTE_MAX_LENGTH, blank=True
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "contact"],
                name="subscription_once_per_list",
                violation_error_message=_("Kontaktpersonen står allerede på listen."),
            ),
            models.CheckConstraint(
                condition=models.Q(opted_in_at__isnull=True) | ~models.Q(opt_in_note=""),
                name="subscription_opt_in_says_how",
                violation_error_message=_("Skriv, hvordan tilmeldingen blev givet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contact} – {self.mailing_list}"

    def save(self, *args, **kwargs):
        # The rule holds on every write path (admin, import, a later newsletter), not only forms.
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        """A firm with advertising protection (reklamebeskyttelse in CVR) is put on a list only
        with the person's own, recorded opt-in (Markedsføringslovens § 6, CVR-lovens § 22)."""
        if self.contact.company.advertising_protected and self.opted_in_at is None:
            raise ValidationError(
                _(
                    "Virksomheden er reklamebeskyttet: kontaktpersonen kan kun komme på listen "
                    "med en registreret tilmelding fra personen selv."
                ),
                code="advertising_protected",
            )
        if self.contact.municipality_id != self.mailing_list.municipality_id:
            raise ValidationError(_("Kontaktpersonen hører til en anden kommune."))


class ErasureLog(models.Model):
    """That a contact person was erased: when, why, by whom, what was counted. No personal data:
    the person is known only by the id they had."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    contact_id = models.PositiveBigIntegerField(_("kontaktpersonens id"))
    erased_at = models.DateTimeField(_("slettet"))
    cause = models.CharField(_("årsag"), max_length=20, choices=ErasureCause.choices)
    reason = LongTextField(
        _("begrundelse"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_("Uden personoplysninger, fx 'anmodning modtaget pr. e-mail 3. marts'."),
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("slettet af"),
    )
    visits = models.PositiveIntegerField(_("besøg, personen deltog i"), default=0)
    inquiries = models.PositiveIntegerField(_("henvendelser anonymiseret"), default=0)
    subscriptions = models.PositiveIntegerField(_("tilmeldinger slettet"), default=0)
    history_rows = models.PositiveIntegerField(_("historikrækker slettet"), default=0)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("sletning af persondata")
        verbose_name_plural = _("sletninger af persondata")
        ordering = ["-erased_at", "pk"]

    def __str__(self) -> str:
        return f"{self.contact_id} {self.erased_at:%Y-%m-%d}"
