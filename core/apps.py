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
        connect_data_version_signals()


def connect_data_version_signals() -> None:
    """Every save, delete and many-to-many change of a model that belongs to a municipality
    raises its data version (`core.pagecache`), as does a change of a user's name."""
    from django.apps import apps
    from django.conf import settings
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from core.pagecache import bump_on_change, bump_on_user_change

    for model in apps.get_models():
        if "municipality_path" not in model.__dict__:
            continue
        post_save.connect(
            bump_on_change, sender=model, dispatch_uid=f"bump-save-{model._meta.label}"
        )
        post_delete.connect(
            bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model._meta.label}"
        )
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                bump_on_change, sender=through, dispatch_uid=f"bump-m2m-{through._meta.label}"
            )
    post_save.connect(
        bump_on_user_change, sender=settings.AUTH_USER_MODEL, dispatch_uid="bump-user-save"
    )
