from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = _("Henvendelser og servicemål")

    def ready(self):
        # Goals counted in Kurs can name these figures (`strategy.sources`); strategy itself
        # does not know this app.
        from inquiries.figures import SOURCES
        from strategy import sources

        for source in SOURCES:
            sources.register(source)
