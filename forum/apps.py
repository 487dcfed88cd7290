from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Erhvervsforum")

    def ready(self):
        # Goals counted in Kurs can name the forum's figures (`strategy.sources`), and the company
        # page shows the forum meetings a firm took part in (`businesses.timeline`); neither app
        # knows this one.
        from businesses import timeline
        from forum import company_page
        from forum.figures import SOURCES
        from strategy import sources

        for source in SOURCES:
            sources.register(source)
        timeline.register(company_page.meeting_entries)
