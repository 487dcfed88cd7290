"""Two simple logs whose yearly counts feed goals of Erhvervsstrategi 2013-2017 (`figures.py`):

- `MediaMention`: business coverage of the municipality in the media ("mindst 50 eksponeringer
  af erhvervsmæssig omtale i landsdækkende medier og fagblade om året");
- `AdviceSession`: an entrepreneur advised ("mindst 50 iværksættere igennem
  IværksætterKontaktpunktets rådgivning i Albertslund om året"). The advised person's name is
  personal data: `services.anonymise_advice` blanks it and keeps the count.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from businesses.models import Company
from core.bounds import validate_plausible_date
from core.models import Municipality, ScopedQuerySet
from outreach.enums import Reach


class MediaMention(models.Model):
    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    mentioned_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    outlet = models.CharField(_("medie"), max_length=200)
    reach = models.CharField(_("dækning"), max_length=20, choices=Reach.choices)
    title = models.CharField(_("overskrift"), max_length=500)
    link = models.URLField(_("link"), max_length=1000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("medieomtale")
        verbose_name_plural = _("medieomtaler")
        ordering = ["-mentioned_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class AdviceSession(models.Model):
    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    advised_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    advised = models.CharField(
        _("rådgivet person eller virksomhed"),
        max_length=200,
        help_text=_("Personens navn er en personoplysning og kan anonymiseres senere."),
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
    topic = models.CharField(_("emne"), max_length=300)
    adviser = models.CharField(
        _("rådgiver"), max_length=200, help_text=_("Hvem rådgav, fx erhvervskonsulenten.")
    )
    is_anonymised = models.BooleanField(_("anonymiseret"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("iværksætterrådgivning")
        verbose_name_plural = _("iværksætterrådgivninger")
        ordering = ["-advised_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.advised} {self.advised_on:%Y-%m-%d}"
