from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerskaber")

    def ready(self):
        register_personal_data()


def register_personal_data() -> None:
    """Contact persons at partners answer a GDPR request by address (`core.personal_data`);
    core itself does not know this app."""
    from core.personal_data import Source, register
    from partnerships import gdpr

    register(
        Source(
            "partnerships",
            _("Kontaktpersoner hos samarbejdspartnere"),
            export=gdpr.by_email,
            erase=gdpr.erase_by_email,
        )
    )
