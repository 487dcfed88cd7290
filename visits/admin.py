"""Each municipality's list of visit topics in the scoped admin (`core.admin`). Visits are
recorded and changed on their pages (`visits.services`), never here."""

from django.contrib import admin

from core.admin import MunicipalityScopedAdmin, admin_site
from visits.models import VisitTopic


@admin.register(VisitTopic, site=admin_site)
class VisitTopicAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "order", "is_active", "municipality"]
    list_filter = ["is_active"]
