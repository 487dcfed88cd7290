"""Partnerships with the organisations the municipality works with (`actions.Partner`, which the
action plans' activities already name): the agreements made with a partner (title, purpose,
period, status, a link to the signed document) with the activities and goals each agreement
covers, and the contact persons at the partner.

A contact person is personal data: `partnerships.gdpr` exports and erases it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from actions.models import Activity, Partner
from core.bounds import LongTextField, validate_plausible_date
from core.models import ScopedQuerySet
from partnerships.enums import AgreementStatus
from strategy.models import Goal


class Agreement(models.Model):
    """An agreement with a partner: what it is for, for how long, and what it takes part in."""

    municipality_path = "partner__municipality"

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("partner")
    )
    title = models.CharField(_("titel"), max_length=300)
    purpose = LongTextField(_("formål"), blank=True)
    # The period as the document writes it ("2008 - 2013"), and the dates it covers when known.
    period_text = models.CharField(_("periode som i dokumentet"), max_length=100, blank=True)
    starts_on = models.DateField(
        _("start"), null=True, blank=True, validators=[validate_plausible_date]
    )
    ends_on = models.DateField(
        _("slut"), null=True, blank=True, validators=[validate_plausible_date]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.ACTIVE
    )
    document_url = models.URLField(
        _("link til aftaledokumentet"),
        max_length=500,
        blank=True,
        help_text=_("Fx til den underskrevne aftale i journalsystemet."),
    )
    source = models.CharField(
        _("kilde"),
        max_length=300,
        blank=True,
        help_text=_("Hvor aftalen er beskrevet, fx 'Erhvervsstrategi 2013-2017'."),
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="agreements", verbose_name=_("aktiviteter")
    )
    goals = models.ManyToManyField(
        Goal, blank=True, related_name="agreements", verbose_name=_("mål")
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("aftale")
        verbose_name_plural = _("aftaler")
        ordering = ["partner", "-starts_on", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Slutdatoen ligger før startdatoen.")})


PERSONAL_FIELDS = ["name", "role", "email", "phone"]


class PartnerContact(models.Model):
    """A contact person at a partner organisation (personal data)."""

    municipality_path = "partner__municipality"

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partner")
    )
    name = models.CharField(_("navn"), max_length=200)
    role = models.CharField(_("rolle"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktperson hos partner")
        verbose_name_plural = _("kontaktpersoner hos partnere")
        ordering = ["partner", "name"]

    def __str__(self) -> str:
        return self.name
