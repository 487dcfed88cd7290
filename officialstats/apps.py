from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficialStatsConfig(AppConfig):
    name = "officialstats"
    verbose_name = _("Danmarks Statistik")
