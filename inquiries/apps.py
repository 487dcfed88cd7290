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
        register_personal_data()


def register_personal_data() -> None:
    """Inquiries answer a GDPR request by address (`core.personal_data`), also those from a
    sender who is not a recorded contact person; core itself does not know this app."""
    from core.personal_data import Source, register
    from inquiries import personal_data

    register(
        Source(
            "inquiries",
            _("Henvendelser fra virksomheder"),
            export=personal_data.export_person,
            erase=personal_data.erase_person,
        )
    )
