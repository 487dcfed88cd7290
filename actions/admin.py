"""The actions app's reference data in the scoped admin (`core.admin`): partners, committees and
their members, plan steering and service promises. A municipal administrator sees and creates
only their own municipality's rows; the foreign keys offer only those.

Activities are not here: they change through `actions.services` (the edit page and the Excel
import), which check the version and write the history.
"""

from django.contrib import admin

from actions.models import Committee, CommitteeMember, Partner, PlanSteering, ServicePromise
from core.admin import MunicipalityScopedAdmin, ScopedInlineMixin, admin_site


@admin.register(Partner, site=admin_site)
class PartnerAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]


class CommitteeMemberInline(ScopedInlineMixin, admin.TabularInline):
    model = CommitteeMember
    extra = 0


@admin.register(Committee, site=admin_site)
class CommitteeAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    inlines = [CommitteeMemberInline]


@admin.register(PlanSteering, site=admin_site)
class PlanSteeringAdmin(MunicipalityScopedAdmin):
    list_display = ["plan", "committee", "reporting_cycle", "evaluation_due"]
    list_filter = ["reporting_cycle"]


@admin.register(ServicePromise, site=admin_site)
class ServicePromiseAdmin(MunicipalityScopedAdmin):
    list_display = ["text", "plan", "response_time"]
    list_filter = ["plan"]
    search_fields = ["text"]
