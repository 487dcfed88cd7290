from django.db import models
from django.utils.translation import gettext_lazy as _

from inquiries import clock


class State(models.TextChoices):
    """Where an inquiry stands; the clock reads these from the state log (`inquiries.promises`)."""

    RECEIVED = "received", _("Modtaget")
    INCOMPLETE = "incomplete", _("Mangler oplysninger")
    RUNNING = "running", _("I gang")
    WAITING = "waiting", _("Afventer virksomheden")
    CLOSED = "closed", _("Afsluttet")


class Action(models.TextChoices):
    """What a state-log entry records."""

    RECEIVED = "received", _("Modtaget")
    TAKEN = "taken", _("Taget")
    INCOMPLETE = "incomplete", _("Mangler oplysninger")
    COMPLETE = "complete", _("Komplet")
    PAUSED = "paused", _("Sat til at afvente virksomheden")
    RESUMED = "resumed", _("Genoptaget")
    RESPONDED = "responded", _("Første svar givet")
    REASSIGNED = "reassigned", _("Flyttet til et andet team")
    CLOSED = "closed", _("Afsluttet")


class TimeUnit(models.TextChoices):
    """How a promise counts time (`inquiries.clock.Unit`)."""

    CALENDAR_HOURS = clock.Unit.CALENDAR_HOURS.value, _("timer")
    CALENDAR_DAYS = clock.Unit.CALENDAR_DAYS.value, _("kalenderdage")
    WORKING_HOURS = clock.Unit.WORKING_HOURS.value, _("arbejdstimer")


class ClockStart(models.TextChoices):
    """When a topic's resolution clock starts."""

    ON_RECEIPT = "on_receipt", _("Når henvendelsen modtages")
    WHEN_COMPLETE = "when_complete", _("Når sagen er komplet")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("mandag")
    TUESDAY = 1, _("tirsdag")
    WEDNESDAY = 2, _("onsdag")
    THURSDAY = 3, _("torsdag")
    FRIDAY = 4, _("fredag")
    SATURDAY = 5, _("lørdag")
    SUNDAY = 6, _("søndag")


class ClockKind(models.TextChoices):
    """The two clocks of a promise."""

    RESPONSE = "response", _("første svar")
    RESOLUTION = "resolution", _("afgørelse")
