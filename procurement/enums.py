from django.db import models
from django.utils.translation import gettext_lazy as _


class TenderStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Kommende")
    PUBLISHED = "published", _("Udbudt")
    AWARDED = "awarded", _("Tildelt")
    CLOSED = "closed", _("Afsluttet")
