from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementStatus(models.TextChoices):
    PLANNED = "planned", _("Under forberedelse")
    ACTIVE = "active", _("Gældende")
    ENDED = "ended", _("Afsluttet")
