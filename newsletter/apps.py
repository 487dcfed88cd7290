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
