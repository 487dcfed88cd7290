"""Consent texts in the scoped admin (`core.admin`): an administrator adds a new version of a
list's text; a version is never changed or deleted, since subscribers point at what they saw."""

from django.contrib import admin

from core.admin import MunicipalityScopedAdmin, admin_site
from newsletter import services
from newsletter.models import ConsentText


@admin.register(ConsentText, site=admin_site)
class ConsentTextAdmin(MunicipalityScopedAdmin):
    list_display = ["mailing_list", "version", "created_at"]
    fields = ["mailing_list", "text"]

    def get_readonly_fields(self, request, obj=None):
        return ["mailing_list", "text"] if obj is not None else []

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # The next version number of the list, taken under a lock (`new_consent_version`).
        saved = services.new_consent_version(mailing_list=obj.mailing_list, text=obj.text)
        obj.pk, obj.version = saved.pk, saved.version
