from django.db import models
from django.utils.translation import gettext_lazy as _


class Reach(models.TextChoices):
    NATIONAL = "national", _("Landsdækkende medie eller fagblad")
    LOCAL = "local", _("Lokalt medie")
