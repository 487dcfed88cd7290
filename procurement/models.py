"""Procurement dialogue, as Erhvervspolitik 2023-2026 promises ("Det skal være gennemsigtigt,
hvordan man kan komme i spil til opgaver, der udbydes af kommunen. Ligesom det skal være
tydeligt, hvorfor man ikke vælges til en opgave"):

- `Tender`: an upcoming tender, shown on the public page once `is_public` (title, description,
  expected publication, estimated value, contact), with its status and award;
- `DialogueMeeting`: a market-dialogue meeting before the tender (date, participants);
- `InterestRegistration`: a firm registering interest on the public page (personal data: the
  contact's name and e-mail; `procurement.gdpr`);
- `Bid`: a firm that bid; `Tender.awarded_bid` is the one selected;
- `Debriefing`: the record that a non-selected bidder was told why (date, reason, who told).

The rule (`Tender.closing_problems`): a tender is closed only once it is awarded and every
bidder not selected has a debriefing. It is checked by `Tender.clean` (forms, the admin) and
again by `Tender.save` (every other path), and a bid cannot be added to, nor a debriefing
removed from, a closed tender.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from businesses.models import Company
from core.bounds import MONEY_DIGITS, LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet
from procurement.enums import TenderStatus

DESCRIPTION_MAX_LENGTH = 5_000


class Tender(models.Model):
    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    title = models.CharField(_("titel"), max_length=300)
    description = LongTextField(_("beskrivelse"), blank=True)
    expected_publication = models.DateField(
        _("forventet offentliggørelse"), validators=[validate_plausible_date]
    )
    estimated_value = models.DecimalField(
        _("anslået værdi (kr.)"), null=True, blank=True, **MONEY_DIGITS
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200)
    contact_email = models.EmailField(_("kontaktpersonens e-mail"), max_length=254)
    contact_phone = models.CharField(_("kontaktpersonens telefon"), max_length=30, blank=True)
    is_public = models.BooleanField(
        _("vis på den offentlige side"),
        default=False,
        help_text=_("Lokale virksomheder kan se udbuddet og melde deres interesse."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TenderStatus.choices, default=TenderStatus.UPCOMING
    )
    awarded_bid = models.OneToOneField(
        "Bid",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("valgt tilbud"),
    )
    awarded_on = models.DateField(
        _("tildelt"), null=True, blank=True, validators=[validate_plausible_date]
    )
    closed_on = models.DateField(
        _("afsluttet"), null=True, blank=True, validators=[validate_plausible_date]
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("udbud")
        verbose_name_plural = _("udbud")
        ordering = ["municipality", "expected_publication", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Every write path, not only those that call full_clean, keeps the closing rule.
        if self.status == TenderStatus.CLOSED and (problems := self.closing_problems()):
            raise ValidationError({"status": problems})
        super().save(*args, **kwargs)

    def untold_bids(self):
        """The bids not selected whose bidder has not been told why."""
        if self.pk is None:
            return Bid.objects.none()
        bids = self.bids.filter(debriefing__isnull=True)
        if self.awarded_bid_id:
            bids = bids.exclude(pk=self.awarded_bid_id)
        return bids

    def closing_problems(self) -> list[str]:
        """Why the tender cannot be closed now (empty when it can)."""
        if self.awarded_bid_id is None:
            return [str(_("Udbuddet kan ikke afsluttes, før det er tildelt."))]
        untold = [bid.company_name for bid in self.untold_bids()]
        if untold:
            return [
                str(
                    _(
                        "Udbuddet kan ikke afsluttes, før alle tilbudsgivere, der ikke blev "
                        "valgt, har fået en begrundelse. Mangler: %(names)s."
                    )
                    % {"names": ", ".join(untold)}
                )
            ]
        return []

    def clean(self):
        if self.awarded_bid_id and self.awarded_bid.tender_id != self.pk:
            raise ValidationError({"awarded_bid": _("Tilbuddet hører ikke til dette udbud.")})
        if self.status == TenderStatus.CLOSED and (problems := self.closing_problems()):
            raise ValidationError({"status": problems})
        if self.status in (TenderStatus.AWARDED, TenderStatus.CLOSED) and not self.awarded_bid_id:
            raise ValidationError({"status": _("Vælg først det tilbud, udbuddet tildeles.")})

    @property
    def is_closed(self) -> bool:
        return self.status == TenderStatus.CLOSED


class DialogueMeeting(models.Model):
    """A market-dialogue meeting before the tender: when, and who took part."""

    municipality_path = "tender__municipality"

    tender = models.ForeignKey(
        Tender, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("udbud")
    )
    held_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    participants = LongTextField(_("deltagere"))
    note = LongTextField(_("referat"), blank=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("markedsdialogmøde")
        verbose_name_plural = _("markedsdialogmøder")
        ordering = ["tender", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.tender} {self.held_on:%Y-%m-%d}"


class InterestRegistration(models.Model):
    """A firm that registered its interest in a tender on the public page."""

    municipality_path = "tender__municipality"

    tender = models.ForeignKey(
        Tender, on_delete=models.CASCADE, related_name="interests", verbose_name=_("udbud")
    )
    cvr_number = models.CharField(_("CVR-nummer"), max_length=8)
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("virksomhed"),
    )
    company_name = models.CharField(_("virksomhedens navn"), max_length=200)
    contact_name = models.CharField(_("kontaktperson"), max_length=200)
    # Blank once the person's data is erased (`procurement.gdpr`); the public form requires it.
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    registered_at = models.DateTimeField(_("tilmeldt"), auto_now_add=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("interessetilkendegivelse")
        verbose_name_plural = _("interessetilkendegivelser")
        ordering = ["tender", "registered_at"]

    def __str__(self) -> str:
        return self.company_name


class Bid(models.Model):
    """A firm that bid for the tender."""

    municipality_path = "tender__municipality"

    tender = models.ForeignKey(
        Tender, on_delete=models.CASCADE, related_name="bids", verbose_name=_("udbud")
    )
    cvr_number = models.CharField(_("CVR-nummer"), max_length=8, blank=True)
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("virksomhed"),
    )
    company_name = models.CharField(_("tilbudsgiver"), max_length=200)
    received_on = models.DateField(_("modtaget"), validators=[validate_plausible_date])
    created_at = models.DateTimeField(_("registreret"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tilbud")
        verbose_name_plural = _("tilbud")
        ordering = ["tender", "company_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tender", "company_name"],
                name="bid_once_per_bidder",
                violation_error_message=_("Tilbudsgiveren har allerede et tilbud på udbuddet."),
            )
        ]

    def __str__(self) -> str:
        return self.company_name

    def clean(self):
        # Read from the database: the tender in memory may be older than its closing.
        if (
            self.tender_id
            and Tender.objects.filter(pk=self.tender_id, status=TenderStatus.CLOSED).exists()
        ):
            raise ValidationError(_("Udbuddet er afsluttet; der kan ikke tilføjes tilbud."))


class Debriefing(models.Model):
    """The record that a bidder not selected was told why: when, the reason, who told them."""

    municipality_path = "bid__tender__municipality"

    bid = models.OneToOneField(
        Bid, on_delete=models.CASCADE, related_name="debriefing", verbose_name=_("tilbud")
    )
    told_on = models.DateField(_("begrundelse givet"), validators=[validate_plausible_date])
    reason = LongTextField(_("begrundelse"))
    told_by = models.CharField(_("givet af"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    recorded_at = models.DateTimeField(_("registreret"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("begrundelse til tilbudsgiver")
        verbose_name_plural = _("begrundelser til tilbudsgivere")

    def __str__(self) -> str:
        return str(self.bid)

    def clean(self):
        tender = self.bid.tender
        if self.bid_id and tender.awarded_bid_id == self.bid_id:
            raise ValidationError(_("Det valgte tilbud skal ikke have en afslagsbegrundelse."))

    def delete(self, *args, **kwargs):
        if Tender.objects.filter(pk=self.bid.tender_id, status=TenderStatus.CLOSED).exists():
            raise ValidationError(_("Udbuddet er afsluttet; begrundelsen kan ikke slettes."))
        return super().delete(*args, **kwargs)
