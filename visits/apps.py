from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Virksomhedsbesøg")

    def ready(self):
        # The company page shows visits, follow-ups and inquiries through the registry of
        # `businesses.timeline`; businesses itself does not know this app.
        from django.db.models.signals import post_save

        from businesses import timeline
        from core.models import Municipality
        from visits import company_page

        post_save.connect(_seed_topics, sender=Municipality, dispatch_uid="visits_seed_topics")

        timeline.register(company_page.visit_entries)
        timeline.register(company_page.inquiry_entries)
        timeline.register_open_items(company_page.open_items)
        timeline.register_facts(company_page.last_met)
        timeline.register_facts(company_page.record_link)


def _seed_topics(sender, instance, created, raw=False, **kwargs):
    """A new municipality starts with the default visit topics."""
    if created and not raw:
        from visits.services import seed_topics

        seed_topics(instance)
