from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Medieomtale og iværksætterrådgivning")

    def ready(self):
        # Goals counted in Kurs can name these figures; strategy itself does not know this app.
        # The company page shows advice given to a firm through `businesses.timeline`.
        from businesses import timeline
        from outreach import company_page
        from outreach.figures import SOURCES
        from strategy import sources

        for source in SOURCES:
            sources.register(source)
        timeline.register(company_page.entries)
