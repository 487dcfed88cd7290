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
