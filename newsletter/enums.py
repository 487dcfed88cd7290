from django.db import models
from django.utils.translation import gettext_lazy as _


class SubscriberState(models.TextChoices):
    PENDING = "pending", _("afventer bekræftelse")
    CONFIRMED = "confirmed", _("tilmeldt")
    UNSUBSCRIBED = "unsubscribed", _("afmeldt")
    BOUNCED = "bounced", _("afvist af modtagerens server")


class IssueState(models.TextChoices):
    DRAFT = "draft", _("kladde")
    SENDING = "sending", _("sendes")
    PAUSED = "paused", _("sat på pause")
    SENT = "sent", _("sendt")


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("i kø")
    SENDING = "sending", _("sendes nu")
    SENT = "sent", _("sendt")
    BOUNCED = "bounced", _("afvist (adressen findes ikke)")
    FAILED = "failed", _("ikke sendt")
