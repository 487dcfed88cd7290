"""Mailing lists and the erasure log in the scoped admin (`core.admin`).

Contact persons are not here: erasing one must also remove the copies django-simple-history
keeps and anonymise the person's inquiries, which only `contacts.services.erase_contact` does.
The erasure log can be read, never changed: it documents what was erased and why.
"""

from django.contrib import admin

from contacts.models import ErasureLog, MailingList
from core.admin import MunicipalityScopedAdmin, admin_site


@admin.register(MailingList, site=admin_site)
class MailingListAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "slug", "public_signup", "municipality"]


@admin.register(ErasureLog, site=admin_site)
class ErasureLogAdmin(MunicipalityScopedAdmin):
    list_display = ["erased_at", "cause", "contact_id", "visits", "inquiries", "municipality"]
    list_filter = ["cause"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
