from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Rapporter og eksport"

    def ready(self) -> None:
        from reports import models  # noqa: F401 (connects the guard on deleting sent reports)
