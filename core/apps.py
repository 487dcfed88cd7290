from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Kommuner og brugere")

    def ready(self):
        from django.urls import register_converter

        from core.ids import IdConverter

        # Once, before any URLconf is imported: the apps' URLs use `<id:…>` for primary keys.
        register_converter(IdConverter, "id")
