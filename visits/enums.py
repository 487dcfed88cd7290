from django.db import models
from django.utils.translation import gettext_lazy as _


class Body(models.TextChoices):
    """Who made the visit: several bodies visit the same firms, and each visit is recorded
    under the body that made it."""

    MUNICIPALITY = "municipality", _("Kommunen")
    MAYOR = "mayor", _("Borgmesteren")
    JOBCENTER = "jobcenter", _("Jobcentret")
    BUSINESS_HOUSE = "business_house", _("Erhvervshuset (fx Erhvervshus Hovedstaden)")


# The topics a new municipality starts with (names editable in the admin). An assumption drawn
# from the seeds' themes (recruitment, green transition, building cases, entrepreneurship) and
# what business houses commonly record; each municipality adjusts its own list.
DEFAULT_TOPICS = [
    "Rekruttering og arbejdskraft",
    "Grøn omstilling",
    "Byggesag og myndighed",
    "Udvidelse og lokaler",
    "Infrastruktur og mobilitet",
    "Iværksætteri",
    "Eksport og internationalisering",
    "Kompetencer og uddannelse",
]
