from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Nyhedsbreve")

    def ready(self):
        # A goal counted in Kurs can name the subscriber count (`strategy.sources`); strategy
        # itself does not know this app.
        from newsletter.figures import SOURCES
        from strategy import sources

        for source in SOURCES:
            sources.register(source)
        register_personal_data()


def register_personal_data() -> None:
    """Subscriptions, deliveries and confirmation mails answer a GDPR request by address
    (`core.personal_data`)."""
    from dataclasses import asdict

    from core.personal_data import Source, register
    from newsletter import services

    register(
        Source(
            "newsletter",
            _("Nyhedsbreve"),
            export=services.person_data,
            erase=lambda **person: asdict(services.erase_address(**person)),
        )
    )
