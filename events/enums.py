from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """The kinds of business meetings the strategy's goal counts ("netværks-, dialog-,
    informationsmøder og konferencer", Erhvervsstrategi 2013-2017)."""

    NETWORK = "network", _("Netværksmøde")
    DIALOGUE = "dialogue", _("Dialogmøde")
    INFORMATION = "information", _("Informationsmøde")
    CONFERENCE = "conference", _("Konference")


class DatePrecision(models.TextChoices):
    """How exactly the start is known: a document may name only the month ("et møde i 2014
    (oktober)"); such an event starts on the month's first day and is shown as the month."""

    EXACT = "exact", _("Dato og tidspunkt")
    MONTH = "month", _("Kun måneden")


class RegistrationState(models.TextChoices):
    REGISTERED = "registered", _("Tilmeldt")
    WAITING = "waiting", _("På venteliste")
    OFFERED = "offered", _("Tilbudt en plads")
    EXPIRED = "expired", _("Tilbud udløbet")
    CANCELLED = "cancelled", _("Afmeldt")
    ATTENDED = "attended", _("Mødt")
    NO_SHOW = "no_show", _("Udeblevet")


# The states that hold one of the event's seats: an offered seat is kept for the person it was
# offered to until they answer or the offer expires.
SEAT_STATES = (
    RegistrationState.REGISTERED,
    RegistrationState.OFFERED,
    RegistrationState.ATTENDED,
    RegistrationState.NO_SHOW,
)
# The states in which the same e-mail address may not register again for the event.
ACTIVE_STATES = (*SEAT_STATES, RegistrationState.WAITING)
