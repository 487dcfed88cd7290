from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    """The lawful basis of processing a contact person's data (GDPR article 6(1))."""

    CONSENT = "consent", _("Samtykke (art. 6, stk. 1, litra a)")
    CONTRACT = "contract", _("Kontrakt (art. 6, stk. 1, litra b)")
    LEGAL_OBLIGATION = "legal_obligation", _("Retlig forpligtelse (art. 6, stk. 1, litra c)")
    PUBLIC_TASK = "public_task", _("Myndighedsudøvelse (art. 6, stk. 1, litra e)")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitim interesse (art. 6, stk. 1, litra f)")


class ErasureCause(models.TextChoices):
    """Why a contact person was erased."""

    REQUEST = "request", _("Efter anmodning")
    RETENTION = "retention", _("Slettefrist overskredet")
