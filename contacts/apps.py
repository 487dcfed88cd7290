from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Kontaktpersoner og persondata")

    def ready(self):
        # The company page lists the contact persons through `businesses.timeline`; businesses
        # itself does not know this app.
        from businesses import timeline
        from contacts.company_page import contact_facts

        timeline.register_facts(contact_facts)
        register_personal_data()


def register_personal_data() -> None:
    """Contact persons with an e-mail address answer a GDPR request by address
    (`core.personal_data`); core itself does not know this app."""
    from contacts import export, services
    from core.personal_data import Source, register

    register(
        Source(
            "contacts",
            _("Kontaktpersoner ved virksomheder"),
            export=export.by_email,
            erase=services.erase_by_email,
            logs_who=True,
        )
    )
