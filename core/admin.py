"""Django admin for municipal administrators, scoped like every other view.

A user reaches the admin when they are a superuser (the installation's operator) or an
administrator of at least one municipality. Municipal administrators see and change only rows of
the municipalities they administer; foreign keys offer only those municipalities' rows.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.models import Membership, Municipality, User
from core.scoping import administered_municipality_ids


class KursAdminSite(admin.AdminSite):
    site_header = _("Kurs – administration")
    site_title = _("Kurs")

    def has_permission(self, request):
        user = request.user
        if not (user.is_active and user.is_authenticated):
            return False
        return user.is_superuser or bool(administered_municipality_ids(user))


class MunicipalityScopedAdmin(SimpleHistoryAdmin):
    """Admin for a model that names its way to a municipality in `Model.municipality_path`."""

    def _scope(self, request, queryset, path=None):
        if request.user.is_superuser:
            return queryset
        path = path or self.model.municipality_path
        return queryset.filter(
            **{f"{path}__in": administered_municipality_ids(request.user)}
        ).distinct()

    def get_queryset(self, request):
        return self._scope(request, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        related = db_field.related_model
        if request.user.is_superuser or field is None:
            return field
        if related is Municipality:
            field.queryset = field.queryset.filter(
                pk__in=administered_municipality_ids(request.user)
            )
        elif related is User:
            field.queryset = field.queryset.filter(
                memberships__municipality__in=administered_municipality_ids(request.user)
            ).distinct()
        elif hasattr(related, "municipality_path"):
            field.queryset = self._scope(request, field.queryset, related.municipality_path)
        return field

    def _is_municipal_admin(self, request) -> bool:
        return request.user.is_superuser or bool(administered_municipality_ids(request.user))

    def has_module_permission(self, request):
        return self._is_municipal_admin(request)

    def has_view_permission(self, request, obj=None):
        return self._is_municipal_admin(request)

    def has_add_permission(self, request):
        return self._is_municipal_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._is_municipal_admin(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_municipal_admin(request)


admin_site = KursAdminSite(name="admin")


@admin.register(Municipality, site=admin_site)
class MunicipalityAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Membership, site=admin_site)
class MembershipAdmin(MunicipalityScopedAdmin):
    list_display = ["user", "municipality", "role"]
    list_filter = ["role", "municipality"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


@admin.register(User, site=admin_site)
class KursUserAdmin(UserAdmin):
    """Only superusers manage user accounts; municipal administrators manage memberships."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser
