from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    IN_PROGRESS = "in_progress", _("I gang")
    DONE = "done", _("Gennemført")
    POSTPONED = "postponed", _("Udskudt")
    DROPPED = "dropped", _("Opgivet")


class TrafficLight(models.TextChoices):
    GREEN = "green", _("Grøn – kører efter planen")
    YELLOW = "yellow", _("Gul – udfordringer")
    RED = "red", _("Rød – kræver handling")


class ReportingCycle(models.TextChoices):
    MONTHLY = "monthly", _("Månedligt")
    QUARTERLY = "quarterly", _("Kvartalsvis")
    HALF_YEARLY = "half_yearly", _("Halvårligt")
    YEARLY = "yearly", _("Årligt")
