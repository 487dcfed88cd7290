"""The company register in the scoped admin (`core.admin`).

Register rows (companies and production units with a CVR or P-number) are the CVR import's:
the operator (a superuser) may look them up; a municipal administrator sees and edits the firms
kept on their municipality's own list and what their municipality keeps about companies.
"""

from django.contrib import admin

from businesses.models import Company, CompanyAddress, CompanyName, CompanyProfile, ProductionUnit
from core.admin import MunicipalityScopedAdmin, ScopedInlineMixin, admin_site


class CompanyNameInline(ScopedInlineMixin, admin.TabularInline):
    model = CompanyName
    extra = 0


class CompanyAddressInline(ScopedInlineMixin, admin.TabularInline):
    model = CompanyAddress
    extra = 0


@admin.register(Company, site=admin_site)
class CompanyAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "cvr_number", "municipality_code", "industry_code", "end_date"]
    list_filter = ["kept_by", "industry_code_system", "advertising_protected"]
    search_fields = ["name", "cvr_number"]
    inlines = [CompanyNameInline, CompanyAddressInline]


@admin.register(ProductionUnit, site=admin_site)
class ProductionUnitAdmin(admin.ModelAdmin):
    """Register rows only: the operator's, changed by the CVR import."""

    list_display = ["name", "p_number", "company", "municipality_code", "end_date"]
    search_fields = ["name", "p_number", "company__cvr_number"]
    raw_id_fields = ["company"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(CompanyProfile, site=admin_site)
class CompanyProfileAdmin(MunicipalityScopedAdmin):
    list_display = ["company", "municipality", "key_account_owner"]
    list_filter = ["municipality"]
    search_fields = ["company__name", "company__cvr_number"]
    raw_id_fields = ["company"]
