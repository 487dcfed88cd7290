from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Arrangementer")

    def ready(self):
        # Goals can count events held and attendees (`strategy.sources`), and the company
        # page shows registrations (`businesses.timeline`); neither app knows this one.
        from businesses import timeline
        from events import company_page
        from events.figures import SOURCES
        from strategy import sources

        for source in SOURCES:
            sources.register(source)
        timeline.register(company_page.registration_entries)
        register_personal_data()


def register_personal_data() -> None:
    """A person's registrations answer a GDPR request by address (`core.personal_data`)."""
    from core.personal_data import Source, register
    from events import services

    register(
        Source(
            "events",
            _("Tilmeldinger til arrangementer"),
            export=services.personal_data,
            erase=lambda **person: {"registrations": services.erase_person(**person)},
        )
    )
