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
