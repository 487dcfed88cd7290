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
        register_personal_data()


def register_personal_data() -> None:
    """Participants, proposers and followers answer a GDPR request by address
    (`core.personal_data`)."""
    from core.personal_data import Source, register
    from forum import personal_data

    register(
        Source(
            "forum",
            _("Strategisk Erhvervsforum"),
            export=personal_data.export_person,
            erase=personal_data.erase_person,
        )
    )
