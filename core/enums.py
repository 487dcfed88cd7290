from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a member may do in one municipality."""

    ADMINISTRATOR = "administrator", _("Administrator")
    STAFF = "staff", _("Medarbejder")
    COMMITTEE_READER = "committee_reader", _("Udvalgslæser")
