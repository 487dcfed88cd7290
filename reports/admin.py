"""Reports in the scoped admin (`core.admin`): the municipality's report logo, and the reports
themselves read-only. Reports are asked for and sent on their pages (`reports.views`), built by
the job; nobody edits one here, and a sent report cannot be deleted (`reports.models`)."""

from django.contrib import admin

from core.admin import MunicipalityScopedAdmin, admin_site
from reports.models import Report, ReportLook


@admin.register(ReportLook, site=admin_site)
class ReportLookAdmin(MunicipalityScopedAdmin):
    list_display = ["municipality", "logo"]


@admin.register(Report, site=admin_site)
class ReportAdmin(MunicipalityScopedAdmin):
    list_display = ["title", "plan", "state", "created_at", "sent_at"]
    list_filter = ["state", "plan"]
    search_fields = ["title"]
    # The rendered documents stay out of the admin's form: they are read on the report's page.
    fields = [
        "title",
        "plan",
        "recommendation",
        "requested_by",
        "state",
        "progress",
        "progressed_at",
        "error",
        "created_at",
        "finished_at",
        "sent_at",
        "sent_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_sent:
            return False
        return super().has_delete_permission(request, obj)
