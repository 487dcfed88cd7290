from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = _("Udbud og markedsdialog")

    def ready(self):
        # The company page shows a firm's interest and bids through `businesses.timeline`.
        from businesses import timeline
        from procurement import company_page

        timeline.register(company_page.entries)
        register_personal_data()


def register_personal_data() -> None:
    """Interest registrations answer a GDPR request by address (`core.personal_data`)."""
    from core.personal_data import Source, register
    from procurement import gdpr

    register(
        Source(
            "procurement",
            _("Interesse for udbud"),
            export=gdpr.person_data,
            erase=lambda **person: {"interest_registrations": gdpr.erase_person(**person)},
        )
    )
