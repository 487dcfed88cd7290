"""Django admin for municipal administrators, scoped like every other view.

A user reaches the admin when they are a superuser (the installation's operator) or an
administrator of at least one municipality. Municipal administrators see and change only rows of
the municipalities they administer; foreign keys offer only those municipalities' rows.
"""

from contextlib import contextmanager

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.access import Rule, declare
from core.models import Membership, Municipality, User, municipality_id_of
from core.scoping import administered_municipality_ids


def administered_by(request) -> set[int]:
    """The municipalities the request's user administers, looked up once per request (the admin
    asks for every permission check, row and filter)."""
    if not hasattr(request, "_kurs_administered"):
        request._kurs_administered = administered_municipality_ids(request.user)
    return request._kurs_administered


class KursAdminAuthenticationForm(AdminAuthenticationForm):
    """Lets in whom `KursAdminSite.has_permission` lets in, not only users with `is_staff`."""

    def confirm_login_allowed(self, user):
        AuthenticationForm.confirm_login_allowed(self, user)
        if not (user.is_superuser or administered_municipality_ids(user)):
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


class KursAdminSite(admin.AdminSite):
    site_header = _("Kurs – administration")
    site_title = _("Kurs")
    login_form = KursAdminAuthenticationForm

    def has_permission(self, request):
        user = request.user
        if not (user.is_active and user.is_authenticated):
            return False
        return user.is_superuser or bool(administered_by(request))

    def get_urls(self):
        """The admin's addresses with their access rules (`core.access`): the login form is for
        anyone, everything else for whom `has_permission` lets in.

        Django's "view on site" redirect is left out: no model has a page of its own
        (`get_absolute_url`, and `view_on_site` is off), and the view looks a row of any model
        up by id, outside the scoping."""
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        for url in urls:
            declare(Rule.PUBLIC if getattr(url, "name", None) == "login" else Rule.ADMIN_SITE, url)
        return urls


@contextmanager
def _as_not_found():
    """simple-history's history pages look the row up in every municipality and then refuse one
    outside the administrator's with a 403, which would tell that the id exists there. Answer
    as for an id that no row has: the permission checks refuse only rows of other
    municipalities (`MunicipalityScopedAdmin._is_municipal_admin`)."""
    try:
        yield
    except PermissionDenied:
        raise Http404 from None


class MunicipalityScopedAdmin(SimpleHistoryAdmin):
    """Admin for a model that names its way to a municipality in `Model.municipality_path`.

    A model with django-simple-history gets its history page; one without (a partner, a
    committee) gets Django's own, from the admin log, and no page per version, instead of a
    server error."""

    view_on_site = False

    # Django renders every row's cells and checkbox through templates; 50 rows keep a change
    # list at a fraction of the time of the default 100, with search and filters for the rest.
    list_per_page = 50

    def _has_simple_history(self) -> bool:
        return hasattr(self.model._meta, "simple_history_manager_attribute")

    @property
    def object_history_template(self):
        return "simple_history/object_history.html" if self._has_simple_history() else None

    def get_urls(self):
        if self._has_simple_history():
            return super().get_urls()
        return admin.ModelAdmin.get_urls(self)

    def history_view(self, request, object_id, extra_context=None):
        if self._has_simple_history():
            with _as_not_found():
                return super().history_view(request, object_id, extra_context)
        return admin.ModelAdmin.history_view(self, request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        with _as_not_found():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def _scope(self, request, queryset, path=None):
        # Every `municipality_path` follows foreign keys only, so the filter adds no duplicate
        # rows and needs no DISTINCT over whole rows.
        if request.user.is_superuser:
            return queryset
        if path is None:
            return queryset.of_municipalities(administered_by(request))
        return queryset.filter(**{f"{path}__in": administered_by(request)})

    def get_queryset(self, request):
        return self._scope(request, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        related = db_field.related_model
        if request.user.is_superuser or field is None:
            return field
        if related is Municipality:
            field.queryset = field.queryset.filter(pk__in=administered_by(request))
        elif related is User:
            field.queryset = field.queryset.filter(
                memberships__municipality__in=administered_by(request)
            ).distinct()
        elif hasattr(related, "municipality_path"):
            field.queryset = self._scope(request, field.queryset, related.municipality_path)
        return field

    def get_list_filter(self, request):
        """Filters on a relation offer only related rows the user may see."""
        list_filter = super().get_list_filter(request)
        if request.user.is_superuser:
            return list_filter
        return [self._scoped_list_filter(item) for item in list_filter]

    def _scoped_list_filter(self, item):
        if isinstance(item, str) and get_fields_from_path(self.model, item)[-1].is_relation:
            return (item, admin.RelatedOnlyFieldListFilter)
        return item

    def _is_municipal_admin(self, request, obj=None) -> bool:
        """Superusers always; municipal administrators for the rows of their municipalities.

        `obj` is checked as it is stored now, or, once deleted, as given (simple-history's views
        pass historical versions, which must not open another municipality's row)."""
        if request.user.is_superuser:
            return True
        administered = administered_by(request)
        if obj is None or not administered:
            return bool(administered)
        stored = self.model._default_manager.filter(pk=obj.pk)
        if obj.pk is not None and stored.exists():
            return self._scope(request, stored).exists()
        return municipality_id_of(obj, self.model.municipality_path) in administered

    def has_module_permission(self, request):
        return self._is_municipal_admin(request)

    def has_view_permission(self, request, obj=None):
        return self._is_municipal_admin(request, obj)

    def has_add_permission(self, request):
        return self._is_municipal_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._is_municipal_admin(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._is_municipal_admin(request, obj)


class ScopedInlineMixin:
    """Inline rows follow their parent: `obj` is the parent row the scoped admin is showing."""

    def _may_edit_parent(self, request, obj) -> bool:
        if request.user.is_superuser:
            return True
        administered = administered_by(request)
        if obj is None:
            return bool(administered)
        return municipality_id_of(obj, type(obj).municipality_path) in administered

    def has_view_permission(self, request, obj=None):
        return self._may_edit_parent(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._may_edit_parent(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit_parent(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit_parent(request, obj)


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


class OperatorOnlyAdmin:
    """A model admin (mixin) for rows only the operator, a superuser, may see and change: user
    accounts, the national CVR register. Every page refuses anybody else before it looks a row
    up, so no answer tells a municipal administrator which ids exist."""

    def history_view(self, request, object_id, extra_context=None):
        # Django looks the row up before it asks for permission on this page alone.
        if not self.has_view_permission(request):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

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


@admin.register(User, site=admin_site)
class KursUserAdmin(OperatorOnlyAdmin, UserAdmin):
    """Only superusers manage user accounts; municipal administrators manage memberships."""
